package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isDisconnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isUnsubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.publish;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.exception.MqttPacketTooLargeException;
import io.mqttreactive.exception.MqttSubscribeException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.RetainHandling;
import io.mqttreactive.message.SubscribeReasonCode;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.message.SubscriptionOptions;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.subscriber.TestSubscriber;

/**
 * Subscriptions the broker cannot take, as its CONNACK describes it, or the protocol version cannot carry: the
 * client refuses each one alone, before any I/O, whether it was made while connected or before connect(), and
 * stays connected; other subscriptions go on.
 */
class SubscribeRefusalFlowTest {

    /** A broker Maximum Packet Size that a SUBSCRIBE of one filter up to 56 characters fits (5.0). */
    private static final int MAXIMUM_PACKET_SIZE = 64;
    private static final String TOO_LONG_FILTER = "long/" + "x".repeat(75);

    private ScriptedBroker broker;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private MqttClient newClient(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        return broker.newClient(options -> options.reconnect(ReconnectOptions.DEFAULT
                .withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))));
    }

    private void connect(MqttClient client, ConnAckPacket connAck) {
        broker.expect(isConnect()).answer(connAck);
        client.connect().block(WAIT);
    }

    private static TestSubscriber<MqttMessage> subscribe(MqttClient client, SubscribeRequest request) {
        TestSubscriber<MqttMessage> subscriber = TestSubscriber.create();
        client.subscribe(request).subscribe(subscriber);
        return subscriber;
    }

    /** Asserts that a subscription still works: SUBSCRIBE, SUBACK, a message. */
    private void assertStillSubscribes(MqttClient client) {
        TestSubscriber<MqttMessage> fine = subscribe(client,
                SubscribeRequest.of(Subscription.of("ok/1", AT_MOST_ONCE)));
        broker.send(subAck(broker.awaitReceived(isSubscribe("ok/1")).packetId(), 0),
                publish("ok/1", "still working", AT_MOST_ONCE, 0));
        broker.barrier();
        assertThat(fine.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("still working");
        fine.cancel();
    }

    private void assertStillConnected(MqttClient client) {
        broker.assertNothingElseReceived();
        assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(broker.received(MqttPacketType.CONNECT)).hasSize(1);
        assertThat(broker.received(MqttPacketType.SUBSCRIBE)).isEmpty();
    }

    private static void assertTooLarge(TestSubscriber<MqttMessage> subscriber) {
        subscriber.block(WAIT);
        assertThat(subscriber.expectTerminalError()).isInstanceOfSatisfying(MqttSubscribeException.class, error -> {
            assertThat(error).hasMessageContaining("MQTT-3.2.2-15");
            assertThat(error.result()).isEmpty();
            assertThat(error.getCause()).isInstanceOfSatisfying(MqttPacketTooLargeException.class,
                    cause -> assertThat(cause.maximumPacketSize()).isEqualTo(MAXIMUM_PACKET_SIZE));
        });
    }

    private static ConnAckPacket smallMaximumPacketSize() {
        return Packets.connAckWith().maximumPacketSize(MAXIMUM_PACKET_SIZE).build();
    }

    @Test
    @DisplayName("a SUBSCRIBE larger than the broker's Maximum Packet Size fails its subscription with "
            + "MqttSubscribeException caused by MqttPacketTooLargeException, before any I/O; the client stays "
            + "connected [MQTT-3.2.2-15] (5.0)")
    void tooLargeWhileConnected() {
        MqttClient client = newClient(MqttVersion.MQTT_5_0);
        connect(client, smallMaximumPacketSize());

        TestSubscriber<MqttMessage> refused = subscribe(client,
                SubscribeRequest.of(Subscription.of(TOO_LONG_FILTER, AT_LEAST_ONCE)));

        assertTooLarge(refused);
        assertStillConnected(client);
        assertStillSubscribes(client);
    }

    @Test
    @DisplayName("a too large SUBSCRIBE made before connect() fails alone once the CONNACK tells the limit; "
            + "connect() completes, the other subscription goes out, one connection only [MQTT-3.2.2-15] (5.0)")
    void tooLargeBeforeConnect() {
        MqttClient client = newClient(MqttVersion.MQTT_5_0);
        TestSubscriber<MqttMessage> refused = subscribe(client,
                SubscribeRequest.of(Subscription.of(TOO_LONG_FILTER, AT_LEAST_ONCE)));
        TestSubscriber<MqttMessage> fine = subscribe(client,
                SubscribeRequest.of(Subscription.of("ok/2", AT_MOST_ONCE)));

        connect(client, smallMaximumPacketSize());

        assertTooLarge(refused);
        broker.send(subAck(broker.awaitReceived(isSubscribe("ok/2")).packetId(), 0));
        broker.assertNothingElseReceived();
        assertThat(fine.isTerminated()).isFalse();
        assertThat(broker.received(MqttPacketType.CONNECT)).hasSize(1);
        assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        fine.cancel();
    }

    @Test
    @DisplayName("a subscriber that joined a too large SUBSCRIBE while disconnected, for a filter it shares, asks "
            + "for that filter itself on the resumed session and is not failed with it [MQTT-3.2.2-15] (5.0)")
    void joinedSubscriberOfATooLargeSubscribeGoesOn() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.newClient(options -> options.session(SessionOptions.DEFAULT
                .withSessionExpiryInterval(Duration.ofMinutes(5))));
        connect(client, Packets.connAck());
        client.disconnect().block(WAIT);
        broker.awaitReceived(isDisconnect());
        TestSubscriber<MqttMessage> refused = subscribe(client, SubscribeRequest.of(
                Subscription.of(TOO_LONG_FILTER, AT_LEAST_ONCE), Subscription.of("shared/a", AT_LEAST_ONCE)));
        TestSubscriber<MqttMessage> joined = subscribe(client,
                SubscribeRequest.of(Subscription.of("shared/a", AT_LEAST_ONCE)));

        connect(client, Packets.connAckWith().sessionPresent(true).maximumPacketSize(MAXIMUM_PACKET_SIZE).build());

        assertTooLarge(refused);
        broker.send(subAck(broker.awaitReceived(isSubscribe("shared/a")).packetId(), 1),
                publish("shared/a", "for the joined one", AT_MOST_ONCE, 0));
        broker.barrier();
        broker.assertNothingElseReceived();
        assertThat(joined.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("for the joined one");
        assertThat(joined.isTerminated()).isFalse();
        joined.cancel();
    }

    @Test
    @DisplayName("an UNSUBSCRIBE larger than the broker's Maximum Packet Size goes out as one UNSUBSCRIBE per "
            + "filter [MQTT-3.2.2-15] (5.0)")
    void tooLargeUnsubscribeIsSplit() {
        MqttClient client = newClient(MqttVersion.MQTT_5_0);
        connect(client, smallMaximumPacketSize());
        broker.whenever(isSubscribe()).answer(subscribe -> subAck(subscribe.packetId(), 1));
        String first = "a/" + "x".repeat(38);
        String second = "b/" + "y".repeat(38);
        TestSubscriber<MqttMessage> one = subscribe(client, SubscribeRequest.of(Subscription.of(first, AT_LEAST_ONCE)));
        broker.awaitReceivedCount(MqttPacketType.SUBSCRIBE, 1);
        TestSubscriber<MqttMessage> both = subscribe(client, SubscribeRequest.of(
                Subscription.of(first, AT_LEAST_ONCE), Subscription.of(second, AT_LEAST_ONCE)));
        broker.awaitReceivedCount(MqttPacketType.SUBSCRIBE, 2);
        broker.barrier();

        one.cancel();
        both.cancel();

        assertThat(broker.awaitReceived(isUnsubscribe(first)).packetId()).isNotZero();
        assertThat(broker.awaitReceived(isUnsubscribe(second)).packetId()).isNotZero();
        broker.assertNothingElseReceived();
        assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
    }

    static Stream<Arguments> unavailableFeatures() {
        return Stream.of(
                Arguments.of("wildcard subscriptions (5.0 section 3.2.2.3.11)",
                        Packets.connAckWith().wildcardSubscriptionAvailable(false).build(),
                        SubscribeRequest.of(Subscription.of("sensors/+/temperature", AT_LEAST_ONCE)),
                        SubscribeReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED),
                Arguments.of("shared subscriptions (5.0 section 3.2.2.3.13)",
                        Packets.connAckWith().sharedSubscriptionAvailable(false).build(),
                        SubscribeRequest.of(Subscription.of("$share/group/sensors", AT_LEAST_ONCE)),
                        SubscribeReasonCode.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED),
                Arguments.of("subscription identifiers (5.0 section 3.2.2.3.12)",
                        Packets.connAckWith().subscriptionIdentifiersAvailable(false).build(),
                        SubscribeRequest.of(Subscription.of("sensors", AT_LEAST_ONCE)).withSubscriptionIdentifier(7),
                        SubscribeReasonCode.SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unavailableFeatures")
    @DisplayName("a subscription needing what the CONNACK says is unavailable fails with MqttSubscribeException "
            + "carrying the SUBACK reason code, before any I/O; the client stays connected")
    void unavailableWhileConnected(String feature, ConnAckPacket connAck, SubscribeRequest request,
            SubscribeReasonCode expected) {
        MqttClient client = newClient(MqttVersion.MQTT_5_0);
        connect(client, connAck);

        TestSubscriber<MqttMessage> refused = subscribe(client, request);

        assertRefused(refused, expected);
        assertStillConnected(client);
        assertStillSubscribes(client);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unavailableFeatures")
    @DisplayName("a subscription made before connect() that needs what the CONNACK says is unavailable fails "
            + "alone, without I/O; connect() completes and the client stays connected")
    void unavailableBeforeConnect(String feature, ConnAckPacket connAck, SubscribeRequest request,
            SubscribeReasonCode expected) {
        MqttClient client = newClient(MqttVersion.MQTT_5_0);
        TestSubscriber<MqttMessage> refused = subscribe(client, request);

        connect(client, connAck);

        assertRefused(refused, expected);
        assertStillConnected(client);
        assertStillSubscribes(client);
    }

    private static void assertRefused(TestSubscriber<MqttMessage> refused, SubscribeReasonCode expected) {
        refused.block(WAIT);
        assertThat(refused.expectTerminalError()).isInstanceOfSatisfying(MqttSubscribeException.class, error -> {
            assertThat(error.reasonCode()).isEqualTo(expected.code());
            assertThat(error.result()).isEmpty();
        });
    }

    static Stream<Arguments> mqtt5OnlyFeatures() {
        Subscription plain = Subscription.of("a/b", AT_LEAST_ONCE);
        SubscriptionOptions options = plain.options();
        return Stream.of(
                Arguments.of("subscription identifier", SubscribeRequest.of(plain).withSubscriptionIdentifier(1)),
                Arguments.of("user properties", SubscribeRequest.of(plain)
                        .withUserProperties(UserProperties.of("k", "v"))),
                Arguments.of("No Local", SubscribeRequest.of(new Subscription(plain.filter(),
                        options.withNoLocal(true)))),
                Arguments.of("Retain As Published", SubscribeRequest.of(new Subscription(plain.filter(),
                        options.withRetainAsPublished(true)))),
                Arguments.of("Retain Handling", SubscribeRequest.of(new Subscription(plain.filter(),
                        options.withRetainHandling(RetainHandling.DO_NOT_SEND)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mqtt5OnlyFeatures")
    @DisplayName("under 3.1.1 a subscription using an MQTT 5 feature is rejected with IllegalArgumentException "
            + "when subscribe is called, connected or not, before any I/O (3.1.1 section 3.8.3)")
    void mqtt5OnlyFeatureUnder311(String feature, SubscribeRequest request) {
        MqttClient client = newClient(MqttVersion.MQTT_3_1_1);

        assertThatThrownBy(() -> client.subscribe(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MQTT 5.0");
        connect(client, Packets.connAck());
        assertThatThrownBy(() -> client.subscribeAcknowledged(request)).isInstanceOf(IllegalArgumentException.class);

        assertStillConnected(client);
        assertStillSubscribes(client);
    }

    @Test
    @DisplayName("under 3.1.1 the same subscriptions without MQTT 5 features go out (3.1.1 section 3.8.3)")
    void plainSubscriptionUnder311() {
        MqttClient client = newClient(MqttVersion.MQTT_3_1_1);
        connect(client, Packets.connAck());

        TestSubscriber<MqttMessage> fine = subscribe(client, SubscribeRequest.of(List.of(
                Subscription.of("a/+", AT_LEAST_ONCE), Subscription.of("$share/g/b", AT_LEAST_ONCE))));

        broker.send(subAck(broker.awaitReceived(isSubscribe("a/+", "$share/g/b")).packetId(), 1, 1));
        broker.assertNothingElseReceived();
        assertThat(fine.isTerminated()).isFalse();
        fine.cancel();
    }
}
