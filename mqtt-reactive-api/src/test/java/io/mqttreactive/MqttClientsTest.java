package io.mqttreactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.spi.ClientResources;
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

    @Test
    void withResourcesPicksTheFirstProviderThatSupportsThemAndHandsThemOver() {
        ClientResources theirs = new ClientResources() { };
        ClientResources ours = new ClientResources() { };
        ResourceProvider other = new ResourceProvider("other", theirs);
        ResourceProvider owner = new ResourceProvider("owner", ours);
        MqttClientOptions options = MqttClientOptions.builder().build();

        MqttClient client = MqttClients.create(options, ours, List.of(other, owner));

        assertThat(client.options()).isSameAs(options);
        assertThat(owner.createdOn).isSameAs(ours);
        assertThat(other.createdOn).isNull();
    }

    @Test
    void providersWithoutResourceSupportRefuseResourcesByDefault() {
        ClientResources resources = new ClientResources() {
            @Override
            public String toString() {
                return "SomeLoops";
            }
        };
        MqttClientProvider legacy = provider("legacy", true);
        MqttClientOptions options = MqttClientOptions.builder().password("secret").username("u").build();

        assertThat(legacy.supports(options, resources)).isFalse();
        assertThatThrownBy(() -> legacy.create(options, resources)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provider legacy cannot run clients on SomeLoops");
        assertThatThrownBy(() -> MqttClients.create(options, resources, List.of(legacy)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(" on SomeLoops; providers found: [legacy]")
                .hasMessageNotContaining("secret");
    }

    @Test
    void withResourcesTheServiceLoaderIsAskedToo() {
        assertThatThrownBy(() -> MqttClients.create(MqttClientOptions.builder().serverHost(TestMqttClientProvider.HOST)
                .build(), new ClientResources() { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("providers found: [test-provider]");
    }

    @Test
    void withResourcesRejectsNulls() {
        MqttClientOptions options = MqttClientOptions.builder().build();
        assertThatThrownBy(() -> MqttClients.create(null, new ClientResources() { }))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MqttClients.create(options, (ClientResources) null))
                .isInstanceOf(NullPointerException.class).hasMessage("resources");
    }

    /** Supports the options on one resources object only, and remembers what it created a client on. */
    private static final class ResourceProvider implements MqttClientProvider {

        private final String name;
        private final ClientResources supported;
        private ClientResources createdOn;

        ResourceProvider(String name, ClientResources supported) {
            this.name = name;
            this.supported = supported;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean supports(MqttClientOptions options) {
            return true;
        }

        @Override
        public MqttClient create(MqttClientOptions options) {
            throw new AssertionError("created without resources");
        }

        @Override
        public boolean supports(MqttClientOptions options, ClientResources resources) {
            return resources == supported;
        }

        @Override
        public MqttClient create(MqttClientOptions options, ClientResources resources) {
            createdOn = resources;
            return new StubMqttClient(options);
        }
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
