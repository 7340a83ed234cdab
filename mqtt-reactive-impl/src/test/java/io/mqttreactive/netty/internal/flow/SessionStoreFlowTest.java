package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubComp;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRec;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRel;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.Packets.pubComp;
import static io.mqttreactive.netty.testing.scripted.Packets.pubRec;
import static io.mqttreactive.netty.testing.scripted.Packets.pubRel;
import static io.mqttreactive.netty.testing.scripted.Packets.publish;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttClientClosedException;
import io.mqttreactive.exception.MqttSessionStoreException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PubRelReasonCode;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionLossPolicy;
import io.mqttreactive.options.SessionOptions;
import io.mqttreactive.spi.StoredPublish;
import io.mqttreactive.spi.StoredPublish.State;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The client keeping its session in a {@link io.mqttreactive.spi.SessionStore}, against a scripted broker: what
 * is written before which packet, what a failing store does, and what a new client resumes from the store.
 */
class SessionStoreFlowTest {

    private static final String CLIENT_ID = "scripted-client";
    private static final Duration QUIET = Duration.ofMillis(200);

    private final GatedSessionStore store = new GatedSessionStore();
    private final List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
    private ScriptedBroker broker;

    @AfterEach
    void closeBroker() {
        store.release();
        if (broker != null) {
            broker.close();
        }
    }

    private MqttClient newClient(MqttVersion version, boolean cleanStart, ReconnectOptions reconnect) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.newClient(options -> options
                .session(new SessionOptions(cleanStart, Duration.ofMinutes(5), Optional.of(store)))
                .reconnect(reconnect));
        client.events().subscribe(events::add);
        return client;
    }

    private MqttClient connect(MqttVersion version, boolean cleanStart, boolean sessionPresent) {
        MqttClient client = newClient(version, cleanStart, ReconnectOptions.DISABLED);
        broker.expect(isConnect().and("clean start " + cleanStart, connect -> connect.cleanStart() == cleanStart))
                .answer(ConnAckPacket.of(sessionPresent, 0));
        client.connect().block(WAIT);
        return client;
    }

    private static MqttMessage message(String payload, MqttQos qos) {
        return MqttMessage.of("out/" + payload, payload.getBytes(StandardCharsets.UTF_8), qos);
    }

    private static String payload(PublishPacket packet) {
        return new String(packet.payload(), StandardCharsets.UTF_8);
    }

    /** What a crashed client left: QoS 1 "a" as id 2, QoS 2 "b" as id 1, QoS 2 "c" released as id 3; inbound 12. */
    private void storeUnfinishedSession() {
        store.storeOutbound(CLIENT_ID, new StoredPublish(2, State.AWAITING_PUBACK, message("a", AT_LEAST_ONCE)))
                .block(WAIT);
        store.storeOutbound(CLIENT_ID, new StoredPublish(1, State.AWAITING_PUBREC, message("b", EXACTLY_ONCE)))
                .block(WAIT);
        store.storeOutbound(CLIENT_ID, new StoredPublish(3, State.AWAITING_PUBCOMP, message("c", EXACTLY_ONCE)))
                .block(WAIT);
        store.storeInbound(CLIENT_ID, 12).block(WAIT);
    }

    private List<MqttClientEvent.RestoredPublishFinished> finishedRestored() {
        return events.stream().filter(MqttClientEvent.RestoredPublishFinished.class::isInstance)
                .map(MqttClientEvent.RestoredPublishFinished.class::cast).toList();
    }

    @BothVersions
    @DisplayName("QoS 1: the message is stored awaiting PUBACK before its PUBLISH goes out, and removed by the PUBACK "
            + "[MQTT-4.3.2-1] [MQTT-4.3.2-3] (5.0), [MQTT-4.3.2-1] (3.1.1)")
    void qos1IsStoredBeforeThePublish(MqttVersion version) {
        MqttClient client = connect(version, true, false);
        store.hold();

        CompletableFuture<PublishResult> result = client.publish(message("one", AT_LEAST_ONCE)).toFuture();
        broker.assertNothingElseReceived();
        assertThat(store.outbound(CLIENT_ID)).singleElement()
                .satisfies(stored -> assertThat(stored.state()).isEqualTo(State.AWAITING_PUBACK));

        store.release();
        PublishPacket sent = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        assertThat(sent.packetId()).isEqualTo(store.outbound(CLIENT_ID).get(0).packetId());
        assertThat(sent.dup()).isFalse();
        broker.barrier();
        assertThat(result).isNotDone();
        broker.send(pubAck(sent.packetId()));

        assertThat(result).succeedsWithin(WAIT);
        broker.barrier();
        assertThat(store.outbound(CLIENT_ID)).isEmpty();
        assertThat(store.operations()).containsExactly("clear", "storeOutbound " + sent.packetId() + " AWAITING_PUBACK",
                "removeOutbound " + sent.packetId());
    }

    @BothVersions
    @DisplayName("QoS 2: stored awaiting PUBREC before the PUBLISH, awaiting PUBCOMP before the PUBREL, removed by the "
            + "PUBCOMP [MQTT-4.3.3-1] [MQTT-4.3.3-3] [MQTT-4.3.3-4] [MQTT-4.3.3-5] (5.0), [MQTT-4.3.3-1] (3.1.1)")
    void qos2IsStoredBeforeThePublishAndBeforeThePubRel(MqttVersion version) {
        MqttClient client = connect(version, true, false);
        store.hold();

        CompletableFuture<PublishResult> result = client.publish(message("two", EXACTLY_ONCE)).toFuture();
        broker.assertNothingElseReceived();
        assertThat(store.outbound(CLIENT_ID)).singleElement()
                .satisfies(stored -> assertThat(stored.state()).isEqualTo(State.AWAITING_PUBREC));
        store.release();
        int id = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();

        store.hold();
        broker.send(pubRec(id));
        broker.assertNothingElseReceived();
        assertThat(store.outbound(CLIENT_ID)).singleElement()
                .satisfies(stored -> assertThat(stored.state()).isEqualTo(State.AWAITING_PUBCOMP));
        store.release();
        broker.awaitReceived(isPubRel(id));
        broker.send(pubComp(id));

        assertThat(result).succeedsWithin(WAIT);
        broker.barrier();
        assertThat(store.outbound(CLIENT_ID)).isEmpty();
        assertThat(store.operations()).containsExactly("clear", "storeOutbound " + id + " AWAITING_PUBREC",
                "storeOutbound " + id + " AWAITING_PUBCOMP", "removeOutbound " + id);
    }

    @BothVersions
    @DisplayName("inbound QoS 2: the packet id is stored before the PUBREC and removed before the PUBCOMP; a duplicate "
            + "meanwhile is not delivered again [MQTT-4.3.3-8] [MQTT-4.3.3-10] [MQTT-4.3.3-11] (5.0), "
            + "[MQTT-4.3.3-2] (3.1.1)")
    void inboundQos2IdIsStoredBeforeThePubRec(MqttVersion version) {
        MqttClient client = connect(version, true, false);
        List<MqttMessage> received = new CopyOnWriteArrayList<>();
        client.subscribe("in/#", EXACTLY_ONCE).subscribe(received::add);
        broker.send(subAck(broker.awaitReceived(isSubscribe("in/#")).packetId(), 2));
        broker.barrier();
        store.hold();

        broker.send(publish("in/x", "once", EXACTLY_ONCE, 5));
        broker.assertNothingReceivedWithin(QUIET);
        assertThat(store.inbound(CLIENT_ID)).containsExactly(5);
        broker.send(PublishPacket.of("in/x",
                "once".getBytes(StandardCharsets.UTF_8), EXACTLY_ONCE, false, true, 5));
        broker.assertNothingReceivedWithin(QUIET);
        store.release();
        broker.awaitReceived(isPubRec(5));
        broker.awaitReceived(isPubRec(5));

        store.hold();
        broker.send(pubRel(5));
        broker.assertNothingReceivedWithin(QUIET);
        assertThat(store.inbound(CLIENT_ID)).isEmpty();
        store.release();
        assertThat(broker.awaitReceived(isPubComp(5)).reasonCode()).isZero();
        assertThat(received).map(MqttMessage::payloadAsString).containsExactly("once");
        assertThat(store.operations()).containsExactly("clear", "storeInbound 5", "removeInbound 5");
    }

    @Test
    @DisplayName("a message the store cannot keep fails its publish with MqttSessionStoreException, is never sent, "
            + "and is told in a SessionStoreFailed event")
    void storeFailureFailsThePublish() {
        MqttClient client = connect(MqttVersion.MQTT_5_0, true, false);
        store.fail();

        CompletableFuture<PublishResult> result = client.publish(message("lost", EXACTLY_ONCE)).toFuture();

        assertThat(result).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().asInstanceOf(throwable(MqttSessionStoreException.class))
                .satisfies(error -> {
                    assertThat(error.operation()).isEqualTo("storeOutbound");
                    assertThat(error).hasCauseInstanceOf(UncheckedIOException.class);
                });
        broker.assertNothingElseReceived();
        assertThat(events).filteredOn(MqttClientEvent.SessionStoreFailed.class::isInstance)
                .map(MqttClientEvent.SessionStoreFailed.class::cast)
                .first().satisfies(failed -> {
                    assertThat(failed.operation()).isEqualTo("storeOutbound");
                    assertThat(failed.totalFailures()).isOne();
                });
        assertThat(store.operations()).as("the failed message is removed, in case the store kept it")
                .endsWith("removeOutbound 1");
    }

    @Test
    @DisplayName("a store that does not complete within the store timeout fails the publish like a failing store; the "
            + "message is not sent, is removed again, and the messages behind it go out once the store answers")
    void storeTimeoutFailsThePublishAndKeepsTheFlowGoing() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.newClient(options -> options.session(
                new SessionOptions(true, Duration.ZERO, Optional.of(store), Duration.ofMillis(300))));
        client.events().subscribe(events::add);
        broker.expect(isConnect()).answer(ConnAckPacket.of(false, 0));
        client.connect().block(WAIT);
        store.hold();

        CompletableFuture<PublishResult> stuck = client.publish(message("stuck", AT_LEAST_ONCE)).toFuture();

        assertThat(stuck).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().asInstanceOf(throwable(MqttSessionStoreException.class))
                .satisfies(error -> {
                    assertThat(error.operation()).isEqualTo("storeOutbound");
                    assertThat(error).hasCauseInstanceOf(TimeoutException.class);
                });
        broker.assertNothingElseReceived();
        assertThat(store.outbound(CLIENT_ID)).isEmpty();
        assertThat(events).filteredOn(MqttClientEvent.SessionStoreFailed.class::isInstance)
                .map(event -> ((MqttClientEvent.SessionStoreFailed) event).operation())
                .startsWith("storeOutbound");

        store.release();
        CompletableFuture<PublishResult> next = client.publish(message("next", AT_LEAST_ONCE)).toFuture();
        PublishPacket sent = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        assertThat(payload(sent)).isEqualTo("next");
        broker.send(pubAck(sent.packetId()));
        assertThat(next).succeedsWithin(WAIT);
    }

    @Test
    @DisplayName("a store failing after the PUBLISH went out does not stop the flow: PUBREL, PUBREC and PUBCOMP still "
            + "go out, each failure is a SessionStoreFailed event [MQTT-4.3.3-4] [MQTT-4.3.3-8] [MQTT-4.3.3-11] (5.0)")
    void storeFailureAfterThePublishKeepsTheFlowGoing() {
        MqttClient client = connect(MqttVersion.MQTT_5_0, true, false);
        client.subscribe("in/#", EXACTLY_ONCE).subscribe();
        broker.send(subAck(broker.awaitReceived(isSubscribe("in/#")).packetId(), 2));
        CompletableFuture<PublishResult> result = client.publish(message("two", EXACTLY_ONCE)).toFuture();
        int id = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
        store.fail();

        broker.send(pubRec(id));
        broker.awaitReceived(isPubRel(id));
        broker.send(pubComp(id), publish("in/x", "in", EXACTLY_ONCE, 9));
        broker.awaitReceived(isPubRec(9));
        broker.send(pubRel(9));
        broker.awaitReceived(isPubComp(9));

        assertThat(result).succeedsWithin(WAIT);
        assertThat(events).filteredOn(MqttClientEvent.SessionStoreFailed.class::isInstance)
                .map(event -> ((MqttClientEvent.SessionStoreFailed) event).operation())
                .containsExactly("storeOutbound", "removeOutbound", "storeInbound", "removeInbound");
    }

    @Test
    @DisplayName("a store that cannot load the session fails the connect with MqttSessionStoreException")
    void loadFailureFailsTheConnect() {
        store.fail();
        MqttClient client = newClient(MqttVersion.MQTT_5_0, false, ReconnectOptions.DISABLED);

        assertThat(client.connect().toFuture()).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().asInstanceOf(throwable(MqttSessionStoreException.class))
                .satisfies(error -> assertThat(error.operation()).isEqualTo("load"));
        assertThat(broker.received()).isEmpty();
        assertThat(events).anyMatch(MqttClientEvent.SessionStoreFailed.class::isInstance);
    }

    @BothVersions
    @DisplayName("restart, session present: stored PUBLISHes are re-sent with DUP 1 and their packet ids, PUBREL for "
            + "the released one, in the stored order; their ids stay reserved [MQTT-4.4.0-1] [MQTT-4.6.0-1] "
            + "[MQTT-2.3.1-2] (3.1.1) [MQTT-3.1.2-4] (3.1.1)")
    void restartWithSessionPresentResendsInOriginalOrder(MqttVersion version) {
        storeUnfinishedSession();
        MqttClient client = connect(version, false, true);

        PublishPacket a = broker.awaitReceived(isPublish(AT_LEAST_ONCE, 2));
        PublishPacket b = broker.awaitReceived(isPublish(EXACTLY_ONCE, 1));
        broker.awaitReceived(isPubRel(3));
        assertThat(List.of(a, b)).allMatch(PublishPacket::dup);
        assertThat(List.of(payload(a), payload(b))).containsExactly("a", "b");
        assertThat(events).contains(new MqttClientEvent.SessionRestored(CLIENT_ID, 3, 1));

        CompletableFuture<PublishResult> fresh = client.publish(message("new", AT_LEAST_ONCE)).toFuture();
        PublishPacket next = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        assertThat(next.packetId()).as("an id no restored message holds").isEqualTo(4);
        assertThat(next.dup()).isFalse();

        broker.send(pubAck(2), pubComp(3), pubRec(1));
        broker.awaitReceived(isPubRel(1));
        broker.send(pubComp(1), pubAck(4));
        assertThat(fresh).succeedsWithin(WAIT);
        broker.barrier();
        assertThat(finishedRestored()).satisfiesExactly(
                finished -> assertThat(finished).isEqualTo(new MqttClientEvent.RestoredPublishFinished(
                        message("a", AT_LEAST_ONCE), Optional.empty(), 2)),
                finished -> assertThat(finished.message().payloadAsString()).isEqualTo("c"),
                finished -> assertThat(finished).isEqualTo(new MqttClientEvent.RestoredPublishFinished(
                        message("b", EXACTLY_ONCE), Optional.empty(), 0)));
        assertThat(store.outbound(CLIENT_ID)).isEmpty();
    }

    @Test
    @DisplayName("restart, session present: a PUBCOMP with 0x92 for a re-sent PUBREL completes the message, which the "
            + "broker completed before the crash (5.0 section 4.3.3)")
    void unknownIdAnsweringAResentPubRelCompletesTheMessage() {
        store.storeOutbound(CLIENT_ID, new StoredPublish(3, State.AWAITING_PUBCOMP, message("c", EXACTLY_ONCE)))
                .block(WAIT);
        connect(MqttVersion.MQTT_5_0, false, true);
        broker.awaitReceived(isPubRel(3));

        broker.send(new AckPacket(MqttPacketType.PUBCOMP, 3, PubRelReasonCode.PACKET_IDENTIFIER_NOT_FOUND.code(),
                null, List.of()));
        broker.barrier();

        assertThat(finishedRestored()).singleElement().isEqualTo(new MqttClientEvent.RestoredPublishFinished(
                message("c", EXACTLY_ONCE), Optional.empty(), 0));
        assertThat(store.outbound(CLIENT_ID)).isEmpty();
    }

    @BothVersions
    @DisplayName("restart, session present: a stored inbound QoS 2 id is known, so the broker's re-sent PUBLISH is "
            + "answered with PUBREC and not delivered again; its PUBREL removes it [MQTT-4.3.3-10] [MQTT-4.3.3-11] "
            + "(5.0), [MQTT-4.3.3-2] (3.1.1)")
    void restartKeepsInboundQos2Ids(MqttVersion version) {
        store.storeInbound(CLIENT_ID, 12).block(WAIT);
        MqttClient client = connect(version, false, true);
        List<MqttMessage> unsolicited = new CopyOnWriteArrayList<>();
        client.unsolicitedMessages().subscribe(unsolicited::add);
        broker.barrier();

        broker.send(PublishPacket.of("in/x", "twice".getBytes(StandardCharsets.UTF_8), EXACTLY_ONCE, false, true, 12));
        broker.awaitReceived(isPubRec(12));
        broker.send(pubRel(12));
        assertThat(broker.awaitReceived(isPubComp(12)).reasonCode()).isZero();

        broker.assertNothingElseReceived();
        assertThat(unsolicited).isEmpty();
        assertThat(store.inbound(CLIENT_ID)).isEmpty();
    }

    @BothVersions
    @DisplayName("restart, no session present: restored messages are published again as new messages (DUP 0) in "
            + "their order, the released QoS 2 message completes, stored inbound ids are forgotten [MQTT-4.4.0-1] "
            + "[MQTT-4.6.0-1]")
    void restartWithoutSessionRepublishes(MqttVersion version) {
        storeUnfinishedSession();
        MqttClient client = connect(version, false, false);

        PublishPacket a = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        PublishPacket b = broker.awaitReceived(isPublish(EXACTLY_ONCE));
        broker.assertNothingElseReceived();
        assertThat(List.of(payload(a), payload(b))).containsExactly("a", "b");
        assertThat(List.of(a, b)).noneMatch(PublishPacket::dup);
        assertThat(finishedRestored()).singleElement()
                .satisfies(finished -> assertThat(finished.message().payloadAsString()).isEqualTo("c"));
        assertThat(store.inbound(CLIENT_ID)).isEmpty();
        assertThat(store.outbound(CLIENT_ID)).map(StoredPublish::packetId)
                .containsExactly(a.packetId(), b.packetId());

        broker.send(pubAck(a.packetId()), pubRec(b.packetId()));
        broker.awaitReceived(isPubRel(b.packetId()));
        broker.send(pubComp(b.packetId()));
        broker.barrier();
        assertThat(finishedRestored()).hasSize(3).last()
                .satisfies(finished -> assertThat(finished.remaining()).isZero());
        assertThat(store.outbound(CLIENT_ID)).isEmpty();
    }

    @Test
    @DisplayName("restart, no session present: restored messages are published again under their stored packet "
            + "ids, with no store write before their PUBLISH, so a crash meanwhile still finds them stored")
    void republishKeepsThePacketIdAndTheStoredRecord() {
        storeUnfinishedSession();
        int operationsBefore = store.operations().size();
        store.hold();

        connect(MqttVersion.MQTT_5_0, false, false);
        PublishPacket a = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        PublishPacket b = broker.awaitReceived(isPublish(EXACTLY_ONCE));

        assertThat(List.of(a.packetId(), b.packetId())).containsExactly(2, 1);
        assertThat(List.of(a, b)).noneMatch(PublishPacket::dup);
        assertThat(store.operations().subList(operationsBefore, store.operations().size()))
                .as("store writes: only the released message and the lost session's inbound id are removed")
                .containsExactlyInAnyOrder("removeOutbound 3", "removeInbound 12");
        assertThat(store.outbound(CLIENT_ID)).map(StoredPublish::packetId).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    @DisplayName("restart, no session present, session loss policy FAIL: the restored messages the broker never "
            + "acknowledged fail with MqttSessionLostException and leave the store, so no later process sends them")
    void sessionLossPolicyFailRemovesTheFailedMessagesFromTheStore() {
        storeUnfinishedSession();
        MqttClient client = newClient(MqttVersion.MQTT_5_0, false,
                ReconnectOptions.DISABLED.withSessionLossPolicy(SessionLossPolicy.FAIL));
        broker.expect(isConnect()).answer(ConnAckPacket.of(false, 0));

        client.connect().block(WAIT);
        broker.barrier();

        assertThat(finishedRestored()).hasSize(3)
                .filteredOn(finished -> finished.failure().isPresent())
                .map(finished -> finished.message().payloadAsString())
                .containsExactlyInAnyOrder("a", "b");
        broker.assertNothingElseReceived();
        assertThat(store.outbound(CLIENT_ID)).isEmpty();
    }

    @BothVersions
    @DisplayName("a clean start discards what the store kept: nothing is re-sent and the store is cleared "
            + "[MQTT-3.1.2-6] (3.1.1), [MQTT-3.1.2-4] (5.0)")
    void cleanStartDiscardsTheStore(MqttVersion version) {
        storeUnfinishedSession();
        connect(version, true, false);

        broker.assertNothingElseReceived();
        assertThat(store.outbound(CLIENT_ID)).isEmpty();
        assertThat(store.inbound(CLIENT_ID)).isEmpty();
        assertThat(events).noneMatch(MqttClientEvent.SessionRestored.class::isInstance);
    }

    @Test
    @DisplayName("a message whose publish fails, here on close, leaves the store with it")
    void failedPublishLeavesTheStore() {
        MqttClient client = connect(MqttVersion.MQTT_5_0, false, false);
        CompletableFuture<PublishResult> result = client.publish(message("closing", AT_LEAST_ONCE)).toFuture();
        broker.awaitReceived(isPublish(AT_LEAST_ONCE));

        client.close().block(WAIT);

        assertThat(result).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(MqttClientClosedException.class);
        assertThat(store.outbound(CLIENT_ID)).isEmpty();
    }

    @Test
    @DisplayName("a connection lost while a message is being stored: it goes out once stored, on the next connection, "
            + "with DUP 0 as it was never sent [MQTT-4.4.0-1] [MQTT-3.3.1-1] (5.0)")
    void messageStoredWhileDisconnectedGoesOutOnTheNextConnection() {
        MqttClient client = newClient(MqttVersion.MQTT_5_0, false,
                ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(10))));
        broker.expect(isConnect()).answer(ConnAckPacket.of(false, 0));
        client.connect().block(WAIT);
        store.hold();
        CompletableFuture<PublishResult> result = client.publish(message("late", AT_LEAST_ONCE)).toFuture();
        broker.assertNothingElseReceived();

        broker.expect(isConnect()).answer(ConnAckPacket.of(true, 0));
        broker.closeConnection();
        broker.awaitScriptDone();
        broker.barrier();
        store.release();

        PublishPacket sent = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        assertThat(sent.dup()).isFalse();
        broker.send(pubAck(sent.packetId()));
        assertThat(result).succeedsWithin(WAIT);
        broker.assertNothingElseReceived();
        assertThat(broker.received(MqttPacketType.PUBLISH)).hasSize(1);
    }
}
