package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.connAckWith;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.test.subscriber.TestSubscriber;

/**
 * Without a Subscription Identifier of its own, each SUBSCRIBE gets one the client chooses where the MQTT 5.0
 * broker takes them, so that a broker sending one copy of a message per overlapping subscription
 * ([MQTT-3.3.4-3], [MQTT-3.3.4-5] (5.0)) reaches each subscriber once. Never where the broker has Subscription
 * Identifiers Available 0, under MQTT 3.1.1, or when turned off.
 */
class AutomaticSubscriptionIdentifierFlowTest {

    private ScriptedBroker broker;

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private MqttClient connect(MqttVersion version, UnaryOperator<MqttClientOptions.Builder> options,
            ConnAckPacket connAck) {
        broker = ScriptedBroker.start(version);
        return broker.connectedClient(options, connAck);
    }

    /** Subscribes to one filter and answers its SUBSCRIBE; returns the packet the broker saw. */
    private SubscribePacket subscribe(MqttClient client, SubscribeRequest request, TestSubscriber<MqttMessage> into) {
        client.subscribe(request).subscribe(into);
        SubscribePacket subscribe = broker.awaitReceived(isSubscribe(request.subscriptions().get(0).filter().toString()));
        broker.send(subAck(subscribe.packetId(), 0));
        return subscribe;
    }

    private SubscribePacket subscribe(MqttClient client, String filter, TestSubscriber<MqttMessage> into) {
        return subscribe(client, SubscribeRequest.of(Subscription.of(filter, AT_MOST_ONCE)), into);
    }

    private static PublishPacket copy(String topic, String payload, int subscriptionIdentifier) {
        return new PublishPacket(topic, payload.getBytes(StandardCharsets.UTF_8), AT_MOST_ONCE, false, false, 0,
                PublishPacket.NO_MESSAGE_EXPIRY, false, null, null, null, List.of(), 0,
                List.of(subscriptionIdentifier));
    }

    @Test
    @DisplayName("overlapping subscriptions get identifiers of their own, and a copy per subscription reaches only "
            + "its subscriber [MQTT-3.3.4-3] [MQTT-3.3.4-5] (5.0)")
    void overlappingSubscriptionsEachGetTheirCopy() {
        MqttClient client = connect(MqttVersion.MQTT_5_0, options -> options, connAck());
        TestSubscriber<MqttMessage> everything = TestSubscriber.create();
        TestSubscriber<MqttMessage> onlyX = TestSubscriber.create();
        int everythingId = subscribe(client, "a/#", everything).subscriptionIdentifier();
        int onlyXId = subscribe(client, "a/+/x", onlyX).subscriptionIdentifier();
        assertThat(everythingId).isBetween(1, 268_435_455);
        assertThat(onlyXId).isBetween(1, 268_435_455).isNotEqualTo(everythingId);

        broker.send(copy("a/1/x", "for a/#", everythingId), copy("a/1/x", "for a/+/x", onlyXId),
                copy("a/2/y", "only a/#", everythingId));
        broker.barrier();

        assertThat(everything.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("for a/#", "only a/#");
        assertThat(onlyX.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("for a/+/x");
        everything.cancel();
        onlyX.cancel();
    }

    @Test
    @DisplayName("a request's own Subscription Identifier is sent as given, and no automatic one takes it")
    void theRequestsOwnIdentifierIsKept() {
        MqttClient client = connect(MqttVersion.MQTT_5_0, options -> options, connAck());
        TestSubscriber<MqttMessage> own = TestSubscriber.create();
        TestSubscriber<MqttMessage> automatic = TestSubscriber.create();

        SubscribePacket ownSubscribe = subscribe(client, SubscribeRequest.of(Subscription.of("own/#", AT_MOST_ONCE))
                .withSubscriptionIdentifier(268_435_454), own);
        SubscribePacket automaticSubscribe = subscribe(client, "auto/#", automatic);

        assertThat(ownSubscribe.subscriptionIdentifier()).isEqualTo(268_435_454);
        assertThat(automaticSubscribe.subscriptionIdentifier()).isEqualTo(268_435_455);
        assertThat(subscribe(client, "auto2/#", TestSubscriber.create()).subscriptionIdentifier())
                .as("counts down past the one in use").isEqualTo(268_435_453);
    }

    @Test
    @DisplayName("no automatic identifier where the broker has Subscription Identifiers Available 0 (5.0)")
    void noneWhereTheBrokerTakesNone() {
        MqttClient client = connect(MqttVersion.MQTT_5_0, options -> options,
                connAckWith().subscriptionIdentifiersAvailable(false).build());
        assertThat(subscribe(client, "a/#", TestSubscriber.create()).subscriptionIdentifier()).isZero();
    }

    @Test
    @DisplayName("no automatic identifier when turned off")
    void noneWhenTurnedOff() {
        MqttClient client = connect(MqttVersion.MQTT_5_0,
                options -> options.automaticSubscriptionIdentifiers(false), connAck());
        assertThat(subscribe(client, "a/#", TestSubscriber.create()).subscriptionIdentifier()).isZero();
    }

    @Test
    @DisplayName("no identifier under MQTT 3.1.1, which has none")
    void noneUnderMqtt311() {
        MqttClient client = connect(MqttVersion.MQTT_3_1_1, options -> options, connAck());
        assertThat(subscribe(client, "a/#", TestSubscriber.create()).subscriptionIdentifier()).isZero();
    }
}
