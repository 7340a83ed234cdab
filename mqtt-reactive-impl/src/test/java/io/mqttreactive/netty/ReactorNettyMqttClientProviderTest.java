package io.mqttreactive.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.spi.ClientResources;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.LoopResources;

/**
 * The provider takes {@link MqttClientResources} through the API's {@link ClientResources}, and only them. No
 * client here connects: which loops connected clients run on is {@code SharedEventLoopsIT}'s subject.
 */
class ReactorNettyMqttClientProviderTest {

    private final ReactorNettyMqttClientProvider provider = new ReactorNettyMqttClientProvider();
    private final MqttClientOptions options = MqttClientOptions.builder().build();

    @Test
    void supportsItsOwnResourcesOnly() {
        LoopResources loops = LoopResources.create("provider-test", 1, true);
        try {
            assertThat(provider.supports(options, MqttClientResources.global())).isTrue();
            assertThat(provider.supports(options, MqttClientResources.of(loops))).isTrue();
            assertThat(provider.supports(options, new ClientResources() { })).isFalse();
        } finally {
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(5));
        }
    }

    @Test
    void refusesForeignResourcesWithAClearError() {
        ClientResources foreign = new ClientResources() {
            @Override
            public String toString() {
                return "ForeignLoops";
            }
        };

        assertThatThrownBy(() -> provider.create(options, foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provider reactor-netty runs clients on MqttClientResources only, not on ForeignLoops");
    }

    @Test
    void mqttClientsFindsItForItsResources() {
        MqttClient client = MqttClients.create(options, MqttClientResources.global());

        assertThat(client.options()).isSameAs(options);
        client.close().block(Duration.ofSeconds(5));
    }
}
