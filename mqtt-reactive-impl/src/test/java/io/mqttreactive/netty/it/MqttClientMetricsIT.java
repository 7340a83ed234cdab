package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.MqttClientMetrics;
import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link MqttClientMetrics} against HiveMQ CE: the meters of a publisher and a subscriber after known traffic. */
class MqttClientMetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void measuresRealTraffic() {
        MqttClientOptions options = MqttClientOptions.parse(HiveMqBroker.shared().uri(MqttTestBroker.Listener.TCP)
                .toString()).mutate().version(MqttVersion.MQTT_5_0).clientId("metrics-sub").build();
        MqttClient subscriber = MqttClients.create(options);
        MqttClient publisher = MqttClients.create(options.mutate().clientId("metrics-pub").build());
        MqttClientMetrics metrics = MqttClientMetrics.of(registry).tag("test", "it");
        metrics.bindTo(subscriber);
        metrics.bindTo(publisher);
        subscriber.connect().block(WAIT);
        publisher.connect().block(WAIT);
        var received = subscriber.subscribe("metrics-it/#", MqttQos.EXACTLY_ONCE).take(6).collectList().toFuture();
        Flux.range(0, 6)
                .map(i -> MqttMessage.of("metrics-it/" + i, new byte[] {i.byteValue()}, MqttQos.fromCode(i % 3)))
                .delaySubscription(Duration.ofMillis(500))
                .concatMap(publisher::publish)
                .blockLast(WAIT);
        List<MqttMessage> messages = Mono.fromFuture(received).block(WAIT);
        assertThat(messages).hasSize(6);

        for (String qos : List.of("0", "1", "2")) {
            assertThat(counter("mqtt.client.publishes", "client.id", "metrics-pub", "qos", qos, "outcome", "success"))
                    .isEqualTo(2);
            assertThat(counter("mqtt.client.messages.received", "client.id", "metrics-sub", "qos", qos))
                    .isEqualTo(2);
        }
        for (String qos : List.of("1", "2")) {
            assertThat(registry.get("mqtt.client.publish.acknowledgement").tags("client.id", "metrics-pub", "qos", qos)
                    .timer().count()).isEqualTo(2);
        }
        assertThat(counter("mqtt.client.connects", "client.id", "metrics-pub")).isEqualTo(1);
        assertThat(registry.get("mqtt.client.connection.state").tags("client.id", "metrics-sub", "state", "connected")
                .gauge().value()).isEqualTo(1);
        assertThat(registry.get("mqtt.client.publishes.inflight").tags("client.id", "metrics-pub").gauge().value())
                .isZero();

        publisher.close().block(WAIT);
        assertThat(registry.find("mqtt.client.connects").tags("client.id", "metrics-pub").meters()).isEmpty();
        assertThat(registry.find("mqtt.client.connects").tags("client.id", "metrics-sub").meters()).hasSize(1);
        subscriber.close().block(WAIT);
        assertThat(registry.getMeters()).isEmpty();
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }
}
