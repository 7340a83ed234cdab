package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRel;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.Packets.pubComp;
import static io.mqttreactive.netty.testing.scripted.Packets.pubRec;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttPacketTooLargeException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Outgoing topic aliases (MQTT 5.0 section 3.3.2.3.4), checked packet by packet as the scripted broker decodes
 * them: "t#1" is a PUBLISH with topic name "t" and Topic Alias 1, "#1" one with an empty topic name and Topic
 * Alias 1, "t" one with its topic name and no alias.
 */
class TopicAliasFlowTest {

    private static final Duration QUICK = Duration.ofMillis(10);

    private final GatedSessionStore store = new GatedSessionStore();
    private ScriptedBroker broker;
    private MqttClient client;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private void connect(MqttVersion version, ConnAckPacket connAck, UnaryOperator<FlowControlOptions.Builder> flow) {
        broker = ScriptedBroker.start(version);
        broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));
        client = broker.connectedClient(options -> options
                .flowControl(flow.apply(FlowControlOptions.builder()).build())
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(QUICK))), connAck);
    }

    private void connect(int brokerTopicAliasMaximum) {
        connect(MqttVersion.MQTT_5_0, aliasMaximum(brokerTopicAliasMaximum), UnaryOperator.identity());
    }

    private static ConnAckPacket aliasMaximum(int topicAliasMaximum) {
        return Packets.connAckWith().topicAliasMaximum(topicAliasMaximum).build();
    }

    private static MqttMessage message(String topic, MqttQos qos) {
        return MqttMessage.of(topic, ("to " + topic).getBytes(StandardCharsets.UTF_8), qos);
    }

    private static MqttMessage message(String topic, MqttQos qos, int payloadBytes) {
        return MqttMessage.of(topic, new byte[payloadBytes], qos);
    }

    /** Publishes QoS 1 messages to the topics, one after another, each acknowledged before the next. */
    private void publishInTurn(String... topics) {
        for (String topic : topics) {
            client.publish(message(topic, AT_LEAST_ONCE)).block(WAIT);
        }
    }

    private static String wire(PublishPacket publish) {
        return publish.topic() + (publish.topicAlias() != 0 ? "#" + publish.topicAlias() : "");
    }

    private List<String> sentPublishes() {
        return broker.received(MqttPacketType.PUBLISH).stream().map(packet -> wire((PublishPacket) packet)).toList();
    }

    @Test
    @DisplayName("the first PUBLISH on a topic carries the topic name and a new alias, later ones an empty topic name "
            + "and the alias, at every QoS; no alias is 0 [MQTT-3.3.2-8] (5.0)")
    void firstPublishSetsTheAliasUpLaterOnesUseItAlone() {
        connect(4);

        client.publish(message("sensors/a", AT_MOST_ONCE)).block(WAIT);
        broker.awaitReceived(isPublish(AT_MOST_ONCE));
        client.publish(message("sensors/a", AT_LEAST_ONCE)).block(WAIT);
        CompletableFuture<PublishResult> exactlyOnce = client.publish(message("sensors/a", EXACTLY_ONCE)).toFuture();
        int packetId = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
        broker.send(pubRec(packetId));
        broker.awaitReceived(isPubRel(packetId));
        broker.send(pubComp(packetId));
        client.publish(message("sensors/b", AT_MOST_ONCE)).block(WAIT);

        assertThat(exactlyOnce).succeedsWithin(WAIT)
                .satisfies(result -> assertThat(result.message().topic().value()).isEqualTo("sensors/a"));
        broker.awaitReceivedCount(MqttPacketType.PUBLISH, 4);
        assertThat(sentPublishes()).containsExactly("sensors/a#1", "#1", "#1", "sensors/b#2");
        assertThat(broker.received(MqttPacketType.PUBLISH)).map(packet -> ((PublishPacket) packet).payload())
                .map(payload -> new String(payload, StandardCharsets.UTF_8))
                .containsExactly("to sensors/a", "to sensors/a", "to sensors/a", "to sensors/b");
    }

    @Test
    @DisplayName("a broker whose CONNACK has no Topic Alias Maximum (absent is 0) gets no topic alias "
            + "[MQTT-3.2.2-18] (5.0)")
    void noAliasWithoutTheBrokersTopicAliasMaximum() {
        connect(0);

        publishInTurn("a", "a", "b", "a");

        assertThat(sentPublishes()).containsExactly("a", "a", "b", "a");
    }

    @Test
    @DisplayName("never an alias above the broker's Topic Alias Maximum, however many topics [MQTT-3.2.2-17] "
            + "[MQTT-3.3.2-9] (5.0)")
    void neverAboveTheBrokersMaximum() {
        connect(2);

        publishInTurn("t/1", "t/2", "t/3", "t/4", "t/5", "t/1", "t/2", "t/3", "t/4", "t/5", "t/5");

        assertThat(broker.received(MqttPacketType.PUBLISH)).map(packet -> ((PublishPacket) packet).topicAlias())
                .hasSize(11).allSatisfy(alias -> assertThat(alias).isBetween(1, 2));
        assertThat(sentPublishes()).containsExactly("t/1#1", "t/2#2", "t/3#1", "t/4#2", "t/5#1", "t/1#2", "t/2#1",
                "t/3#2", "t/4#1", "t/5#2", "#2");
    }

    @Test
    @DisplayName("the client's own outgoingTopicAliasMaximum caps the broker's [MQTT-3.2.2-17] (5.0), and 0 turns "
            + "outgoing aliases off whatever the broker allows")
    void clientMaximumCapsAndDisables() {
        connect(MqttVersion.MQTT_5_0, aliasMaximum(100), flow -> flow.outgoingTopicAliasMaximum(1));
        publishInTurn("a", "b", "b", "a");
        assertThat(sentPublishes()).containsExactly("a#1", "b#1", "#1", "a#1");
        broker.close();

        connect(MqttVersion.MQTT_5_0, aliasMaximum(100), flow -> flow.outgoingTopicAliasMaximum(0));
        publishInTurn("a", "a");
        assertThat(sentPublishes()).containsExactly("a", "a");
    }

    @Test
    @DisplayName("with every alias taken, the least recently used one is given to the new topic, which comes with "
            + "its name; a topic that lost its alias sets one up again")
    void leastRecentlyUsedAliasIsReassigned() {
        connect(2);

        publishInTurn("a", "b", "a", "c", "c", "b", "a", "c");

        assertThat(sentPublishes()).containsExactly("a#1", "b#2", "#1", "c#2", "#2", "b#1", "a#2", "c#1");
    }

    @Test
    @DisplayName("a new network connection starts without aliases: the first PUBLISH on a topic after a reconnect "
            + "carries its name again [MQTT-3.3.2-7] (5.0)")
    void aliasesResetOnEveryNewConnection() {
        connect(4);
        publishInTurn("a", "b", "a");

        broker.closeConnection();
        broker.awaitReceived(isConnect());
        broker.send(aliasMaximum(4));
        publishInTurn("b", "a", "a");

        assertThat(sentPublishes()).containsExactly("a#1", "b#2", "#1", "b#1", "a#2", "#2");
    }

    @Test
    @DisplayName("a PUBLISH re-sent with DUP on a resumed session carries its topic name and no alias, though it "
            + "went alias-only before; the stored message keeps the topic, and new publishes set aliases up again "
            + "[MQTT-3.3.1-1] [MQTT-4.4.0-1] [MQTT-3.3.2-7] (5.0)")
    void dupResendCarriesTheTopicName() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        client = broker.connectedClient(options -> options
                .session(new SessionOptions(false, Duration.ofMinutes(5), Optional.of(store)))
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(QUICK))), aliasMaximum(4));
        CompletableFuture<PublishResult> first = client.publish(message("long/topic", AT_LEAST_ONCE)).toFuture();
        broker.send(pubAck(broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId()));
        assertThat(first).succeedsWithin(WAIT);
        CompletableFuture<PublishResult> unacknowledged = client.publish(message("long/topic", AT_LEAST_ONCE))
                .toFuture();
        PublishPacket aliasOnly = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        assertThat(wire(aliasOnly)).isEqualTo("#1");
        assertThat(store.outbound("scripted-client")).singleElement()
                .satisfies(stored -> assertThat(stored.message().topic().value()).isEqualTo("long/topic"));

        broker.closeConnection();
        assertThat(broker.awaitReceived(isConnect()).cleanStart()).isFalse();
        broker.send(Packets.connAckWith().sessionPresent(true).topicAliasMaximum(4).build());

        PublishPacket resent = broker.awaitReceived(isPublish(AT_LEAST_ONCE, aliasOnly.packetId()));
        assertThat(resent.dup()).isTrue();
        assertThat(wire(resent)).isEqualTo("long/topic");
        broker.send(pubAck(resent.packetId()));
        assertThat(unacknowledged).succeedsWithin(WAIT)
                .satisfies(result -> assertThat(result.message().topic().value()).isEqualTo("long/topic"));

        CompletableFuture<PublishResult> next = client.publish(message("long/topic", AT_LEAST_ONCE)).toFuture();
        PublishPacket afterResume = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        assertThat(afterResume.dup()).isFalse();
        assertThat(wire(afterResume)).isEqualTo("long/topic#1");
        broker.send(pubAck(afterResume.packetId()));
        assertThat(next).succeedsWithin(WAIT);
    }

    @Test
    @DisplayName("a message built with topicAliasAllowed(false) goes with its topic name and no alias, and leaves "
            + "the aliases of other messages as they were")
    void perMessageOptOut() {
        connect(1);

        client.publish(message("a", AT_LEAST_ONCE)).block(WAIT);
        client.publish(message("a", AT_LEAST_ONCE).mutate().topicAliasAllowed(false).build()).block(WAIT);
        client.publish(message("b", AT_MOST_ONCE).mutate().topicAliasAllowed(false).build()).block(WAIT);
        client.publish(message("a", AT_LEAST_ONCE)).block(WAIT);

        broker.awaitReceivedCount(MqttPacketType.PUBLISH, 4);
        assertThat(sentPublishes()).containsExactly("a#1", "a", "b", "#1");
    }

    @Test
    @DisplayName("the broker's Maximum Packet Size is checked on the packet as written [MQTT-3.2.2-15] (5.0): one "
            + "that fits only without its alias goes without, the alias staying unused; one that fits alias-only "
            + "goes alias-only; one too large either way fails with MqttPacketTooLargeException and changes no alias")
    void maximumPacketSizeIsCheckedOnThePacketAsWritten() {
        // topic "size/t": PUBLISH QoS 0 = 1 + 1 (remaining length) + 2 + 6 (topic) + 1 (property length)
        // + 3 (Topic Alias, when present) + payload; the broker takes at most 21 bytes
        connect(MqttVersion.MQTT_5_0, Packets.connAckWith().topicAliasMaximum(4).maximumPacketSize(21).build(),
                UnaryOperator.identity());

        client.publish(message("size/t", AT_MOST_ONCE, 10)).block(WAIT);
        client.publish(message("size/t", AT_MOST_ONCE, 2)).block(WAIT);
        client.publish(message("size/t", AT_MOST_ONCE, 10)).block(WAIT);
        CompletableFuture<PublishResult> tooLarge = client.publish(message("size/t", AT_MOST_ONCE, 20)).toFuture();
        assertThat(tooLarge).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOfSatisfying(MqttPacketTooLargeException.class, error -> {
                    assertThat(error.maximumPacketSize()).isEqualTo(21);
                    assertThat(error.packetSize()).isEqualTo(31);
                });
        client.publish(message("size/t", AT_MOST_ONCE, 1)).block(WAIT);

        broker.awaitReceivedCount(MqttPacketType.PUBLISH, 4);
        assertThat(sentPublishes()).containsExactly("size/t", "size/t#1", "#1", "#1");
        assertThat(broker.received(MqttPacketType.PUBLISH)).map(packet -> ((PublishPacket) packet).payload().length)
                .containsExactly(10, 2, 10, 1);
    }

    @Test
    @DisplayName("MQTT 3.1.1 has no topic aliases: every PUBLISH carries its topic name")
    void mqtt311IsUntouched() {
        connect(MqttVersion.MQTT_3_1_1, Packets.connAck(), UnaryOperator.identity());

        publishInTurn("a", "a", "b", "a");

        assertThat(sentPublishes()).containsExactly("a", "a", "b", "a");
    }
}
