package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class SmokeRoundTripIT {

    @Test
    void publishesAndReceivesAtEveryQos() {
        HiveMqBroker broker = HiveMqBroker.shared();
        MqttClientOptions options = MqttClientOptions.parse(broker.uri(MqttTestBroker.Listener.TCP).toString())
                .mutate().version(MqttVersion.MQTT_5_0).clientId("smoke-sub").build();
        MqttClient subscriber = MqttClients.create(options);
        MqttClient publisher = MqttClients.create(options.mutate().clientId("smoke-pub").build());
        subscriber.connect().block(Duration.ofSeconds(10));
        publisher.connect().block(Duration.ofSeconds(10));
        var received = subscriber.subscribe("smoke/#", MqttQos.EXACTLY_ONCE).take(3).collectList().toFuture();
        publisher.events().subscribe();
        Flux.range(0, 3)
                .map(i -> MqttMessage.of("smoke/" + i, ("m" + i).getBytes(), MqttQos.fromCode(i)))
                .delaySubscription(Duration.ofMillis(500))
                .concatMap(publisher::publish)
                .blockLast(Duration.ofSeconds(10));
        List<MqttMessage> messages = reactor.core.publisher.Mono.fromFuture(received).block(Duration.ofSeconds(10));
        // Brokers keep the order per topic and QoS only (MQTT 5.0 section 4.6): HiveMQ may deliver the QoS 1 message
        // of smoke/1 before the QoS 0 message of smoke/0.
        assertThat(messages).extracting(MqttMessage::payloadAsString).containsExactlyInAnyOrder("m0", "m1", "m2");
        publisher.disconnect().block(Duration.ofSeconds(5));
        subscriber.disconnect().block(Duration.ofSeconds(5));
    }
}
