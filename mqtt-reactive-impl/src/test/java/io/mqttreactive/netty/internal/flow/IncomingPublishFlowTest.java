package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isDisconnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubAck;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubComp;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRec;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.publish;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.Packets.publishWithAlias;
import static io.mqttreactive.netty.testing.scripted.Packets.pubRel;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PubRelReasonCode;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.scripted.PacketMatcher;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.FlowControlOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.subscriber.TestSubscriber;

/**
 * The receiving side of PUBLISH against a scripted broker: acknowledgement only after delivery downstream, in
 * arrival order, QoS 2 duplicates, manual acknowledgement, unsolicited messages, Receive Maximum and topic
 * aliases.
 */
class IncomingPublishFlowTest {

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

    /** Subscribes with no initial demand and lets the broker grant the SUBSCRIBE. */
    private TestSubscriber<MqttMessage> subscribeWithoutDemand(MqttClient client, String filter) {
        TestSubscriber<MqttMessage> subscriber = TestSubscriber.builder().initialRequest(0).build();
        client.subscribe(filter, EXACTLY_ONCE).subscribe(subscriber);
        grantSubscribe(filter);
        return subscriber;
    }

    private void grantSubscribe(String filter) {
        int packetId = broker.awaitReceived(isSubscribe(filter)).packetId();
        broker.send(subAck(packetId, 2));
        broker.barrier();
    }

    @BothVersions
    @DisplayName("QoS 1: no demand, no PUBACK; PUBACK once downstream took the message [MQTT-4.3.2-4] (5.0), "
            + "[MQTT-4.3.2-2] (3.1.1)")
    void pubAckOnlyAfterDelivery(MqttVersion version) {
        MqttClient client = connect(version);
        TestSubscriber<MqttMessage> subscriber = subscribeWithoutDemand(client, "in/#");

        broker.send(publish("in/a", "payload", AT_LEAST_ONCE, 7));
        broker.assertNothingElseReceived();
        assertThat(subscriber.getReceivedOnNext()).isEmpty();

        subscriber.request(1);
        broker.awaitReceived(isPubAck(7));
        assertThat(subscriber.getReceivedOnNext()).singleElement()
                .satisfies(message -> {
                    assertThat(message.topic()).hasToString("in/a");
                    assertThat(message.payloadAsString()).isEqualTo("payload");
                    assertThat(message.qos()).isEqualTo(AT_LEAST_ONCE);
                });
        subscriber.cancel();
    }

    @BothVersions
    @DisplayName("acknowledgements leave in arrival order even when a later message is consumed first by another "
            + "subscription [MQTT-4.6.0-2] [MQTT-4.6.0-3]")
    void acknowledgementsInArrivalOrder(MqttVersion version) {
        MqttClient client = connect(version);
        TestSubscriber<MqttMessage> slow = subscribeWithoutDemand(client, "slow/#");
        List<MqttMessage> fast = new CopyOnWriteArrayList<>();
        client.subscribe("fast/#", EXACTLY_ONCE).subscribe(fast::add);
        grantSubscribe("fast/#");

        broker.send(publish("slow/1", "first", AT_LEAST_ONCE, 1), publish("fast/2", "second", EXACTLY_ONCE, 2),
                publish("fast/3", "third", AT_LEAST_ONCE, 3));
        broker.assertNothingElseReceived();
        assertThat(fast).extracting(MqttMessage::payloadAsString).containsExactly("second", "third");

        slow.request(1);
        broker.awaitReceived(isPubAck(1));
        broker.awaitReceived(isPubRec(2));
        broker.awaitReceived(isPubAck(3));
        broker.assertNothingElseReceived();
        slow.cancel();
    }

    @BothVersions
    @DisplayName("a message matching two subscriptions is acknowledged once, after both took it")
    void overlappingSubscriptionsAcknowledgeOnceAfterBoth(MqttVersion version) {
        MqttClient client = connect(version);
        TestSubscriber<MqttMessage> wide = subscribeWithoutDemand(client, "both/#");
        TestSubscriber<MqttMessage> narrow = subscribeWithoutDemand(client, "both/+");

        broker.send(publish("both/x", "shared", AT_LEAST_ONCE, 4));
        wide.request(1);
        broker.assertNothingElseReceived();
        narrow.request(1);
        broker.awaitReceived(isPubAck(4));
        broker.assertNothingElseReceived();
        assertThat(wide.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("shared");
        assertThat(narrow.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("shared");
        wide.cancel();
        narrow.cancel();
    }

    @BothVersions
    @DisplayName("QoS 2: PUBREC after delivery, one for each PUBLISH received; a duplicate before PUBREL is not "
            + "delivered twice, PUBREL gets PUBCOMP, after PUBCOMP the id is new [MQTT-4.3.3-8] [MQTT-4.3.3-10] [MQTT-4.3.3-11] [MQTT-4.3.3-12] "
            + "(5.0), [MQTT-4.3.3-2] (3.1.1)")
    void qos2ExactlyOnce(MqttVersion version) {
        MqttClient client = connect(version);
        TestSubscriber<MqttMessage> subscriber = subscribeWithoutDemand(client, "once/#");
        PublishPacket original = publish("once/x", "exactly", EXACTLY_ONCE, 5);

        broker.send(original, original.asDuplicate());
        broker.assertNothingElseReceived();
        subscriber.request(10);
        broker.awaitReceived(isPubRec(5));
        broker.awaitReceived(isPubRec(5));
        broker.assertNothingElseReceived();

        broker.send(original.asDuplicate());
        broker.awaitReceived(isPubRec(5));
        broker.send(pubRel(5));
        assertThat(broker.awaitReceived(isPubComp(5)).reasonCode()).isZero();
        assertThat(subscriber.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("exactly");

        broker.send(publish("once/x", "new message", EXACTLY_ONCE, 5));
        broker.awaitReceived(isPubRec(5));
        assertThat(subscriber.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("exactly", "new message");
        broker.send(pubRel(5));
        broker.awaitReceived(isPubComp(5));
        subscriber.cancel();
    }

    @Test
    @DisplayName("PUBREL for an unknown packet id gets PUBCOMP with 0x92 [MQTT-4.3.3-11] (5.0)")
    void unknownPubRelGetsPacketIdentifierNotFound() {
        connect(MqttVersion.MQTT_5_0);

        broker.send(pubRel(77));

        assertThat(broker.awaitReceived(isPubComp(77)).reasonCode())
                .isEqualTo(PubRelReasonCode.PACKET_IDENTIFIER_NOT_FOUND.code());
    }

    @BothVersions
    @DisplayName("manual acknowledgement: PUBACK/PUBREC only after acknowledge(); acknowledging twice has no "
            + "further effect [MQTT-4.3.2-4] [MQTT-4.3.3-8] (5.0)")
    void manualAcknowledgement(MqttVersion version) {
        MqttClient client = connect(version);
        Sinks.Empty<Void> firstWork = Sinks.empty();
        Sinks.Empty<Void> secondWork = Sinks.empty();
        List<MqttMessage> processed = new CopyOnWriteArrayList<>();
        client.subscribeAcknowledged("work/#", EXACTLY_ONCE)
                .concatMap(message -> {
                    Mono<Void> work = message.message().payloadAsString().equals("first")
                            ? firstWork.asMono() : secondWork.asMono();
                    return work.then(message.acknowledge()).then(message.acknowledge())
                            .then(Mono.fromRunnable(() -> processed.add(message.message())));
                })
                .subscribe();
        grantSubscribe("work/#");

        broker.send(publish("work/1", "first", AT_LEAST_ONCE, 1), publish("work/2", "second", EXACTLY_ONCE, 2));
        broker.assertNothingElseReceived();

        firstWork.tryEmitEmpty();
        broker.awaitReceived(isPubAck(1));
        broker.assertNothingElseReceived();

        secondWork.tryEmitEmpty();
        broker.awaitReceived(isPubRec(2));
        broker.assertNothingElseReceived();
        assertThat(processed).extracting(MqttMessage::payloadAsString).containsExactly("first", "second");
    }

    @BothVersions
    @DisplayName("a message matching no subscription appears on unsolicitedMessages() and is acknowledged "
            + "[MQTT-4.5.0-2]")
    void unsolicitedMessagesAreDeliveredAndAcknowledged(MqttVersion version) {
        MqttClient client = connect(version);
        TestSubscriber<MqttMessage> unsolicited = TestSubscriber.builder().initialRequest(0).build();
        client.unsolicitedMessages().subscribe(unsolicited);
        broker.barrier();

        broker.send(publish("nobody/x", "stray", AT_LEAST_ONCE, 3));
        broker.assertNothingElseReceived();
        unsolicited.request(1);
        broker.awaitReceived(isPubAck(3));
        assertThat(unsolicited.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("stray");
        unsolicited.cancel();
    }

    @BothVersions
    @DisplayName("with no unsolicited subscriber a stray message is still acknowledged, and reported as dropped "
            + "[MQTT-4.5.0-2]")
    void unsolicitedMessagesWithoutSubscriberAreAcknowledgedAndCounted(MqttVersion version) {
        MqttClient client = connect(version);
        List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
        client.events().subscribe(events::add);

        broker.send(publish("nobody/1", "a", AT_LEAST_ONCE, 1), publish("nobody/2", "b", EXACTLY_ONCE, 2),
                publish("nobody/3", "c", AT_MOST_ONCE, 0));
        broker.awaitReceived(isPubAck(1));
        broker.awaitReceived(isPubRec(2));
        broker.assertNothingElseReceived();

        assertThat(events).filteredOn(MqttClientEvent.MessageDropped.class::isInstance)
                .map(MqttClientEvent.MessageDropped.class::cast)
                .satisfiesExactly(
                        first -> assertDropped(first, "nobody/1", 1),
                        second -> assertDropped(second, "nobody/2", 2),
                        third -> assertDropped(third, "nobody/3", 3));
    }

    private static void assertDropped(MqttClientEvent.MessageDropped event, String topic, long total) {
        assertThat(event.subscription()).isEmpty();
        assertThat(event.topic()).hasToString(topic);
        assertThat(event.totalDropped()).isEqualTo(total);
    }

    @Test
    @DisplayName("a broker overshooting our Receive Maximum is told in an event; once it sent a whole Receive "
            + "Maximum more, reading stops until acknowledgements, still in order, make room again (5.0 sections "
            + "3.3.4 and 4.9) [MQTT-4.6.0-2]")
    void receiveMaximumExceededPausesReading() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.newClient(options -> options.flowControl(
                FlowControlOptions.builder().receiveMaximum(2).build()));
        broker.expect(isConnect()).answer(Packets.connAck());
        client.connect().block(WAIT);
        ConnectPacket connect = (ConnectPacket) broker.received().get(0);
        assertThat(connect.receiveMaximum()).isEqualTo(2);
        TestSubscriber<MqttMessage> flood = subscribeWithoutDemand(client, "flood/#");
        CompletableFuture<MqttMessage> other = new CompletableFuture<>();
        client.subscribe("other/#", AT_MOST_ONCE).subscribe(other::complete);
        grantSubscribe("other/#");
        CompletableFuture<MqttClientEvent.ReceiveMaximumExceeded> overshoot = client.events()
                .ofType(MqttClientEvent.ReceiveMaximumExceeded.class).next().toFuture();

        broker.send(publish("flood/1", "1", AT_LEAST_ONCE, 1), publish("flood/0", "q0", AT_MOST_ONCE, 0),
                publish("flood/2", "2", EXACTLY_ONCE, 2), publish("flood/3", "3", AT_LEAST_ONCE, 3));
        assertThat(overshoot).succeedsWithin(WAIT).isEqualTo(new MqttClientEvent.ReceiveMaximumExceeded(2, 3, 1));
        CompletableFuture<MqttMessage> readOn = new CompletableFuture<>();
        client.subscribe("still/#", AT_MOST_ONCE).subscribe(readOn::complete);
        grantSubscribe("still/#");
        broker.send(publish("still/x", "one over: still reading", AT_MOST_ONCE, 0));
        assertThat(readOn).succeedsWithin(WAIT);

        broker.send(publish("flood/4", "4", AT_LEAST_ONCE, 4), publish("flood/5", "5", AT_LEAST_ONCE, 5));
        broker.send(publish("other/x", "while paused", AT_MOST_ONCE, 0));
        broker.assertNothingReceivedWithin(Duration.ofMillis(200));
        assertThat(other).as("reading stopped").isNotDone();

        flood.request(6);

        broker.awaitReceived(isPubAck(1));
        broker.awaitReceived(isPubRec(2));
        broker.awaitReceived(isPubAck(3));
        broker.awaitReceived(isPubAck(4));
        broker.awaitReceived(isPubAck(5));
        assertThat(other).succeedsWithin(WAIT).extracting(MqttMessage::payloadAsString).isEqualTo("while paused");
        assertThat(flood.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("1", "q0", "2", "3", "4", "5");
        assertThat(broker.received(MqttPacketType.DISCONNECT)).isEmpty();
    }

    @Test
    @DisplayName("a pipeline that acknowledges each message once its own publish is acknowledged goes on when the "
            + "broker sends one message over our Receive Maximum, as mosquitto 2.0.11 does: reading, and with it "
            + "the PUBACKs of the pipeline's publishes, does not stop (5.0)")
    void aBrokerOneOverTheWindowDoesNotStopAPipeline() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.newClient(options -> options.flowControl(
                FlowControlOptions.builder().receiveMaximum(4).build()));
        broker.expect(isConnect()).answer(Packets.connAck());
        client.connect().block(WAIT);
        broker.whenever(PacketMatcher.isPublish(AT_LEAST_ONCE)).answer(forwarded -> pubAck(forwarded.packetId()));
        CompletableFuture<List<String>> forwarded = client.subscribeAcknowledged("in/#", AT_LEAST_ONCE)
                .concatMap(received -> client.publish(MqttMessage.of("out/" + received.message().payloadAsString(),
                                new byte[0], AT_LEAST_ONCE))
                        .flatMap(result -> received.acknowledge().thenReturn(result.message().topic().toString())))
                .take(5).collectList().toFuture();
        grantSubscribe("in/#");

        broker.send(IntStream.rangeClosed(1, 5).mapToObj(i -> publish("in/" + i, Integer.toString(i), AT_LEAST_ONCE, i))
                .toArray(PublishPacket[]::new));

        assertThat(forwarded).succeedsWithin(WAIT).asList()
                .containsExactly("out/1", "out/2", "out/3", "out/4", "out/5");
        IntStream.rangeClosed(1, 5).forEach(i -> broker.awaitReceived(isPubAck(i)));
    }

    @Test
    @DisplayName("3.1.1 has no Receive Maximum to advertise, but the client's bound still holds: once it holds that "
            + "many unacknowledged QoS 1 and 2 messages it stops reading, so TCP makes the broker wait, and "
            + "reads on once acknowledgements make room [MQTT-4.6.0-2] (3.1.1)")
    void receiveMaximumBoundsUnacknowledgedMessagesUnder311() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_3_1_1);
        MqttClient client = broker.newClient(options -> options.flowControl(
                FlowControlOptions.builder().receiveMaximum(2).build()));
        broker.expect(isConnect()).answer(Packets.connAck());
        client.connect().block(WAIT);
        TestSubscriber<MqttMessage> flood = subscribeWithoutDemand(client, "flood/#");
        CompletableFuture<MqttMessage> other = new CompletableFuture<>();
        client.subscribe("other/#", AT_MOST_ONCE).subscribe(other::complete);
        grantSubscribe("other/#");
        List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
        client.events().subscribe(events::add);

        broker.send(publish("flood/1", "1", AT_LEAST_ONCE, 1), publish("flood/2", "2", EXACTLY_ONCE, 2),
                publish("flood/3", "3", AT_LEAST_ONCE, 3));
        broker.send(publish("other/x", "while paused", AT_MOST_ONCE, 0));
        broker.assertNothingReceivedWithin(Duration.ofMillis(200));
        assertThat(other).as("reading stopped").isNotDone();

        flood.request(3);

        broker.awaitReceived(isPubAck(1));
        broker.awaitReceived(isPubRec(2));
        broker.awaitReceived(isPubAck(3));
        assertThat(other).succeedsWithin(WAIT).extracting(MqttMessage::payloadAsString).isEqualTo("while paused");
        assertThat(events).noneMatch(MqttClientEvent.ReceiveMaximumExceeded.class::isInstance);
    }

    @Test
    @DisplayName("the payload bytes of unacknowledged QoS 1 and 2 messages are bounded too: once those on their way "
            + "downstream reach receiveMaximumBytes the client stops reading, and reads on once delivery brings "
            + "them under it")
    void heldPayloadBytesAreBounded() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.newClient(options -> options.flowControl(
                FlowControlOptions.builder().receiveMaximumBytes(1_000).build()));
        broker.expect(isConnect()).answer(Packets.connAck());
        client.connect().block(WAIT);
        TestSubscriber<MqttMessage> flood = subscribeWithoutDemand(client, "flood/#");
        CompletableFuture<MqttMessage> other = new CompletableFuture<>();
        client.subscribe("other/#", AT_MOST_ONCE).subscribe(other::complete);
        grantSubscribe("other/#");
        String large = "x".repeat(600);

        broker.send(publish("flood/1", large, AT_LEAST_ONCE, 1), publish("flood/2", large, AT_LEAST_ONCE, 2));
        broker.send(publish("other/x", "while paused", AT_MOST_ONCE, 0));
        broker.assertNothingReceivedWithin(Duration.ofMillis(200));
        assertThat(other).as("reading stopped with 1,200 of 1,000 bytes held").isNotDone();

        flood.request(1);
        broker.awaitReceived(isPubAck(1));
        assertThat(other).as("reading resumed with 600 of 1,000 bytes held").succeedsWithin(WAIT)
                .extracting(MqttMessage::payloadAsString).isEqualTo("while paused");
        flood.request(1);
        broker.awaitReceived(isPubAck(2));
    }

    @Test
    @DisplayName("QoS 2 ids awaiting PUBREL fill the Receive Maximum without stopping reading, so an "
            + "overshooting broker's PUBRELs still free them and get their PUBCOMP [MQTT-4.3.3-11] (5.0)")
    void idsAwaitingReleaseDoNotStopReading() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.newClient(options -> options.flowControl(
                FlowControlOptions.builder().receiveMaximum(2).build()));
        broker.expect(isConnect()).answer(Packets.connAck());
        client.connect().block(WAIT);
        List<MqttMessage> received = new CopyOnWriteArrayList<>();
        client.subscribe("exact/#", EXACTLY_ONCE).subscribe(received::add);
        grantSubscribe("exact/#");
        List<MqttClientEvent.ReceiveMaximumExceeded> overshoots = new CopyOnWriteArrayList<>();
        client.events().ofType(MqttClientEvent.ReceiveMaximumExceeded.class).subscribe(overshoots::add);

        broker.send(publish("exact/1", "1", EXACTLY_ONCE, 1), publish("exact/2", "2", EXACTLY_ONCE, 2));
        broker.awaitReceived(isPubRec(1));
        broker.awaitReceived(isPubRec(2));
        broker.send(publish("exact/3", "3", EXACTLY_ONCE, 3));
        broker.awaitReceived(isPubRec(3));
        broker.send(pubRel(1), pubRel(2), pubRel(3));

        broker.awaitReceived(isPubComp(1));
        broker.awaitReceived(isPubComp(2));
        broker.awaitReceived(isPubComp(3));
        assertThat(received).extracting(MqttMessage::payloadAsString).containsExactly("1", "2", "3");
        assertThat(overshoots).as("the third id is one over the window: told, and reading went on")
                .containsExactly(new MqttClientEvent.ReceiveMaximumExceeded(2, 3, 1));
        assertThat(broker.received(MqttPacketType.DISCONNECT)).isEmpty();
    }

    @Test
    @DisplayName("topic aliases from the broker are resolved for later messages of the connection "
            + "[MQTT-3.3.2-10] (5.0)")
    void topicAliasesAreResolved() {
        MqttClient client = connect(MqttVersion.MQTT_5_0);
        List<MqttMessage> received = new CopyOnWriteArrayList<>();
        client.subscribe("alias/#", AT_LEAST_ONCE).subscribe(received::add);
        grantSubscribe("alias/#");

        broker.send(publishWithAlias("alias/first", 3, "set", AT_MOST_ONCE, 0),
                publishWithAlias("", 3, "used", AT_LEAST_ONCE, 1),
                publishWithAlias("alias/second", 3, "replaced", AT_MOST_ONCE, 0),
                publishWithAlias("", 3, "used again", AT_MOST_ONCE, 0),
                publishWithAlias("alias/plain", 0, "no alias", AT_MOST_ONCE, 0));
        broker.awaitReceived(isPubAck(1));
        broker.assertNothingElseReceived();

        assertThat(received).extracting(message -> message.topic() + "=" + message.payloadAsString())
                .containsExactly("alias/first=set", "alias/first=used", "alias/second=replaced",
                        "alias/second=used again", "alias/plain=no alias");
    }

    @Test
    @DisplayName("an unknown topic alias is a protocol error: DISCONNECT 0x82 and a typed error (5.0 section "
            + "3.3.2.3.4)")
    void unknownTopicAliasIsAProtocolError() {
        assertAliasRejected(publishWithAlias("", 5, "who?", AT_MOST_ONCE, 0), DisconnectReasonCode.PROTOCOL_ERROR);
    }

    @Test
    @DisplayName("a topic alias above our Topic Alias Maximum gets DISCONNECT 0x94 and a typed error "
            + "(5.0 section 3.3.2.3.4)")
    void topicAliasAboveMaximumIsInvalid() {
        assertAliasRejected(publishWithAlias("alias/x", FlowControlOptions.DEFAULT_TOPIC_ALIAS_MAXIMUM + 1, "big",
                AT_MOST_ONCE, 0), DisconnectReasonCode.TOPIC_ALIAS_INVALID);
    }

    private void assertAliasRejected(PublishPacket publish, DisconnectReasonCode expected) {
        MqttClient client = connect(MqttVersion.MQTT_5_0);
        TestSubscriber<MqttMessage> subscriber = subscribeWithoutDemand(client, "alias/#");

        broker.send(publish);

        broker.awaitReceived(isDisconnect(expected.code()));
        broker.awaitConnectionClosed();
        subscriber.block(WAIT);
        assertThat(subscriber.expectTerminalError()).isInstanceOfSatisfying(MqttProtocolException.class,
                error -> assertThat(error.disconnectReasonCode()).isEqualTo(expected));
        assertThat(subscriber.getReceivedOnNext()).isEmpty();
    }

    @BothVersions
    @DisplayName("a QoS 1 subscriber with demand gets messages at once; every message is acknowledged in order "
            + "[MQTT-4.6.0-2]")
    void messagesFlowWithDemand(MqttVersion version) {
        MqttClient client = connect(version);
        List<String> payloads = new CopyOnWriteArrayList<>();
        client.subscribe("many/#", AT_LEAST_ONCE).map(MqttMessage::payloadAsString).subscribe(payloads::add);
        grantSubscribe("many/#");

        broker.send(IntStream.rangeClosed(1, 20).mapToObj(i -> publish("many/" + i, "m" + i, AT_LEAST_ONCE, i))
                .toArray(PublishPacket[]::new));
        for (int i = 1; i <= 20; i++) {
            broker.awaitReceived(isPubAck(i));
        }
        assertThat(payloads).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(i -> "m" + i).toList());
    }
}
