package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isUnsubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.publish;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttSubscribeException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeReasonCode;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.test.subscriber.TestSubscriber;

/** {@link MqttClient#subscription}: the SUBACK as a {@code Mono} next to the subscription's messages. */
class SubscriptionReadinessFlowTest {

    private static final SubscribeRequest REPLIES = SubscribeRequest.of(Subscription.of("replies/#", AT_LEAST_ONCE));

    private final ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
    private final MqttClient client = broker.newClient(options -> options);

    @AfterEach
    void close() {
        broker.close();
    }

    private void connect() {
        broker.expect(isConnect()).answer(connAck());
        client.connect().block(WAIT);
    }

    @Test
    @DisplayName("acknowledged() emits the SUBACK's result, and not before it arrives [MQTT-3.9.3-1]")
    void acknowledgedEmitsOnTheSubAck() {
        connect();
        MqttSubscription subscription = client.subscription(REPLIES);
        CompletableFuture<SubscribeResult> acknowledged = subscription.acknowledged().toFuture();
        TestSubscriber<MqttMessage> messages = TestSubscriber.create();
        subscription.messages().subscribe(messages);

        int packetId = broker.awaitReceived(isSubscribe("replies/#")).packetId();
        broker.barrier();
        assertThat(acknowledged).as("no SUBACK yet").isNotDone();

        broker.send(subAck(packetId, 1), publish("replies/7", "answer", MqttQos.AT_MOST_ONCE, 0));
        broker.barrier();

        assertThat(acknowledged.join().reasonCodes()).containsExactly(SubscribeReasonCode.GRANTED_QOS_1);
        assertThat(messages.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("answer");
        assertThat(subscription.acknowledged().block(WAIT)).as("kept for later subscribers")
                .isSameAs(acknowledged.join());
        messages.cancel();
    }

    @Test
    @DisplayName("nothing is sent until messages() is subscribed, and acknowledged() waits for that")
    void nothingHappensBeforeTheMessagesAreSubscribed() {
        connect();
        MqttSubscription subscription = client.subscription(REPLIES);
        CompletableFuture<SubscribeResult> acknowledged = subscription.acknowledged().toFuture();

        broker.barrier();

        assertThat(broker.received(MqttPacketType.SUBSCRIBE)).isEmpty();
        assertThat(acknowledged).isNotDone();
    }

    @Test
    @DisplayName("a refusal in the SUBACK fails acknowledged() and the messages with MqttSubscribeException")
    void aRefusalFailsBoth() {
        connect();
        MqttSubscription subscription = client.subscription(REPLIES);
        TestSubscriber<MqttMessage> messages = TestSubscriber.create();
        subscription.messages().subscribe(messages);

        broker.send(subAck(broker.awaitReceived(isSubscribe("replies/#")).packetId(), 0x87));

        assertThat(subscription.acknowledged().toFuture()).failsWithin(WAIT)
                .withThrowableThat().havingRootCause().isInstanceOf(MqttSubscribeException.class);
        messages.block(WAIT);
        assertThat(messages.expectTerminalError()).isInstanceOf(MqttSubscribeException.class);
    }

    @Test
    @DisplayName("a subscription cancelled before its SUBACK fails acknowledged() instead of leaving it waiting")
    void aCancelBeforeTheSubAckFailsAcknowledged() {
        connect();
        MqttSubscription subscription = client.subscription(REPLIES);
        TestSubscriber<MqttMessage> messages = TestSubscriber.create();
        subscription.messages().subscribe(messages);
        int packetId = broker.awaitReceived(isSubscribe("replies/#")).packetId();

        messages.cancel();

        assertThat(subscription.acknowledged().toFuture()).failsWithin(WAIT).withThrowableThat()
                .havingRootCause().isInstanceOf(MqttSubscribeException.class).withMessageContaining("cancelled");
        broker.send(subAck(packetId, 1));
        broker.awaitReceived(isUnsubscribe("replies/#"));
    }

    @Test
    @DisplayName("the messages of a subscription can be subscribed once: one SUBSCRIBE, one SUBACK to report")
    void theMessagesCanBeSubscribedOnce() {
        connect();
        MqttSubscription subscription = client.subscription(REPLIES);
        TestSubscriber<MqttMessage> first = TestSubscriber.create();
        TestSubscriber<MqttMessage> second = TestSubscriber.create();
        subscription.messages().subscribe(first);
        subscription.messages().subscribe(second);

        assertThat(second.expectTerminalError()).isInstanceOf(IllegalStateException.class);
        broker.send(subAck(broker.awaitReceived(isSubscribe("replies/#")).packetId(), 1));
        assertThat(subscription.acknowledged().block(WAIT).isSuccess()).isTrue();
        broker.barrier();
        assertThat(broker.received(MqttPacketType.SUBSCRIBE)).hasSize(1);
        first.cancel();
    }
}
