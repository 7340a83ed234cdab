package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishing only after {@code acknowledged()} reaches the subscription every time, on a real broker: a request
 * published right after subscribing, without waiting for the SUBACK, can be routed before the subscription
 * exists; waiting for {@code acknowledged()} removes that race.
 */
class SubscriptionReadinessIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int ROUNDS = 50;

    @Test
    void aPublishAfterTheSubAckAlwaysReachesTheNewSubscription() {
        HiveMqBroker broker = HiveMqBroker.shared();
        MqttClientOptions options = MqttClientOptions.builder()
                .uri(broker.uri(MqttTestBroker.Listener.TCP).toString()).build();
        MqttClient client = MqttClients.create(options.mutate().clientId("readiness").build());
        client.connect().block(WAIT);
        try {
            Flux.range(0, ROUNDS).concatMap(round -> oneRound(client, "readiness/" + round)).blockLast(WAIT);
        } finally {
            client.close().block(WAIT);
        }
    }

    private static Mono<Void> oneRound(MqttClient client, String topic) {
        MqttSubscription subscription = client.subscription(
                SubscribeRequest.of(Subscription.of(topic, MqttQos.AT_LEAST_ONCE)));
        Mono<String> answer = subscription.messages().map(MqttMessage::payloadAsString).next();
        Mono<Void> request = subscription.acknowledged()
                .then(client.publish(MqttMessage.of(topic, topic.getBytes(StandardCharsets.UTF_8),
                        MqttQos.AT_LEAST_ONCE)))
                .then();
        return Mono.zip(answer, request.thenReturn(true))
                .doOnNext(received -> assertThat(received.getT1()).isEqualTo(topic))
                .timeout(WAIT).then();
    }
}
