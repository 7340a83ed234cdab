package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.netty.testing.MqttTestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A subscription is in place once its {@code acknowledged()} emits, every time, on a real broker. Without it, a
 * request published right after subscribing can be routed before the subscription exists. Each test runs
 * {@value #ROUNDS} rounds on a fresh topic, alternating an MQTT 3.1.1 and a 5.0 client, and every round must
 * receive its message; each round's subscription ends with it, so the client sends UNSUBSCRIBE.
 * <ul>
 *   <li>Non-retained: subscribe, publish once {@code acknowledged()} emits, receive.</li>
 *   <li>Retained: publish a retained message, then subscribe: the broker sends it with the SUBACK, right behind
 *       it or even before it (sec 3.8.4), with RETAIN 1 ([MQTT-3.3.1-6] and [MQTT-3.3.1-8] 3.1.1, which bind the
 *       broker), so the client must route a PUBLISH that arrives in the same read as the SUBACK to the new
 *       subscription. The round then clears the retained message.</li>
 * </ul>
 */
abstract class SubscriptionReadinessContract {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int ROUNDS = 1_000;

    private List<MqttClient> clients;

    /** @return the broker of the concrete class */
    abstract MqttTestBroker broker();

    @BeforeEach
    void connectClients() {
        clients = List.of(client(MqttVersion.MQTT_3_1_1), client(MqttVersion.MQTT_5_0));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(client -> client.close().block(WAIT));
    }

    @Test
    void aPublishAfterTheSubAckAlwaysReachesTheNewSubscription() {
        String run = Long.toString(System.nanoTime(), 36);
        Flux.range(0, ROUNDS)
                .concatMap(round -> publishAfterSubAck(clients.get(round % 2), "readiness/" + run + "/" + round), 1)
                .blockLast(WAIT.multipliedBy(4));
    }

    @Test
    void aRetainedMessageSentWithTheSubAckAlwaysReachesTheNewSubscription() {
        String run = Long.toString(System.nanoTime(), 36);
        Flux.range(0, ROUNDS)
                .concatMap(round -> retainedThenSubscribe(clients.get(round % 2), "retained/" + run + "/" + round), 1)
                .blockLast(WAIT.multipliedBy(4));
    }

    private static Mono<Void> publishAfterSubAck(MqttClient client, String topic) {
        MqttSubscription subscription = client.subscription(
                SubscribeRequest.of(Subscription.of(topic, MqttQos.AT_LEAST_ONCE)));
        Mono<MqttMessage> received = subscription.messages().next();
        Mono<Void> published = subscription.acknowledged()
                .then(client.publish(message(topic, false)))
                .then();
        return Mono.zip(received, published.thenReturn(true))
                .doOnNext(both -> assertThat(both.getT1().payloadAsString()).as(topic).isEqualTo(topic))
                .timeout(WAIT, Mono.error(() -> new AssertionError("no message on " + topic + " within " + WAIT)))
                .then();
    }

    private static Mono<Void> retainedThenSubscribe(MqttClient client, String topic) {
        Mono<MqttMessage> received = Mono.defer(() -> client.subscription(
                SubscribeRequest.of(Subscription.of(topic, MqttQos.AT_LEAST_ONCE))).messages().next());
        return client.publish(message(topic, true))
                .then(received)
                .doOnNext(message -> assertThat(message.retain()).as("RETAIN on " + topic).isTrue())
                .doOnNext(message -> assertThat(message.payloadAsString()).as(topic).isEqualTo(topic))
                .timeout(WAIT, Mono.error(() -> new AssertionError("no retained message on " + topic + " within "
                        + WAIT)))
                .then(client.publish(MqttMessage.builder().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                        .build()))
                .then();
    }

    private static MqttMessage message(String topic, boolean retain) {
        return MqttMessage.builder().topic(topic).payload(topic.getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).retain(retain).build();
    }

    private MqttClient client(MqttVersion version) {
        MqttClient client = MqttClients.create(MqttClientOptions.builder()
                .uri(broker().uri(MqttTestBroker.Listener.TCP).toString()).version(version)
                .clientId("readiness-" + version.name()).build());
        client.connect().block(WAIT);
        return client;
    }
}
