package io.mqttreactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.spi.MqttClientProvider;

import java.util.List;

import org.junit.jupiter.api.Test;

class MqttClientsTest {

    @Test
    void noProviderFoundGivesAClearError() {
        MqttClientOptions options = MqttClientOptions.builder().username("u").password("secret").build();
        assertThatThrownBy(() -> MqttClients.create(options, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No MqttClientProvider supports MqttClientOptions{")
                .hasMessageContaining("providers found: none")
                .hasMessageContaining("password=<redacted>")
                .hasMessageNotContaining("secret");
    }

    @Test
    void discoversTheProviderThroughServiceLoader() {
        MqttClient client = MqttClients.create("mqtt://" + TestMqttClientProvider.HOST + ":1884?clientId=c");
        assertThat(client).isInstanceOf(StubMqttClient.class);
        assertThat(client.options().serverPort()).isEqualTo(1884);
        assertThat(client.options().clientId()).isEqualTo("c");
    }

    @Test
    void errorListsTheProvidersFoundWhenNoneSupportsTheOptions() {
        assertThatThrownBy(() -> MqttClients.create("mqtt://unsupported.test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("serverHost=unsupported.test")
                .hasMessageEndingWith("providers found: [test-provider]");
    }

    @Test
    void picksTheFirstProviderThatSupportsTheOptions() {
        MqttClientProvider refusing = provider("refusing", false);
        MqttClientProvider accepting = provider("accepting", true);
        MqttClientOptions options = MqttClientOptions.builder().build();
        assertThat(MqttClients.create(options, List.of(refusing, accepting)).options()).isSameAs(options);
        assertThatThrownBy(() -> MqttClients.create(options, List.of(refusing, refusing)))
                .hasMessageEndingWith("providers found: [refusing, refusing]");
    }

    @Test
    void rejectsNullOptions() {
        assertThatThrownBy(() -> MqttClients.create((MqttClientOptions) null)).isInstanceOf(NullPointerException.class);
    }

    private static MqttClientProvider provider(String name, boolean supports) {
        return new MqttClientProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean supports(MqttClientOptions options) {
                return supports;
            }

            @Override
            public MqttClient create(MqttClientOptions options) {
                return new StubMqttClient(options);
            }
        };
    }
}
