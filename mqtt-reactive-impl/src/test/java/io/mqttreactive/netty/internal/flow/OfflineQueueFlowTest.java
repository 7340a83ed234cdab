package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRel;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.Packets.pubComp;
import static io.mqttreactive.netty.testing.scripted.Packets.pubRec;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.exception.MqttClientClosedException;
import io.mqttreactive.exception.MqttConnectException;
import io.mqttreactive.exception.MqttNotConnectedException;
import io.mqttreactive.exception.MqttSessionLostException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.OfflineQueueOverflow;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionLossPolicy;
import io.mqttreactive.options.SessionOptions;
import io.mqttreactive.topic.MqttTopic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/**
 * The offline queue against a scripted broker: publishes made while the client is not connected wait, bounded,
 * and go out in order once it is; a full queue fails the new publish or drops the oldest; the session loss
 * policy decides for messages in flight when the broker has no session.
 */
class OfflineQueueFlowTest {

    private final List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
    private ScriptedBroker broker;
    private MqttClient client;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Connects with quick reconnects and the session loss policy given; {@code more} adjusts the rest. */
    private void connect(MqttVersion version, SessionLossPolicy policy,
            UnaryOperator<MqttClientOptions.Builder> more) {
        broker = ScriptedBroker.start(version);
        client = broker.connectedClient(options -> more.apply(options.reconnect(ReconnectOptions.DEFAULT
                .withDelay(ReconnectDelay.constant(Duration.ofMillis(10))).withMaxAttempts(3)
                .withSessionLossPolicy(policy))));
        client.events().subscribe(events::add);
    }

    private void connect(MqttVersion version, UnaryOperator<MqttClientOptions.Builder> more) {
        connect(version, SessionLossPolicy.REPUBLISH, more);
    }

    /**
     * Cuts the link and waits for the reconnect CONNECT, which stays unanswered: the client is not connected. The
     * client and the broker share one event loop, so publishes made next reach the client before any answer.
     */
    private void goOffline() {
        broker.closeConnection();
        broker.awaitReceived(isConnect());
    }

    private CompletableFuture<PublishResult> publish(String payload, MqttQos qos) {
        return client.publish(MqttMessage.of("offline/" + payload, payload.getBytes(StandardCharsets.UTF_8), qos))
                .toFuture();
    }

    private static FlowControlOptions offlineQueue(int size, OfflineQueueOverflow overflow) {
        return FlowControlOptions.builder().offlineQueueSize(size).offlineQueueOverflow(overflow).build();
    }

    private static String payload(PublishPacket publish) {
        return new String(publish.payload(), StandardCharsets.UTF_8);
    }

    @BothVersions
    @DisplayName("publishes made while reconnecting wait and go out in order after the reconnect, after the "
            + "message that was in flight [MQTT-4.6.0-1]")
    void publishesWaitAndGoOutInOrder(MqttVersion version) {
        connect(version, options -> options);
        CompletableFuture<PublishResult> inFlight = publish("in-flight", AT_LEAST_ONCE);
        broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        goOffline();

        CompletableFuture<PublishResult> zero = publish("zero", AT_MOST_ONCE);
        CompletableFuture<PublishResult> one = publish("one", AT_LEAST_ONCE);
        CompletableFuture<PublishResult> two = publish("two", EXACTLY_ONCE);
        assertThat(List.of(inFlight, zero, one, two)).noneMatch(CompletableFuture::isDone);
        broker.send(connAck());

        PublishPacket again = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        PublishPacket sentZero = broker.awaitReceived(isPublish(AT_MOST_ONCE));
        PublishPacket sentOne = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        PublishPacket sentTwo = broker.awaitReceived(isPublish(EXACTLY_ONCE));
        assertThat(List.of(again, sentZero, sentOne, sentTwo)).extracting(OfflineQueueFlowTest::payload)
                .containsExactly("in-flight", "zero", "one", "two");
        broker.send(pubAck(again.packetId()), pubAck(sentOne.packetId()), pubRec(sentTwo.packetId()));
        broker.awaitReceived(isPubRel(sentTwo.packetId()));
        broker.send(pubComp(sentTwo.packetId()));
        assertThat(List.of(inFlight, zero, one, two)).allSatisfy(result -> assertThat(result).succeedsWithin(WAIT));
    }

    @Test
    @DisplayName("a publish made before the first connect() waits in the offline queue and goes out on connect")
    void publishBeforeTheFirstConnect() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        client = broker.newClient(options -> options);
        CompletableFuture<PublishResult> early = publish("early", AT_LEAST_ONCE);
        broker.expect(isConnect()).answer(connAck());

        client.connect().block(WAIT);
        broker.send(pubAck(broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId()));

        assertThat(early).succeedsWithin(WAIT);
    }

    @Test
    @DisplayName("with FAIL_NEW a full offline queue fails the new publish with MqttBufferFullException; the "
            + "queued ones go out")
    void fullQueueFailsTheNewPublish() {
        connect(MqttVersion.MQTT_5_0, options -> options.flowControl(
                offlineQueue(2, OfflineQueueOverflow.FAIL_NEW)));
        goOffline();

        CompletableFuture<PublishResult> first = publish("first", AT_MOST_ONCE);
        CompletableFuture<PublishResult> second = publish("second", AT_MOST_ONCE);
        CompletableFuture<PublishResult> third = publish("third", AT_MOST_ONCE);

        assertThat(third).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOfSatisfying(MqttBufferFullException.class, full -> assertThat(full.capacity())
                        .isEqualTo(2));
        broker.send(connAck());
        assertThat(List.of(payload(broker.awaitReceived(isPublish())), payload(broker.awaitReceived(isPublish()))))
                .containsExactly("first", "second");
        assertThat(first).succeedsWithin(WAIT);
        assertThat(second).succeedsWithin(WAIT);
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("with DROP_OLDEST a full offline queue fails the oldest publish, counts it and tells it with an "
            + "OfflinePublishDropped event")
    void fullQueueDropsTheOldest() {
        connect(MqttVersion.MQTT_5_0, options -> options.flowControl(
                offlineQueue(2, OfflineQueueOverflow.DROP_OLDEST)));
        goOffline();

        CompletableFuture<PublishResult> first = publish("first", AT_LEAST_ONCE);
        publish("second", AT_MOST_ONCE);
        publish("third", AT_MOST_ONCE);
        CompletableFuture<PublishResult> fourth = publish("fourth", AT_MOST_ONCE);

        assertThat(first).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOf(MqttBufferFullException.class);
        broker.send(connAck());
        assertThat(List.of(payload(broker.awaitReceived(isPublish())), payload(broker.awaitReceived(isPublish()))))
                .containsExactly("third", "fourth");
        assertThat(fourth).succeedsWithin(WAIT);
        assertThat(events).filteredOn(MqttClientEvent.OfflinePublishDropped.class::isInstance).containsExactly(
                new MqttClientEvent.OfflinePublishDropped(MqttTopic.of("offline/first"), AT_LEAST_ONCE, 1),
                new MqttClientEvent.OfflinePublishDropped(MqttTopic.of("offline/second"), AT_MOST_ONCE, 2));
    }

    @Test
    @DisplayName("an offline queue of size 0 fails publishes made while disconnected at once")
    void noOfflineQueue() {
        connect(MqttVersion.MQTT_5_0, options -> options.flowControl(
                offlineQueue(0, OfflineQueueOverflow.DROP_OLDEST)));
        goOffline();

        assertThat(publish("none", AT_MOST_ONCE)).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(MqttBufferFullException.class);
        assertThat(events).noneMatch(MqttClientEvent.OfflinePublishDropped.class::isInstance);
    }

    @Test
    @DisplayName("a cancelled offline publish is never sent and frees its place in the queue")
    void cancelledPublishIsWithdrawn() {
        connect(MqttVersion.MQTT_5_0, options -> options.flowControl(
                offlineQueue(1, OfflineQueueOverflow.FAIL_NEW)));
        goOffline();

        Disposable cancelled = client.publish(MqttMessage.of("offline/cancelled", new byte[0], AT_LEAST_ONCE))
                .subscribe();
        cancelled.dispose();
        CompletableFuture<PublishResult> kept = publish("kept", AT_LEAST_ONCE);
        broker.send(connAck());

        PublishPacket sent = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        assertThat(payload(sent)).isEqualTo("kept");
        broker.send(pubAck(sent.packetId()));
        assertThat(kept).succeedsWithin(WAIT);
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("offline publishes fail with the cause when reconnect gives up, later ones at once until the "
            + "next connect(); publishes waiting for the first connect() fail on close()")
    void offlinePublishesFailWhenTheSessionEnds() {
        connect(MqttVersion.MQTT_5_0, options -> options);
        goOffline();
        CompletableFuture<PublishResult> refused = publish("refused", AT_LEAST_ONCE);
        broker.send(connAck(0x87));
        assertThat(refused).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOf(MqttConnectException.class);
        assertThat(publish("after giving up", AT_LEAST_ONCE)).failsWithin(WAIT)
                .withThrowableOfType(Exception.class).havingCause().isInstanceOf(MqttNotConnectedException.class);

        client = broker.newClient(options -> options);
        CompletableFuture<PublishResult> closed = publish("closed", AT_LEAST_ONCE);
        client.close().block(WAIT);
        assertThat(closed).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOf(MqttClientClosedException.class);
    }

    @BothVersions
    @DisplayName("with SessionLossPolicy.FAIL, messages in flight fail with MqttSessionLostException when the "
            + "broker has no session; a QoS 2 message past PUBREC completes, messages not yet sent go out "
            + "[MQTT-3.2.2-5] (5.0)")
    void sessionLossFailsMessagesInFlight(MqttVersion version) {
        connect(version, SessionLossPolicy.FAIL, options -> options
                .flowControl(FlowControlOptions.builder().maximumInflightPublishes(3).build()));
        CompletableFuture<PublishResult> one = publish("one", AT_LEAST_ONCE);
        CompletableFuture<PublishResult> two = publish("two", EXACTLY_ONCE);
        CompletableFuture<PublishResult> received = publish("received", EXACTLY_ONCE);
        CompletableFuture<PublishResult> notSent = publish("not-sent", AT_LEAST_ONCE);
        broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        broker.awaitReceived(isPublish(EXACTLY_ONCE));
        int receivedId = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
        broker.send(pubRec(receivedId));
        broker.awaitReceived(isPubRel(receivedId));

        goOffline();
        broker.send(connAck());

        assertThat(List.of(one, two)).allSatisfy(result -> assertThat(result).failsWithin(WAIT)
                .withThrowableOfType(Exception.class).havingCause().isInstanceOf(MqttSessionLostException.class));
        assertThat(received).succeedsWithin(WAIT);
        PublishPacket sent = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        assertThat(payload(sent)).isEqualTo("not-sent");
        broker.send(pubAck(sent.packetId()));
        assertThat(notSent).succeedsWithin(WAIT);
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("with SessionLossPolicy.FAIL, a resumed session still re-sends messages in flight with DUP set "
            + "[MQTT-4.4.0-1] (5.0)")
    void sessionLossPolicyLeavesResumedSessionsAlone() {
        connect(MqttVersion.MQTT_5_0, SessionLossPolicy.FAIL, options -> options
                .session(SessionOptions.DEFAULT.withSessionExpiryInterval(Duration.ofMinutes(5))));
        CompletableFuture<PublishResult> one = publish("one", AT_LEAST_ONCE);
        broker.awaitReceived(isPublish(AT_LEAST_ONCE));

        goOffline();
        broker.send(ConnAckPacket.of(true, 0));

        PublishPacket again = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        assertThat(again.dup()).isTrue();
        broker.send(pubAck(again.packetId()));
        assertThat(one).succeedsWithin(WAIT);
    }
}
