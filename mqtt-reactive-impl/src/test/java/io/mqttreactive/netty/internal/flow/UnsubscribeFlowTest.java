package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isUnsubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.publish;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.Packets.unsubAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttClientClosedException;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttSubscribeException;
import io.mqttreactive.exception.MqttUnsubscribeException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.message.UnsubscribeReasonCode;
import io.mqttreactive.message.UnsubscribeResult;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.test.subscriber.TestSubscriber;

/**
 * {@link MqttSubscription#unsubscribe()} against a scripted broker: the messages complete, UNSUBSCRIBE goes out
 * for the filters nobody else uses, and the UNSUBACK's result, or its refusal, is the {@code Mono}'s signal.
 */
class UnsubscribeFlowTest {

    private static final SubscribeRequest TWO_FILTERS = SubscribeRequest.of(
            List.of(Subscription.of("a/#", AT_LEAST_ONCE), Subscription.of("b/#", AT_LEAST_ONCE)));

    private ScriptedBroker broker;
    private MqttClient client;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private void connect(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        client = broker.connectedClient(options -> options);
    }

    /** Opens a subscription, answers its SUBSCRIBE granting QoS 1 and waits for acknowledged(). */
    private TestSubscriber<MqttMessage> open(MqttSubscription subscription, int filters) {
        TestSubscriber<MqttMessage> messages = TestSubscriber.create();
        subscription.messages().subscribe(messages);
        int packetId = broker.awaitReceived(isSubscribe()).packetId();
        broker.send(subAck(packetId, java.util.Collections.nCopies(filters, 1).toArray(Integer[]::new)));
        subscription.acknowledged().block(WAIT);
        return messages;
    }

    @BothVersions
    @DisplayName("unsubscribe() completes the messages, sends UNSUBSCRIBE with every filter, and emits on the "
            + "UNSUBACK, one reason code per filter in order [MQTT-3.10.3-2] [MQTT-3.11.3-1] (5.0), "
            + "[MQTT-3.10.4-4] (3.1.1)")
    void unsubscribeEmitsOnTheUnsubAck(MqttVersion version) {
        connect(version);
        MqttSubscription subscription = client.subscription(TWO_FILTERS);
        TestSubscriber<MqttMessage> messages = open(subscription, 2);

        CompletableFuture<UnsubscribeResult> unsubscribed = subscription.unsubscribe().toFuture();
        UnsubscribePacket unsubscribe = broker.awaitReceived(isUnsubscribe("a/#", "b/#"));
        messages.block(WAIT);
        assertThat(messages.isTerminatedComplete()).as("messages() ends normally").isTrue();
        broker.barrier();
        assertThat(unsubscribed).as("no UNSUBACK yet").isNotDone();

        broker.send(version.isMqtt5()
                ? new UnsubAckPacket(unsubscribe.packetId(), List.of(0x00, 0x11), "bye",
                        List.of(new UserProperty("k", "v")))
                : unsubAck(unsubscribe.packetId(), false, 2));

        UnsubscribeResult result = unsubscribed.join();
        assertThat(result.filters()).extracting(Object::toString).containsExactly("a/#", "b/#");
        assertThat(result.isSuccess()).isTrue();
        if (version.isMqtt5()) {
            assertThat(result.reasonCodes()).as("0x11 is a success (MQTT 5.0 section 2.4)")
                    .containsExactly(UnsubscribeReasonCode.SUCCESS, UnsubscribeReasonCode.NO_SUBSCRIPTION_EXISTED);
            assertThat(result.reasonString()).contains("bye");
            assertThat(result.userProperties().asList()).extracting(property -> property.name()).containsExactly("k");
        } else {
            assertThat(result.reasonCodes()).containsOnly(UnsubscribeReasonCode.SUCCESS);
        }
        assertThat(subscription.unsubscribe().block(WAIT)).as("kept for later subscribers").isSameAs(result);
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("an UNSUBACK reason code of 0x80 or more fails unsubscribe() with MqttUnsubscribeException "
            + "carrying the result (MQTT 5.0 sections 2.4 and 3.11.3)")
    void aRefusalFailsTheUnsubscribe() {
        connect(MqttVersion.MQTT_5_0);
        MqttSubscription subscription = client.subscription(TWO_FILTERS);
        open(subscription, 2);

        CompletableFuture<UnsubscribeResult> unsubscribed = subscription.unsubscribe().toFuture();
        int packetId = broker.awaitReceived(isUnsubscribe("a/#", "b/#")).packetId();
        broker.send(new UnsubAckPacket(packetId, List.of(0x00, 0x87), "no", List.of()));

        assertThat(unsubscribed).failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(MqttUnsubscribeException.class, error -> {
                    assertThat(error.reasonCode()).isEqualTo(0x87);
                    assertThat(error.reasonString()).contains("no");
                    assertThat(error.result()).hasValueSatisfying(result -> assertThat(result.reasonCodes())
                            .containsExactly(UnsubscribeReasonCode.SUCCESS, UnsubscribeReasonCode.NOT_AUTHORIZED));
                });
    }

    @Test
    @DisplayName("an UNSUBACK with fewer reason codes than filters fails unsubscribe() [MQTT-3.11.3-1] (5.0)")
    void anUnsubAckWithTheWrongCodeCountFails() {
        connect(MqttVersion.MQTT_5_0);
        MqttSubscription subscription = client.subscription(TWO_FILTERS);
        open(subscription, 2);

        CompletableFuture<UnsubscribeResult> unsubscribed = subscription.unsubscribe().toFuture();
        broker.send(UnsubAckPacket.of(broker.awaitReceived(isUnsubscribe()).packetId(), List.of(0x00)));

        assertThat(unsubscribed).failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOf(MqttUnsubscribeException.class).withMessageContaining("MQTT-3.11.3-1");
    }

    @BothVersions
    @DisplayName("filters another subscription still uses are not sent and report SUCCESS; when none is left to "
            + "send, the result comes at once")
    void sharedFiltersAreNotUnsubscribed(MqttVersion version) {
        connect(version);
        TestSubscriber<MqttMessage> other = TestSubscriber.create();
        client.subscribe("a/#", AT_LEAST_ONCE).subscribe(other);
        broker.send(subAck(broker.awaitReceived(isSubscribe("a/#")).packetId(), 1));
        MqttSubscription subscription = client.subscription(TWO_FILTERS);
        open(subscription, 1);

        CompletableFuture<UnsubscribeResult> unsubscribed = subscription.unsubscribe().toFuture();
        UnsubscribePacket unsubscribe = broker.awaitReceived(isUnsubscribe("b/#"));
        broker.send(unsubAck(unsubscribe.packetId(), version.isMqtt5(), 1));
        assertThat(unsubscribed.join().reasonCodes()).containsOnly(UnsubscribeReasonCode.SUCCESS).hasSize(2);

        MqttSubscription same = client.subscription(SubscribeRequest.of(Subscription.of("a/#", AT_LEAST_ONCE)));
        TestSubscriber<MqttMessage> sameMessages = TestSubscriber.create();
        same.messages().subscribe(sameMessages);
        same.acknowledged().block(WAIT);
        assertThat(same.unsubscribe().block(WAIT).reasonCodes()).containsExactly(UnsubscribeReasonCode.SUCCESS);
        broker.send(publish("a/1", "still", AT_LEAST_ONCE, 3));
        broker.awaitReceived(io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubAck(3));
        assertThat(other.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("still");
        broker.assertNothingElseReceived();
        other.cancel();
    }

    @Test
    @DisplayName("a QoS 1 message still waiting for demand when unsubscribe() ends the messages is not "
            + "acknowledged: the broker sends it again when the session resumes")
    void bufferedQos1MessagesAreNotAcknowledged() {
        connect(MqttVersion.MQTT_5_0);
        MqttSubscription subscription = client.subscription(SubscribeRequest.of(Subscription.of("a/#", AT_LEAST_ONCE)));
        TestSubscriber<MqttMessage> messages = TestSubscriber.builder().initialRequest(0).build();
        subscription.messages().subscribe(messages);
        broker.send(subAck(broker.awaitReceived(isSubscribe("a/#")).packetId(), 1), publish("a/1", "held",
                AT_LEAST_ONCE, 4));
        broker.barrier();

        CompletableFuture<UnsubscribeResult> unsubscribed = subscription.unsubscribe().toFuture();
        broker.send(unsubAck(broker.awaitReceived(isUnsubscribe("a/#")).packetId(), true, 1));

        assertThat(unsubscribed).succeedsWithin(WAIT);
        assertThat(messages.isTerminatedComplete()).isTrue();
        assertThat(messages.getReceivedOnNext()).isEmpty();
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("unsubscribing before messages() is subscribed sends nothing, reports NO_SUBSCRIPTION_EXISTED, "
            + "and messages() then completes at once")
    void unsubscribeBeforeTheMessages() {
        connect(MqttVersion.MQTT_5_0);
        MqttSubscription subscription = client.subscription(TWO_FILTERS);

        assertThat(subscription.unsubscribe().block(WAIT).reasonCodes())
                .containsOnly(UnsubscribeReasonCode.NO_SUBSCRIPTION_EXISTED).hasSize(2);
        TestSubscriber<MqttMessage> messages = TestSubscriber.create();
        subscription.messages().subscribe(messages);
        messages.block(WAIT);

        assertThat(messages.isTerminatedComplete()).isTrue();
        assertThat(subscription.acknowledged().toFuture()).failsWithin(WAIT).withThrowableThat()
                .havingCause().isInstanceOf(MqttSubscribeException.class);
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("nothing is unsubscribed until the Mono is subscribed; after a cancel of the messages, "
            + "unsubscribe() reports NO_SUBSCRIPTION_EXISTED")
    void unsubscribeIsLazy() {
        connect(MqttVersion.MQTT_5_0);
        MqttSubscription subscription = client.subscription(SubscribeRequest.of(Subscription.of("a/#", AT_LEAST_ONCE)));
        TestSubscriber<MqttMessage> messages = open(subscription, 1);

        var unsubscribe = subscription.unsubscribe();
        broker.assertNothingElseReceived();
        assertThat(messages.isTerminated()).isFalse();

        messages.cancel();
        broker.send(unsubAck(broker.awaitReceived(isUnsubscribe("a/#")).packetId(), true, 1));
        assertThat(unsubscribe.block(WAIT).reasonCodes()).containsExactly(UnsubscribeReasonCode.NO_SUBSCRIPTION_EXISTED);
    }

    @Test
    @DisplayName("a subscription made and unsubscribed before connect() is withdrawn: neither SUBSCRIBE nor "
            + "UNSUBSCRIBE goes out")
    void anOfflineSubscriptionIsWithdrawn() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        client = broker.newClient(options -> options);
        MqttSubscription subscription = client.subscription(SubscribeRequest.of(Subscription.of("a/#", AT_LEAST_ONCE)));
        TestSubscriber<MqttMessage> messages = TestSubscriber.create();
        subscription.messages().subscribe(messages);

        assertThat(subscription.unsubscribe().block(WAIT).reasonCodes()).containsExactly(UnsubscribeReasonCode.SUCCESS);
        assertThat(messages.isTerminatedComplete()).isTrue();
        broker.expect(isConnect()).answer(connAck());
        client.connect().block(WAIT);

        broker.assertNothingElseReceived();
        assertThat(broker.received(MqttPacketType.SUBSCRIBE)).isEmpty();
    }

    @Test
    @DisplayName("disconnect() before the UNSUBACK fails unsubscribe() with MqttConnectionClosedException")
    void disconnectBeforeTheUnsubAck() {
        connect(MqttVersion.MQTT_5_0);
        MqttSubscription subscription = client.subscription(SubscribeRequest.of(Subscription.of("a/#", AT_LEAST_ONCE)));
        open(subscription, 1);
        CompletableFuture<UnsubscribeResult> unsubscribed = subscription.unsubscribe().toFuture();
        broker.awaitReceived(isUnsubscribe("a/#"));

        client.disconnect().block(WAIT);

        assertThat(unsubscribed).failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOf(MqttConnectionClosedException.class);
    }

    @Test
    @DisplayName("close() before the UNSUBACK fails unsubscribe() with MqttClientClosedException, and so does "
            + "unsubscribe() on a closed client")
    void closeBeforeTheUnsubAck() {
        connect(MqttVersion.MQTT_5_0);
        MqttSubscription subscription = client.subscription(SubscribeRequest.of(Subscription.of("a/#", AT_LEAST_ONCE)));
        open(subscription, 1);
        CompletableFuture<UnsubscribeResult> unsubscribed = subscription.unsubscribe().toFuture();
        broker.awaitReceived(isUnsubscribe("a/#"));

        client.close().block(WAIT);

        assertThat(unsubscribed).failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOf(MqttClientClosedException.class);
        assertThat(client.subscription(TWO_FILTERS).unsubscribe().toFuture()).failsWithin(WAIT)
                .withThrowableThat().havingCause().isInstanceOf(MqttClientClosedException.class);
    }

    @BothVersions
    @DisplayName("an UNSUBSCRIBE unanswered when the connection drops goes out again after the reconnect, and "
            + "unsubscribe() emits on its UNSUBACK")
    void theUnsubscribeOutlivesAReconnect(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        client = broker.connectedClient(options -> options
                .session(SessionOptions.DEFAULT.withCleanStart(false).withSessionExpiryInterval(Duration.ofHours(1)))
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))));
        MqttSubscription subscription = client.subscription(SubscribeRequest.of(Subscription.of("a/#", AT_LEAST_ONCE)));
        open(subscription, 1);
        CompletableFuture<UnsubscribeResult> unsubscribed = subscription.unsubscribe().toFuture();
        broker.awaitReceived(isUnsubscribe("a/#"));

        broker.closeConnection();
        broker.awaitReceived(isConnect());
        broker.send(connAck(true));
        UnsubscribePacket again = broker.awaitReceived(isUnsubscribe("a/#"));
        assertThat(unsubscribed).isNotDone();
        broker.send(unsubAck(again.packetId(), version.isMqtt5(), 1));

        assertThat(unsubscribed).succeedsWithin(WAIT)
                .satisfies(result -> assertThat(result.reasonCodes()).containsExactly(UnsubscribeReasonCode.SUCCESS));
    }
}
