package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isDisconnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubAck;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubComp;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRec;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.publish;
import static io.mqttreactive.netty.testing.scripted.Packets.pubRel;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import reactor.test.subscriber.TestSubscriber;

/**
 * Inbound QoS 1 and 2 messages across a resumed session, against a scripted broker that re-sends what it never
 * had an answer for, with DUP set ([MQTT-4.4.0-1]): exactly one PUBACK or PUBREC for each PUBLISH received on a
 * connection, sent on that connection; a message held without demand when its subscription or connection ends
 * is never answered and dropped, but sent again by the broker and delivered then; a message delivered but not
 * yet answered when the connection ended is answered on the next one without reaching the application twice.
 */
class ResumedInboundFlowTest {

    private static final Duration QUICK = Duration.ofMillis(10);
    private static final PublishPacket QOS_1 = publish("TopicA/B", "qos 1", AT_LEAST_ONCE, 1);
    private static final PublishPacket QOS_2 = publish("TopicA/C", "qos 2", EXACTLY_ONCE, 2);

    private ScriptedBroker broker;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private MqttClient persistentClient(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        return broker.connectedClient(options -> options
                .session(SessionOptions.DEFAULT.withCleanStart(false).withSessionExpiryInterval(Duration.ofHours(1)))
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(QUICK))));
    }

    private void grantSubscribe(String filter) {
        broker.send(subAck(broker.awaitReceived(isSubscribe(filter)).packetId(), 2));
        broker.barrier();
    }

    private void resumeAfterReconnect() {
        broker.awaitReceived(isConnect());
        broker.send(connAck(true));
        broker.barrier();
    }

    /** Subscribes to TopicA/# without demand, and the broker sends {@link #QOS_1} and {@link #QOS_2}. */
    private TestSubscriber<MqttMessage> holdBothWithoutDemand(MqttClient client) {
        TestSubscriber<MqttMessage> noDemand = TestSubscriber.builder().initialRequest(0).build();
        client.subscribe("TopicA/#", EXACTLY_ONCE).subscribe(noDemand);
        grantSubscribe("TopicA/#");
        broker.send(QOS_1, QOS_2);
        broker.barrier();
        return noDemand;
    }

    /** Both messages are answered, once each and nothing more: PUBACK 1, and PUBREC 2 then PUBCOMP 2. */
    private void expectOneAnswerEach() {
        broker.awaitReceived(isPubAck(1));
        broker.awaitReceived(isPubRec(2));
        broker.send(pubRel(2));
        broker.awaitReceived(isPubComp(2));
        assertThat(broker.received(MqttPacketType.PUBACK)).hasSize(1);
        assertThat(broker.received(MqttPacketType.PUBREC)).hasSize(1);
    }

    @BothVersions
    @DisplayName("held without demand at disconnect(), a QoS 1 and a QoS 2 message are not acknowledged; re-sent "
            + "on the resumed session, each is delivered once and answered once [MQTT-4.4.0-1] [MQTT-4.3.2-4] "
            + "[MQTT-4.3.3-9] [MQTT-4.3.3-10] (5.0), [MQTT-4.4.0-1] [MQTT-4.3.3-2] (3.1.1)")
    void messagesHeldAtDisconnectAreDeliveredOnceAfterResume(MqttVersion version) {
        MqttClient client = persistentClient(version);
        TestSubscriber<MqttMessage> noDemand = holdBothWithoutDemand(client);

        client.disconnect().block(WAIT);
        broker.awaitReceived(isDisconnect());
        broker.awaitConnectionClosed();
        TestSubscriber<MqttMessage> unsolicited = TestSubscriber.create();
        client.unsolicitedMessages().subscribe(unsolicited);
        var connected = client.connect().toFuture();
        resumeAfterReconnect();
        assertThat(connected).succeedsWithin(WAIT);
        broker.send(QOS_1.asDuplicate(), QOS_2.asDuplicate());
        expectOneAnswerEach();

        assertThat(unsolicited.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("qos 1", "qos 2");
        assertThat(noDemand.getReceivedOnNext()).isEmpty();
    }

    @BothVersions
    @DisplayName("held without demand when the connection drops, a message re-sent on the resumed session joins "
            + "the waiting delivery: delivered once when demanded, answered once, on the new connection "
            + "[MQTT-4.4.0-1] [MQTT-4.6.0-2] [MQTT-4.3.3-10] (5.0)")
    void messageHeldAcrossALostConnectionIsDeliveredOnce(MqttVersion version) {
        MqttClient client = persistentClient(version);
        TestSubscriber<MqttMessage> subscriber = holdBothWithoutDemand(client);

        broker.closeConnection();
        resumeAfterReconnect();
        broker.send(QOS_1.asDuplicate(), QOS_2.asDuplicate());
        broker.barrier();
        broker.assertNothingElseReceived();
        subscriber.request(10);
        expectOneAnswerEach();

        assertThat(subscriber.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("qos 1", "qos 2");
    }

    @BothVersions
    @DisplayName("delivered but not yet acknowledged when the connection drops (an earlier message held the "
            + "acknowledgements back), a QoS 1 message re-sent on the resumed session is acknowledged without "
            + "reaching the application again [MQTT-4.6.0-2] [MQTT-2.2.1-3] (5.0)")
    void deliveredButUnansweredIsAnsweredOnTheNextConnection(MqttVersion version) {
        MqttClient client = persistentClient(version);
        TestSubscriber<MqttMessage> slow = TestSubscriber.builder().initialRequest(0).build();
        TestSubscriber<MqttMessage> fast = TestSubscriber.create();
        client.subscribe("slow/#", AT_LEAST_ONCE).subscribe(slow);
        grantSubscribe("slow/#");
        client.subscribe("fast/#", AT_LEAST_ONCE).subscribe(fast);
        grantSubscribe("fast/#");
        PublishPacket first = publish("slow/x", "first", AT_LEAST_ONCE, 1);
        PublishPacket second = publish("fast/x", "second", AT_LEAST_ONCE, 2);
        broker.send(first, second);
        broker.barrier();
        assertThat(fast.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("second");

        broker.closeConnection();
        resumeAfterReconnect();
        broker.send(first.asDuplicate(), second.asDuplicate());
        broker.barrier();
        broker.assertNothingElseReceived();
        slow.request(1);
        broker.awaitReceived(isPubAck(1));
        broker.awaitReceived(isPubAck(2));

        assertThat(broker.received(MqttPacketType.PUBACK)).extracting(ack -> ((AckPacket) ack).packetId()).containsExactly(1, 2);
        assertThat(fast.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("second");
        assertThat(slow.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("first");
    }
}
