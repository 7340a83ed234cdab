package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isAck;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRel;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.Packets.pubComp;
import static io.mqttreactive.netty.testing.scripted.Packets.pubRec;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.exception.MqttPublishException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PubRelReasonCode;
import io.mqttreactive.message.PublishReasonCode;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.UserProperty;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.FlowControlOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** The sending side of PUBLISH against a scripted broker: completion per QoS, acknowledgements, quota, ids. */
class OutgoingPublishFlowTest {

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

    private static MqttMessage message(String payload, MqttQos qos) {
        return MqttMessage.of("out/" + payload, payload.getBytes(StandardCharsets.UTF_8), qos);
    }

    @BothVersions
    @DisplayName("QoS 0 completes once written, with no packet id and DUP 0 [MQTT-3.3.1-2] [MQTT-2.2.1-2] (5.0), "
            + "[MQTT-3.3.1-2] [MQTT-2.3.1-5] (3.1.1), [MQTT-4.3.1-1]")
    void qos0CompletesOnWrite(MqttVersion version) {
        MqttClient client = connect(version);

        PublishResult result = client.publish(message("zero", AT_MOST_ONCE)).block(WAIT);

        PublishPacket sent = broker.awaitReceived(isPublish(AT_MOST_ONCE));
        assertThat(sent.packetId()).isZero();
        assertThat(sent.dup()).isFalse();
        assertThat(result.reasonCode()).isEqualTo(PublishReasonCode.SUCCESS);
        broker.assertNothingElseReceived();
    }

    @BothVersions
    @DisplayName("QoS 1 stays pending until PUBACK; new id, DUP 0 [MQTT-4.3.2-1] [MQTT-4.3.2-2] [MQTT-4.3.2-3] "
            + "(5.0), [MQTT-4.3.2-1] [MQTT-2.3.1-1] (3.1.1)")
    void qos1CompletesOnPubAck(MqttVersion version) {
        MqttClient client = connect(version);

        CompletableFuture<PublishResult> result = client.publish(message("one", AT_LEAST_ONCE)).toFuture();
        PublishPacket sent = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        broker.barrier();

        assertThat(sent.packetId()).isNotZero();
        assertThat(sent.dup()).isFalse();
        assertThat(result).isNotDone();
        broker.send(pubAck(sent.packetId()));
        assertThat(result).succeedsWithin(WAIT).satisfies(published -> {
            assertThat(published.reasonCode()).isEqualTo(PublishReasonCode.SUCCESS);
            assertThat(published.message().payloadAsString()).isEqualTo("one");
        });
    }

    @Test
    @DisplayName("PUBACK with a reason code of 0x80 or more is an MqttPublishException with that code, "
            + "reason string and user properties; the message is not re-sent [MQTT-4.4.0-2] (5.0)")
    void pubAckErrorCodeFailsThePublish() {
        MqttClient client = connect(MqttVersion.MQTT_5_0);

        CompletableFuture<PublishResult> result = client.publish(message("denied", AT_LEAST_ONCE)).toFuture();
        PublishPacket sent = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        broker.send(new AckPacket(MqttPacketType.PUBACK, sent.packetId(), 0x87, "not for you",
                List.of(new io.mqttreactive.netty.internal.packet.UserProperty("policy", "p7"))));

        assertThat(result).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(MqttPublishException.class)
                .asInstanceOf(throwable(MqttPublishException.class))
                .satisfies(error -> {
                    assertThat(error.reasonCode()).isEqualTo(0x87);
                    assertThat(error.reason()).contains(PublishReasonCode.NOT_AUTHORIZED);
                    assertThat(error.reasonString()).contains("not for you");
                    assertThat(error.userProperties().asList()).containsExactly(new UserProperty("policy", "p7"));
                    assertThat(error.publishedMessage().payloadAsString()).isEqualTo("denied");
                });
        broker.assertNothingElseReceived();
    }

    @BothVersions
    @DisplayName("QoS 2: PUBREC answered with PUBREL, completes on PUBCOMP [MQTT-4.3.3-1..5] (5.0), "
            + "[MQTT-4.3.3-1] [MQTT-3.6.1-1] (3.1.1)")
    void qos2CompletesOnPubComp(MqttVersion version) {
        MqttClient client = connect(version);

        CompletableFuture<PublishResult> result = client.publish(message("two", EXACTLY_ONCE)).toFuture();
        PublishPacket sent = broker.awaitReceived(isPublish(EXACTLY_ONCE));
        assertThat(sent.packetId()).isNotZero();
        assertThat(sent.dup()).isFalse();
        int recCode = version.isMqtt5() ? PublishReasonCode.NO_MATCHING_SUBSCRIBERS.code() : 0;
        broker.send(pubRec(sent.packetId(), recCode));

        AckPacket pubRel = broker.awaitReceived(isPubRel(sent.packetId()));
        assertThat(pubRel.reasonCode()).isZero();
        broker.barrier();
        assertThat(result).isNotDone();
        broker.send(pubComp(sent.packetId()));
        assertThat(result).succeedsWithin(WAIT).satisfies(published -> assertThat(published.reasonCode())
                .isEqualTo(version.isMqtt5() ? PublishReasonCode.NO_MATCHING_SUBSCRIBERS : PublishReasonCode.SUCCESS));
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("QoS 2: PUBREC with 0x80 or more fails the publish and no PUBREL is sent [MQTT-4.3.3-4] (5.0)")
    void failingPubRecSendsNoPubRel() {
        MqttClient client = connect(MqttVersion.MQTT_5_0);

        CompletableFuture<PublishResult> result = client.publish(message("quota", EXACTLY_ONCE)).toFuture();
        PublishPacket sent = broker.awaitReceived(isPublish(EXACTLY_ONCE));
        broker.send(pubRec(sent.packetId(), PublishReasonCode.QUOTA_EXCEEDED.code()));

        assertThat(result).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().asInstanceOf(throwable(MqttPublishException.class))
                .satisfies(error -> assertThat(error.reason()).contains(PublishReasonCode.QUOTA_EXCEEDED));
        broker.assertNothingElseReceived();
        assertThat(broker.received(MqttPacketType.PUBREL)).isEmpty();
    }

    @Test
    @DisplayName("QoS 2: PUBCOMP with 0x92 is an MqttPublishException carrying the PUBCOMP reason code "
            + "(5.0 section 3.7.2.1)")
    void failingPubCompFailsThePublish() {
        MqttClient client = connect(MqttVersion.MQTT_5_0);

        CompletableFuture<PublishResult> result = client.publish(message("lost", EXACTLY_ONCE)).toFuture();
        int id = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
        broker.send(pubRec(id));
        broker.awaitReceived(isPubRel(id));
        broker.send(new AckPacket(MqttPacketType.PUBCOMP, id, PubRelReasonCode.PACKET_IDENTIFIER_NOT_FOUND.code(),
                "forgotten", List.of()));

        assertThat(result).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().asInstanceOf(throwable(MqttPublishException.class))
                .satisfies(error -> {
                    assertThat(error.reason()).contains(PubRelReasonCode.PACKET_IDENTIFIER_NOT_FOUND);
                    assertThat(error.reasonString()).contains("forgotten");
                });
        broker.assertNothingElseReceived();
    }

    @BothVersions
    @DisplayName("QoS 2: a repeated PUBREC while waiting for PUBCOMP is answered with PUBREL again, as success "
            + "[MQTT-4.3.3-4] (5.0), [MQTT-4.3.3-1] (3.1.1)")
    void repeatedPubRecIsAnsweredWithPubRel(MqttVersion version) {
        MqttClient client = connect(version);

        CompletableFuture<PublishResult> result = client.publish(message("again", EXACTLY_ONCE)).toFuture();
        int id = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
        broker.send(pubRec(id));
        broker.awaitReceived(isPubRel(id));
        broker.send(pubRec(id));

        assertThat(broker.awaitReceived(isPubRel(id)).reasonCode()).isZero();
        broker.send(pubComp(id));
        assertThat(result).succeedsWithin(WAIT);
    }

    @BothVersions
    @DisplayName("acknowledgements out of order complete the right messages; publish(Publisher) keeps input order "
            + "[MQTT-2.2.1-5] (5.0), [MQTT-2.3.1-6] (3.1.1)")
    void acknowledgementsOutOfOrder(MqttVersion version) {
        MqttClient client = connect(version);
        boolean mqtt5 = version.isMqtt5();

        CompletableFuture<List<PublishResult>> results = client.publish(Flux.just(
                message("a", AT_LEAST_ONCE), message("b", EXACTLY_ONCE), message("c", AT_LEAST_ONCE)))
                .collectList().toFuture();
        int a = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
        int b = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
        int c = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();

        broker.send(pubAck(c, mqtt5 ? PublishReasonCode.NO_MATCHING_SUBSCRIBERS.code() : 0), pubRec(b));
        broker.awaitReceived(isPubRel(b));
        broker.send(pubComp(b), pubAck(a));

        assertThat(results).succeedsWithin(WAIT).satisfies(list -> {
            assertThat(list).extracting(result -> result.message().payloadAsString()).containsExactly("a", "b", "c");
            assertThat(list).extracting(PublishResult::reasonCode).containsExactly(PublishReasonCode.SUCCESS,
                    PublishReasonCode.SUCCESS,
                    mqtt5 ? PublishReasonCode.NO_MATCHING_SUBSCRIBERS : PublishReasonCode.SUCCESS);
        });
    }

    @BothVersions
    @DisplayName("acknowledgements for unknown packet ids are ignored; an unknown PUBREC gets PUBREL, with 0x92 in "
            + "5.0 [MQTT-4.3.3-4] (5.0)")
    void unknownAcknowledgementsAreIgnored(MqttVersion version) {
        MqttClient client = connect(version);

        CompletableFuture<PublishResult> qos1 = client.publish(message("one", AT_LEAST_ONCE)).toFuture();
        CompletableFuture<PublishResult> qos2 = client.publish(message("two", EXACTLY_ONCE)).toFuture();
        int one = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
        int two = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
        int unknown = 4_000;

        broker.send(pubAck(unknown), pubComp(unknown), pubComp(one), pubAck(two), pubComp(two));
        broker.barrier();
        assertThat(qos1).isNotDone();
        assertThat(qos2).isNotDone();

        broker.send(pubRec(unknown));
        AckPacket pubRel = broker.awaitReceived(isPubRel(unknown));
        assertThat(pubRel.reasonCode()).isEqualTo(version.isMqtt5()
                ? PubRelReasonCode.PACKET_IDENTIFIER_NOT_FOUND.code() : 0);

        broker.send(pubAck(one), pubRec(two));
        broker.awaitReceived(isPubRel(two));
        broker.send(pubComp(two));
        assertThat(qos1).succeedsWithin(WAIT);
        assertThat(qos2).succeedsWithin(WAIT);
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("send quota: with server Receive Maximum 2 at most 2 QoS>0 PUBLISH in flight, the third after an "
            + "ack; QoS 0 and SUBSCRIBE are not held back, inbound PUBLISH still acknowledged [MQTT-4.9.0-1] "
            + "[MQTT-4.9.0-2] [MQTT-3.3.4-7] [MQTT-3.3.4-8] [MQTT-4.9.0-3] (5.0)")
    void sendQuotaFromServerReceiveMaximum() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.connectedClient(options -> options,
                Packets.connAckWith().receiveMaximum(2).build());
        assertSendQuotaOfTwo(client);
    }

    @Test
    @DisplayName("send quota in 3.1.1, which has no Receive Maximum: the client's own in-flight limit bounds QoS>0 "
            + "PUBLISH the same way; QoS 0 and SUBSCRIBE are not held back")
    void sendQuotaFromOwnLimit() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_3_1_1);
        MqttClient client = broker.connectedClient(options -> options.flowControl(
                FlowControlOptions.builder().maximumInflightPublishes(2).build()));
        assertSendQuotaOfTwo(client);
    }

    private void assertSendQuotaOfTwo(MqttClient client) {
        CompletableFuture<PublishResult> first = client.publish(message("1", AT_LEAST_ONCE)).toFuture();
        CompletableFuture<PublishResult> second = client.publish(message("2", EXACTLY_ONCE)).toFuture();
        CompletableFuture<PublishResult> third = client.publish(message("3", AT_LEAST_ONCE)).toFuture();
        CompletableFuture<PublishResult> qos0 = client.publish(message("4", AT_MOST_ONCE)).toFuture();
        List<MqttMessage> inbound = new ArrayList<>();
        client.subscribe("in/#", AT_LEAST_ONCE).subscribe(inbound::add);

        int one = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
        int two = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
        broker.awaitReceived(isPublish(AT_MOST_ONCE));
        int subscribe = broker.awaitReceived(isSubscribe("in/#")).packetId();
        assertThat(qos0).succeedsWithin(WAIT);

        broker.send(Packets.subAck(subscribe, 1), Packets.publish("in/x", "while full", AT_LEAST_ONCE, 9));
        broker.awaitReceived(isAck(MqttPacketType.PUBACK, 9));
        broker.assertNothingElseReceived();
        assertThat(third).isNotDone();

        broker.send(pubRec(two));
        broker.awaitReceived(isPubRel(two));
        broker.assertNothingElseReceived();
        broker.send(pubAck(one));
        int three = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
        assertThat(first).succeedsWithin(WAIT);
        broker.send(pubComp(two), pubAck(three));
        assertThat(second).succeedsWithin(WAIT);
        assertThat(third).succeedsWithin(WAIT);
        assertThat(inbound).extracting(MqttMessage::payloadAsString).containsExactly("while full");
    }

    @BothVersions
    @DisplayName("packet ids are unique among messages in flight and a QoS 2 id stays taken until PUBCOMP, even "
            + "when the ids wrap after 65,535 [MQTT-2.3.1-2] [MQTT-2.3.1-3] (3.1.1), [MQTT-2.2.1-3] (5.0)")
    void packetIdsAreReusedOnlyAfterTheFinalAcknowledgement(MqttVersion version) {
        broker = ScriptedBroker.startForBulkTraffic(version);
        MqttClient client = broker.connectedClient(options -> options);
        CompletableFuture<PublishResult> held = client.publish(message("held", EXACTLY_ONCE)).toFuture();
        int heldId = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
        broker.send(pubRec(heldId));
        broker.awaitReceived(isPubRel(heldId));
        List<Integer> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> {
            ids.add(publish.packetId());
            return pubAck(publish.packetId());
        });

        int count = 66_000;
        Long completed = client.publish(Flux.range(0, count).map(i -> message("m", AT_LEAST_ONCE)))
                .count().block(Duration.ofSeconds(30));

        assertThat(completed).isEqualTo(count);
        assertThat(ids).hasSize(count).doesNotContain(heldId);
        assertThat(ids.stream().distinct().count()).isEqualTo(65_534);
        assertThat(held).isNotDone();
        broker.send(pubComp(heldId));
        assertThat(held).succeedsWithin(WAIT);
    }

    @BothVersions
    @DisplayName("a full pending queue fails the publish with MqttBufferFullException, never blocks")
    void fullPendingQueueFailsThePublish(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.connectedClient(options -> options.flowControl(FlowControlOptions.builder()
                .maximumInflightPublishes(1).maximumPendingPublishes(1).build()));

        CompletableFuture<PublishResult> inFlight = client.publish(message("1", AT_LEAST_ONCE)).toFuture();
        CompletableFuture<PublishResult> pending = client.publish(message("2", AT_LEAST_ONCE)).toFuture();
        CompletableFuture<PublishResult> rejected = client.publish(message("3", AT_LEAST_ONCE)).toFuture();

        assertThat(rejected).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().asInstanceOf(throwable(MqttBufferFullException.class))
                .satisfies(error -> assertThat(error.capacity()).isEqualTo(1));
        int one = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
        broker.assertNothingElseReceived();
        broker.send(pubAck(one));
        int two = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
        broker.send(pubAck(two));
        assertThat(inFlight).succeedsWithin(WAIT);
        assertThat(pending).succeedsWithin(WAIT);
    }

    @Test
    @DisplayName("the pending queue is bounded in payload bytes too; an empty one takes a message of any size")
    void pendingPayloadBytesAreBounded() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.connectedClient(options -> options.flowControl(FlowControlOptions.builder()
                .maximumInflightPublishes(1).maximumPendingBytes(10).build()));
        MqttMessage inFlight = MqttMessage.of("bytes/0", new byte[1], AT_LEAST_ONCE);
        MqttMessage large = MqttMessage.of("bytes/1", new byte[25], AT_LEAST_ONCE);
        MqttMessage tooMuch = MqttMessage.of("bytes/2", new byte[1], AT_LEAST_ONCE);

        CompletableFuture<PublishResult> first = client.publish(inFlight).toFuture();
        int one = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
        CompletableFuture<PublishResult> waiting = client.publish(large).toFuture();
        CompletableFuture<PublishResult> refused = client.publish(tooMuch).toFuture();

        assertThat(refused).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(MqttBufferFullException.class).withMessageContaining("payload bytes");
        broker.send(pubAck(one));
        int two = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
        broker.send(pubAck(two));
        assertThat(first).succeedsWithin(WAIT);
        assertThat(waiting).succeedsWithin(WAIT);
        broker.assertNothingElseReceived();
    }

    @BothVersions
    @DisplayName("a PUBACK that never comes keeps the publish pending; a timeout on the Mono errors and only stops "
            + "the waiting, the slot frees on the late PUBACK [MQTT-4.3.2-3] (5.0)")
    void missingPubAckLeavesThePublishPending(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.connectedClient(options -> options.flowControl(FlowControlOptions.builder()
                .maximumInflightPublishes(1).build()));

        CompletableFuture<PublishResult> timedOut = client.publish(message("slow", AT_LEAST_ONCE))
                .timeout(Duration.ofMillis(200)).toFuture();
        int slow = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
        assertThat(timedOut).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(TimeoutException.class);

        CompletableFuture<PublishResult> next = client.publish(message("next", AT_LEAST_ONCE)).toFuture();
        broker.assertNothingElseReceived();
        broker.send(pubAck(slow));
        int nextId = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
        broker.send(pubAck(nextId));
        assertThat(next).succeedsWithin(WAIT);
    }
}
