package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.anyPacket;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isDisconnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubAck;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubComp;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRec;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRel;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.Packets.pubComp;
import static io.mqttreactive.netty.testing.scripted.Packets.pubRec;
import static io.mqttreactive.netty.testing.scripted.Packets.publish;
import static io.mqttreactive.netty.testing.scripted.Packets.publishWithAlias;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttNotConnectedException;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.AuthPacket;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.test.subscriber.TestSubscriber;

/**
 * Rules that bind the client as a sender or receiver, checked on the wire against a scripted broker: one CONNECT
 * per connection, DISCONNECT as the last packet before the close, the answer to each inbound QoS, PUBREL order, a
 * reused QoS 1 packet id, no AUTH without an Authentication Method, session state kept under the client id across
 * connections, topic aliases that end with their connection, and QoS 2 flows that finish after the message
 * expired.
 */
class ClientDutiesFlowTest {

    private ScriptedBroker broker;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private MqttClient connect(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        return broker.connectedClient(options -> options);
    }

    private TestSubscriber<MqttMessage> subscribe(MqttClient client, String filter) {
        TestSubscriber<MqttMessage> subscriber = TestSubscriber.create();
        client.subscribe(filter, EXACTLY_ONCE).subscribe(subscriber);
        int packetId = broker.awaitReceived(isSubscribe(filter)).packetId();
        broker.send(subAck(packetId, 2));
        broker.barrier();
        return subscriber;
    }

    @BothVersions
    @DisplayName("connect() while connected joins the current connection and sends no second CONNECT "
            + "[MQTT-3.1.0-2] (3.1.1), [MQTT-3.1.0-2] (5.0)")
    void noSecondConnect(MqttVersion version) {
        MqttClient client = connect(version);

        assertThat(client.connect().block(WAIT)).isNotNull();
        assertThat(client.connect().block(WAIT)).isNotNull();

        broker.assertNothingElseReceived();
        assertThat(broker.received(MqttPacketType.CONNECT)).hasSize(1);
    }

    @BothVersions
    @DisplayName("disconnect(): DISCONNECT, then the client closes the connection and sends nothing after the "
            + "DISCONNECT; a publish made afterwards fails as not connected [MQTT-3.14.4-1] [MQTT-3.14.4-2] (3.1.1), "
            + "[MQTT-3.14.4-1] [MQTT-3.14.4-2] (5.0)")
    void disconnectIsTheLastPacket(MqttVersion version) {
        MqttClient client = connect(version);

        client.disconnect().block(WAIT);
        broker.awaitReceived(isDisconnect());
        broker.awaitConnectionClosed();
        assertThat(broker.isConnectionOpen()).isFalse();

        assertThatThrownBy(() -> client.publish(MqttMessage.of("after/disconnect",
                "late".getBytes(StandardCharsets.UTF_8), AT_MOST_ONCE)).block(WAIT))
                .isInstanceOf(MqttNotConnectedException.class);
        List<MqttPacket> sent = broker.received();
        assertThat(sent).last().isInstanceOf(DisconnectPacket.class);
        assertThat(sent).filteredOn(packet -> packet.type() == MqttPacketType.DISCONNECT).hasSize(1);
    }

    @BothVersions
    @DisplayName("a PUBLISH is answered per its QoS: nothing for QoS 0, PUBACK for QoS 1, PUBREC for QoS 2 "
            + "[MQTT-3.3.4-1] (3.1.1), [MQTT-3.3.4-1] (5.0)")
    void answerPerQos(MqttVersion version) {
        MqttClient client = connect(version);
        TestSubscriber<MqttMessage> subscriber = subscribe(client, "in/#");

        broker.send(publish("in/0", "zero", AT_MOST_ONCE, 0), publish("in/1", "one", AT_LEAST_ONCE, 11),
                publish("in/2", "two", EXACTLY_ONCE, 12));

        broker.awaitReceived(isPubAck(11));
        broker.awaitReceived(isPubRec(12));
        broker.assertNothingElseReceived();
        assertThat(subscriber.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("zero", "one", "two");
        subscriber.cancel();
    }

    @BothVersions
    @DisplayName("PUBRELs leave in the order the PUBRECs came, not in the order of publishing "
            + "[MQTT-4.6.0-4] (3.1.1), [MQTT-4.6.0-4] (5.0)")
    void pubRelsInPubRecOrder(MqttVersion version) {
        MqttClient client = connect(version);
        List<CompletableFuture<PublishResult>> results = List.of("a", "b", "c").stream()
                .map(payload -> client.publish(MqttMessage.of("out/" + payload,
                        payload.getBytes(StandardCharsets.UTF_8), EXACTLY_ONCE)).toFuture())
                .toList();
        int a = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
        int b = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
        int c = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();

        broker.send(pubRec(c), pubRec(a), pubRec(b));

        assertThat(List.of(broker.awaitReceived(isPubRel(c)).packetId(), broker.awaitReceived(isPubRel(a)).packetId(),
                broker.awaitReceived(isPubRel(b)).packetId())).containsExactly(c, a, b);
        broker.send(pubComp(c), pubComp(a), pubComp(b));
        results.forEach(result -> assertThat(result).succeedsWithin(WAIT));
        broker.assertNothingElseReceived();
    }

    @BothVersions
    @DisplayName("after PUBACK, a QoS 1 PUBLISH with the same packet id is a new message, delivered and "
            + "acknowledged again even with DUP set [MQTT-4.3.2-5] (5.0)")
    void reusedQos1IdIsANewMessage(MqttVersion version) {
        MqttClient client = connect(version);
        TestSubscriber<MqttMessage> subscriber = subscribe(client, "in/#");

        broker.send(publish("in/a", "first", AT_LEAST_ONCE, 9));
        broker.awaitReceived(isPubAck(9));
        broker.send(publish("in/a", "second", AT_LEAST_ONCE, 9).asDuplicate());
        broker.awaitReceived(isPubAck(9));
        broker.send(publish("in/a", "third", AT_LEAST_ONCE, 9));
        broker.awaitReceived(isPubAck(9));

        broker.assertNothingElseReceived();
        assertThat(subscriber.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("first", "second", "third");
        subscriber.cancel();
    }

    @Test
    @DisplayName("a client whose CONNECT has no Authentication Method never sends AUTH: reauthenticate() is "
            + "refused before any I/O, and an AUTH from the broker is answered with DISCONNECT 0x82, not AUTH "
            + "[MQTT-4.12.0-7] (5.0)")
    void noAuthWithoutAuthenticationMethod() {
        MqttClient client = connect(MqttVersion.MQTT_5_0);
        assertThat(broker.received(MqttPacketType.CONNECT)).singleElement()
                .satisfies(connect -> assertThat(((ConnectPacket) connect)
                        .authenticationMethod()).isNull());

        assertThatThrownBy(() -> client.reauthenticate().block(WAIT)).isInstanceOf(IllegalStateException.class);
        broker.assertNothingElseReceived();

        broker.send(new AuthPacket(AuthPacket.CONTINUE_AUTHENTICATION, "SCRAM-SHA-256", new byte[] {1}, null,
                List.of()));
        assertThat(broker.awaitReceived(isDisconnect()).reasonCode()).isEqualTo(0x82);
        broker.awaitConnectionClosed();
        assertThat(broker.received(MqttPacketType.AUTH)).isEmpty();
    }

    private MqttClient persistentClient(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        return broker.connectedClient(options -> options.clientId("session-owner")
                .session(SessionOptions.DEFAULT.withCleanStart(false).withSessionExpiryInterval(Duration.ofHours(1)))
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))));
    }

    @BothVersions
    @DisplayName("the session belongs to the client id and outlives its connection: after a drop the client "
            + "resumes under the same client id and still holds the unacknowledged QoS 1 PUBLISH (re-sent with DUP "
            + "and its id) and the PUBREL the broker awaits [MQTT-3.1.3-2] [MQTT-4.1.0-1] [MQTT-4.1.0-2] (3.1.1), "
            + "[MQTT-3.1.3-2] [MQTT-4.1.0-1] (5.0)")
    void sessionStateKeptUnderTheClientId(MqttVersion version) {
        MqttClient client = persistentClient(version);
        CompletableFuture<PublishResult> one = client.publish(MqttMessage.of("out/one",
                "one".getBytes(StandardCharsets.UTF_8), AT_LEAST_ONCE)).toFuture();
        PublishPacket first = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        CompletableFuture<PublishResult> two = client.publish(MqttMessage.of("out/two",
                "two".getBytes(StandardCharsets.UTF_8), EXACTLY_ONCE)).toFuture();
        int second = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
        broker.send(pubRec(second));
        broker.awaitReceived(isPubRel(second));

        broker.closeConnection();
        broker.awaitReceived(isConnect());
        broker.send(connAck(true));
        List<MqttPacket> resent = List.of(broker.awaitReceived(anyPacket()), broker.awaitReceived(anyPacket()));

        assertThat(resent).filteredOn(PublishPacket.class::isInstance).singleElement()
                .satisfies(packet -> {
                    PublishPacket again = (PublishPacket) packet;
                    assertThat(again.packetId()).isEqualTo(first.packetId());
                    assertThat(again.dup()).isTrue();
                    assertThat(again.topic()).isEqualTo("out/one");
                });
        assertThat(resent).filteredOn(packet -> packet.type() == MqttPacketType.PUBREL).singleElement()
                .satisfies(packet -> assertThat(((AckPacket) packet).packetId()).isEqualTo(second));
        assertThat(broker.received(MqttPacketType.CONNECT)).hasSize(2).allSatisfy(packet -> {
            ConnectPacket connect = (ConnectPacket) packet;
            assertThat(connect.clientId()).isEqualTo("session-owner");
            assertThat(connect.cleanStart()).isFalse();
        });
        broker.send(pubAck(first.packetId()), pubComp(second));
        assertThat(one).succeedsWithin(WAIT);
        assertThat(two).succeedsWithin(WAIT);
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("topic aliases the broker set are forgotten with their connection: on the resumed session the "
            + "old alias is unknown, a protocol error [MQTT-3.3.2-7] (5.0)")
    void topicAliasesDoNotOutliveTheConnection() {
        MqttClient client = persistentClient(MqttVersion.MQTT_5_0);
        broker.whenever(isSubscribe()).answer(subscribe -> subAck(subscribe.packetId(), 0));
        List<MqttMessage> received = new CopyOnWriteArrayList<>();
        client.subscribe("alias/#", AT_MOST_ONCE).subscribe(received::add, error -> { });
        broker.awaitReceivedCount(MqttPacketType.SUBSCRIBE, 1);
        broker.send(publishWithAlias("alias/first", 3, "set", AT_MOST_ONCE, 0),
                publishWithAlias("", 3, "used", AT_MOST_ONCE, 0));
        broker.barrier();
        assertThat(received).extracting(message -> message.topic() + "=" + message.payloadAsString())
                .containsExactly("alias/first=set", "alias/first=used");

        broker.closeConnection();
        broker.awaitReceived(isConnect());
        broker.send(connAck(true));
        broker.barrier();
        broker.send(publishWithAlias("", 3, "stale", AT_MOST_ONCE, 0));

        broker.awaitReceived(isDisconnect(DisconnectReasonCode.PROTOCOL_ERROR.code()));
        broker.awaitConnectionClosed();
        assertThat(received).extracting(MqttMessage::payloadAsString).containsExactly("set", "used");
    }

    /** Longer than the one-second Message Expiry Interval below, so the message has expired by the next step. */
    private static final Duration PAST_EXPIRY = Duration.ofMillis(1_200);

    @Test
    @DisplayName("QoS 2 sender: once its PUBLISH went out a message does not expire; a PUBREC after its one-second "
            + "Message Expiry Interval still gets PUBREL and the publish completes on PUBCOMP [MQTT-4.3.3-7] (5.0)")
    void sentQos2MessageDoesNotExpire() {
        MqttClient client = connect(MqttVersion.MQTT_5_0);
        CompletableFuture<PublishResult> result = client.publish(MqttMessage.builder().topic("out/expiring")
                .payload("short-lived".getBytes(StandardCharsets.UTF_8)).qos(EXACTLY_ONCE)
                .messageExpiryInterval(Duration.ofSeconds(1)).build()).toFuture();
        PublishPacket sent = broker.awaitReceived(isPublish(EXACTLY_ONCE));
        assertThat(sent.messageExpiryInterval()).isEqualTo(1);

        broker.assertNothingReceivedWithin(PAST_EXPIRY);
        assertThat(result).isNotDone();
        broker.send(pubRec(sent.packetId()));
        broker.awaitReceived(isPubRel(sent.packetId()));
        broker.send(pubComp(sent.packetId()));
        assertThat(result).succeedsWithin(WAIT);
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("QoS 2 receiver: a PUBREL that comes after the message's one-second Message Expiry Interval still "
            + "gets PUBCOMP [MQTT-4.3.3-13] (5.0)")
    void receivedQos2FlowFinishesAfterExpiry() {
        MqttClient client = connect(MqttVersion.MQTT_5_0);
        TestSubscriber<MqttMessage> subscriber = subscribe(client, "in/#");
        broker.send(new PublishPacket("in/expiring", "short-lived".getBytes(StandardCharsets.UTF_8), EXACTLY_ONCE,
                false, false, 21, 1, false, null, null, null, List.of(), 0, List.of()));
        broker.awaitReceived(isPubRec(21));

        broker.assertNothingReceivedWithin(PAST_EXPIRY);
        broker.send(Packets.pubRel(21));
        assertThat(broker.awaitReceived(isPubComp(21)).reasonCode()).isZero();
        assertThat(subscriber.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("short-lived");
        subscriber.cancel();
    }
}
