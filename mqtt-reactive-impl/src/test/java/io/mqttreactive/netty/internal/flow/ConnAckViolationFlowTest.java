package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isDisconnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.exception.MqttMalformedPacketException;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.subscriber.TestSubscriber;

/**
 * A broker whose CONNACK breaks the protocol: Session Present after Clean Start, malformed or forbidden CONNACK
 * fields, another packet in its place. connect() fails with the typed error, after DISCONNECT with the matching
 * reason code in 5.0, and a reconnect never silently loses a subscription.
 */
class ConnAckViolationFlowTest {

    private static final ReconnectOptions QUICK_RECONNECT = ReconnectOptions.DEFAULT
            .withDelay(ReconnectDelay.constant(Duration.ofMillis(10)));

    private ScriptedBroker broker;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @DisplayName("Session Present 1 after Clean Start 1 is a protocol error: DISCONNECT 0x82, connect() fails "
            + "with MqttProtocolException [MQTT-3.2.2-4] (5.0)")
    void sessionPresentAfterCleanStartFailsConnect() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.newClient(options -> options);
        broker.expect(isConnect().and("clean start", ConnectPacket::cleanStart))
                .answer(Packets.connAckWith().sessionPresent(true).build());

        CompletableFuture<ConnectResult> connect = client.connect().toFuture();

        assertThat(connect).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOfSatisfying(MqttProtocolException.class, error -> {
                    assertThat(error.disconnectReasonCode()).isEqualTo(DisconnectReasonCode.PROTOCOL_ERROR);
                    assertThat(error).hasMessageContaining("MQTT-3.2.2-4");
                });
        broker.awaitConnectionClosed();
        assertThat(broker.received(MqttPacketType.DISCONNECT)).singleElement()
                .matches(isDisconnect(0x82)::matches);
        assertThat(client.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    @DisplayName("Session Present 1 on a reconnect with Clean Start 1 ends the subscription with "
            + "MqttProtocolException after DISCONNECT 0x82, instead of leaving it open without a broker "
            + "subscription [MQTT-3.2.2-4] (5.0)")
    void sessionPresentAfterCleanStartOnReconnectEndsTheSubscription() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.connectedClient(options -> options.reconnect(QUICK_RECONNECT));
        TestSubscriber<MqttMessage> subscription = TestSubscriber.create();
        client.subscribe("work/#", AT_LEAST_ONCE).subscribe(subscription);
        broker.send(subAck(broker.awaitReceived(isSubscribe("work/#")).packetId(), 1));
        broker.barrier();

        broker.expect(isConnect().and("clean start", ConnectPacket::cleanStart))
                .answer(Packets.connAckWith().sessionPresent(true).build());
        broker.closeConnection();
        subscription.block(WAIT);

        assertThat(subscription.expectTerminalError()).isInstanceOf(MqttProtocolException.class);
        assertThat(broker.received(MqttPacketType.DISCONNECT)).singleElement()
                .matches(isDisconnect(0x82)::matches);
        assertThat(broker.received(MqttPacketType.CONNECT)).hasSize(2);
    }

    @Test
    @DisplayName("Session Present 1 on a reconnect with Clean Session 1 counts as no session: the subscription "
            + "is subscribed again [MQTT-3.2.2-1] (3.1.1)")
    void sessionPresentAfterCleanSessionResubscribes() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_3_1_1);
        MqttClient client = broker.connectedClient(options -> options.reconnect(QUICK_RECONNECT));
        TestSubscriber<MqttMessage> subscription = TestSubscriber.create();
        client.subscribe("work/#", AT_LEAST_ONCE).subscribe(subscription);
        broker.send(subAck(broker.awaitReceived(isSubscribe("work/#")).packetId(), 1));
        broker.barrier();
        CompletableFuture<ConnectResult> reconnected = client.events()
                .ofType(io.mqttreactive.event.MqttClientEvent.Connected.class).next()
                .map(io.mqttreactive.event.MqttClientEvent.Connected::result).toFuture();

        broker.closeConnection();
        assertThat(broker.awaitReceived(isConnect()).cleanStart()).isTrue();
        broker.send(connAck(true));

        int again = broker.awaitReceived(isSubscribe("work/#")).packetId();
        broker.send(subAck(again, 1), Packets.publish("work/x", "after", MqttQos.AT_MOST_ONCE, 0));
        broker.barrier();
        assertThat(reconnected).succeedsWithin(WAIT)
                .satisfies(result -> assertThat(result.sessionPresent()).isFalse());
        assertThat(subscription.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("after");
        assertThat(subscription.isTerminated()).isFalse();
        assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        subscription.cancel();
    }

    static Stream<Arguments> brokenConnAcks() {
        return Stream.of(
                Arguments.of(MqttVersion.MQTT_5_0, "Receive Maximum 0 (5.0 section 3.2.2.3.3)",
                        new int[] {0x20, 0x06, 0x00, 0x00, 0x03, 0x21, 0x00, 0x00}, MqttProtocolException.class),
                Arguments.of(MqttVersion.MQTT_5_0, "Maximum QoS given twice (5.0 section 3.2.2.3.4)",
                        new int[] {0x20, 0x07, 0x00, 0x00, 0x04, 0x24, 0x01, 0x24, 0x01},
                        MqttProtocolException.class),
                Arguments.of(MqttVersion.MQTT_5_0, "reserved acknowledge flag bit set [MQTT-3.2.2-1] (5.0)",
                        new int[] {0x20, 0x03, 0x02, 0x00, 0x00}, MqttMalformedPacketException.class),
                Arguments.of(MqttVersion.MQTT_5_0, "Session Present with reason code 0x87 [MQTT-3.2.2-6] (5.0)",
                        new int[] {0x20, 0x03, 0x01, 0x87, 0x00}, MqttProtocolException.class),
                Arguments.of(MqttVersion.MQTT_5_0, "PUBLISH instead of CONNACK (5.0 section 3.2)",
                        new int[] {0x30, 0x06, 0x00, 0x01, 'x', 0x00, 'h', 'i'}, MqttProtocolException.class),
                Arguments.of(MqttVersion.MQTT_5_0, "PINGRESP instead of CONNACK (5.0 section 3.2)",
                        new int[] {0xD0, 0x00}, MqttProtocolException.class),
                Arguments.of(MqttVersion.MQTT_3_1_1, "reserved acknowledge flag bit set (3.1.1 section 3.2.2.1)",
                        new int[] {0x20, 0x02, 0x02, 0x00}, MqttMalformedPacketException.class),
                Arguments.of(MqttVersion.MQTT_3_1_1, "Session Present with return code 5 [MQTT-3.2.2-4] (3.1.1)",
                        new int[] {0x20, 0x02, 0x01, 0x05}, MqttProtocolException.class),
                Arguments.of(MqttVersion.MQTT_3_1_1, "PUBLISH instead of CONNACK [MQTT-3.2.0-1] (3.1.1)",
                        new int[] {0x30, 0x05, 0x00, 0x01, 'x', 'h', 'i'}, MqttProtocolException.class));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenConnAcks")
    @DisplayName("a malformed or forbidden CONNACK fails connect() with MqttMalformedPacketException (DISCONNECT "
            + "0x81 in 5.0) or MqttProtocolException (DISCONNECT 0x82 in 5.0), not as a closed connection, and "
            + "the client does not retry (5.0 section 4.13) [MQTT-4.8.0-1] (3.1.1)")
    void brokenConnAckFailsConnect(MqttVersion version, String description, int[] bytes,
            Class<? extends MqttProtocolException> type) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.newClient(options -> options.reconnect(QUICK_RECONNECT));
        broker.expect(isConnect()).answerNothing();

        CompletableFuture<ConnectResult> connect = client.connect().toFuture();
        broker.awaitScriptDone();
        broker.sendRaw(bytes);

        assertThat(connect).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
                .isExactlyInstanceOf(type);
        broker.awaitConnectionClosed();
        int expectedCode = type == MqttMalformedPacketException.class ? 0x81 : 0x82;
        if (version.isMqtt5()) {
            assertThat(broker.received(MqttPacketType.DISCONNECT)).singleElement()
                    .matches(isDisconnect(expectedCode)::matches);
        } else {
            assertThat(broker.received(MqttPacketType.DISCONNECT)).isEmpty();
        }
        assertThat(broker.received(MqttPacketType.CONNECT)).hasSize(1);
        assertThat(client.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }
}
