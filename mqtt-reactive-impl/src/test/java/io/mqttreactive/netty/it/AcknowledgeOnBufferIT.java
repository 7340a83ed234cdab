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
import io.mqttreactive.options.AcknowledgeMode;
import io.mqttreactive.options.FlowControlOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * {@link AcknowledgeMode#onBuffer(int, long)} on a real broker (HiveMQ CE, MQTT 5.0): a client that advertises
 * Receive Maximum 10 subscribes to a slow topic whose subscriber takes one message and then stops, and to a fast
 * topic. The broker sends the slow topic's 50 messages first, then the fast topic's 500. With the slow subscription
 * acknowledging on delivery, the broker could send at most 10 messages past the stopped one; acknowledging into a
 * large enough buffer, the fast subscription gets everything while the slow one is stopped; with a buffer too small,
 * nothing is lost once the slow one goes on.
 */
class AcknowledgeOnBufferIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int SLOW_MESSAGES = 50;
    private static final int FAST_MESSAGES = 500;

    private final Sinks.Empty<Void> slowGoesOn = Sinks.empty();
    private MqttClient subscriber;
    private MqttClient publisher;
    private String topics;

    @BeforeEach
    void connect(TestInfo test) {
        HiveMqBroker broker = HiveMqBroker.shared();
        MqttClientOptions options = MqttClientOptions.builder()
                .uri(broker.uri(MqttTestBroker.Listener.TCP).toString()).build();
        topics = "isolation/" + test.getTestMethod().orElseThrow().getName();
        subscriber = MqttClients.create(options.mutate().clientId("isolation-subscriber")
                .flowControl(FlowControlOptions.builder().receiveMaximum(10).build()).build());
        publisher = MqttClients.create(options.mutate().clientId("isolation-publisher").build());
        subscriber.connect().block(WAIT);
        publisher.connect().block(WAIT);
    }

    @AfterEach
    void close() {
        subscriber.close().block(WAIT);
        publisher.close().block(WAIT);
    }

    @Test
    @DisplayName("a stopped subscription acknowledging into its buffer does not hold the other one back "
            + "[MQTT-4.3.2-4] [MQTT-4.6.0-2] (5.0)")
    void aStoppedSubscriptionWithRoomDoesNotHoldTheOtherBack() {
        CompletableFuture<List<String>> slow = subscribeSlow(AcknowledgeMode.onBuffer(100, 1024 * 1024));
        CompletableFuture<List<String>> fast = subscribeFast();
        publish();

        assertThat(fast).succeedsWithin(WAIT).isEqualTo(numbered("fast", FAST_MESSAGES));
        slowGoesOn.tryEmitEmpty();
        assertThat(slow).succeedsWithin(WAIT).isEqualTo(numbered("slow", SLOW_MESSAGES));
    }

    @Test
    @DisplayName("with a buffer too small, the stopped subscription holds the other back until it goes on; then "
            + "every message arrives once, in order [MQTT-4.6.0-2] (5.0)")
    void aFullBufferHoldsTheOtherBackAndLosesNothing() {
        CompletableFuture<List<String>> slow = subscribeSlow(AcknowledgeMode.onBuffer(20, 1024 * 1024));
        CompletableFuture<List<String>> fast = subscribeFast();
        publish();

        slowGoesOn.tryEmitEmpty();
        assertThat(slow).succeedsWithin(WAIT).isEqualTo(numbered("slow", SLOW_MESSAGES));
        assertThat(fast).succeedsWithin(WAIT).isEqualTo(numbered("fast", FAST_MESSAGES));
    }

    /** Takes the first message, then waits for {@link #slowGoesOn} before it asks for more. */
    private CompletableFuture<List<String>> subscribeSlow(AcknowledgeMode mode) {
        MqttSubscription subscription = subscriber.subscription(
                SubscribeRequest.of(Subscription.of(topics + "/slow", MqttQos.AT_LEAST_ONCE)), mode);
        CompletableFuture<List<String>> received = subscription.messages()
                .concatMap(message -> slowGoesOn.asMono().thenReturn(message.payloadAsString()), 1)
                .take(SLOW_MESSAGES).collectList().toFuture();
        subscription.acknowledged().block(WAIT);
        return received;
    }

    private CompletableFuture<List<String>> subscribeFast() {
        MqttSubscription subscription = subscriber.subscription(
                SubscribeRequest.of(Subscription.of(topics + "/fast", MqttQos.AT_LEAST_ONCE)));
        CompletableFuture<List<String>> received = subscription.messages().map(MqttMessage::payloadAsString)
                .take(FAST_MESSAGES).collectList().toFuture();
        subscription.acknowledged().block(WAIT);
        return received;
    }

    private void publish() {
        Flux<MqttMessage> messages = Flux.concat(messages("slow", SLOW_MESSAGES), messages("fast", FAST_MESSAGES));
        publisher.publish(messages).blockLast(WAIT);
    }

    private Flux<MqttMessage> messages(String kind, int count) {
        return Flux.fromIterable(numbered(kind, count)).map(payload -> MqttMessage.of(topics + "/" + kind,
                payload.getBytes(StandardCharsets.UTF_8), MqttQos.AT_LEAST_ONCE));
    }

    private static List<String> numbered(String kind, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> kind + " " + i).toList();
    }
}
