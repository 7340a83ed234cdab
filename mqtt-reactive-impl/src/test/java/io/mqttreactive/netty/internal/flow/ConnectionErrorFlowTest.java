package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isDisconnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttDisconnectedException;
import io.mqttreactive.exception.MqttMalformedPacketException;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.subscriber.TestSubscriber;

/**
 * A broker that ends the connection against a scripted broker: DISCONNECT, a dropped link, malformed packets and
 * packets a client never accepts. With reconnect off, each time the waiting publish and the subscription fail with a
 * typed error.
 */
class ConnectionErrorFlowTest {

    private ScriptedBroker broker;
    private MqttClient client;
    private final List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
    private final List<ConnectionState> statesWhenTold = new CopyOnWriteArrayList<>();
    private TestSubscriber<MqttMessage> subscription;
    private CompletableFuture<PublishResult> publish;
    private CompletableFuture<MqttClientEvent.Disconnected> disconnected;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /**
     * Connects with reconnect off, so that an ended connection ends the work, subscribes and leaves one QoS 1
     * publish waiting for its PUBACK.
     */
    private void connectWithWork(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        client = broker.connectedClient(options -> options.reconnect(ReconnectOptions.DISABLED));
        client.events().subscribe(events::add);
        disconnected = client.events().ofType(MqttClientEvent.Disconnected.class)
                .doOnNext(event -> statesWhenTold.add(client.connectionState())).next().toFuture();
        subscription = TestSubscriber.create();
        client.subscribe("work/#", AT_LEAST_ONCE)
                .doOnError(error -> statesWhenTold.add(client.connectionState()))
                .subscribe(subscription);
        broker.send(subAck(broker.awaitReceived(isSubscribe("work/#")).packetId(), 1));
        publish = client.publish(MqttMessage.of("work/out", "waiting".getBytes(StandardCharsets.UTF_8),
                AT_LEAST_ONCE)).doOnError(error -> statesWhenTold.add(client.connectionState())).toFuture();
        broker.awaitReceived(isPublish(AT_LEAST_ONCE));
    }

    /**
     * Asserts that the publish, the subscription and the Disconnected event all carry the same kind of error, and
     * that the connection state was DISCONNECTED before any of them was told.
     */
    private <T extends Throwable> void assertEndedWith(Class<T> type, Consumer<T> details) {
        broker.awaitConnectionClosed();
        assertThat(disconnected).succeedsWithin(WAIT).satisfies(event -> assertThat(event.cause())
                .get(throwable(type)).satisfies(details::accept));
        subscription.block(WAIT);
        assertThat(subscription.expectTerminalError()).isInstanceOfSatisfying(type, details);
        assertThat(publish).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOfSatisfying(type, details);
        assertThat(statesWhenTold).hasSize(3).containsOnly(ConnectionState.DISCONNECTED);
        assertThat(client.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    @DisplayName("a server DISCONNECT is an MqttDisconnectedException with reason code, reason string and user "
            + "properties, and a ServerDisconnect event [MQTT-4.13.2-1] (5.0)")
    void serverDisconnect() {
        connectWithWork(MqttVersion.MQTT_5_0);

        broker.send(Packets.disconnect(DisconnectReasonCode.SERVER_SHUTTING_DOWN.code(), "maintenance",
                List.of(new UserProperty("back-at", "noon"))));

        assertEndedWith(MqttDisconnectedException.class, error -> {
            assertThat(error.disconnectReasonCode()).isEqualTo(DisconnectReasonCode.SERVER_SHUTTING_DOWN);
            assertThat(error.reasonString()).contains("maintenance");
            assertThat(error.userProperties().first("back-at")).contains("noon");
        });
        assertThat(events).filteredOn(MqttClientEvent.ServerDisconnect.class::isInstance)
                .singleElement().satisfies(event -> {
                    MqttClientEvent.ServerDisconnect disconnect = (MqttClientEvent.ServerDisconnect) event;
                    assertThat(disconnect.reasonCode()).isEqualTo(DisconnectReasonCode.SERVER_SHUTTING_DOWN);
                    assertThat(disconnect.reasonString()).contains("maintenance");
                    assertThat(disconnect.userProperties().first("back-at")).contains("noon");
                });
        assertThat(events.indexOf(events.stream().filter(MqttClientEvent.ServerDisconnect.class::isInstance)
                .findFirst().orElseThrow())).isLessThan(events.indexOf(events.stream()
                .filter(MqttClientEvent.Disconnected.class::isInstance).findFirst().orElseThrow()));
        assertThat(broker.received(MqttPacketType.DISCONNECT)).isEmpty();
    }

    @BothVersions
    @DisplayName("a dropped connection fails the waiting publish and the subscription with "
            + "MqttConnectionClosedException; the state is DISCONNECTED before anyone is told")
    void droppedConnection(MqttVersion version) {
        connectWithWork(version);

        broker.closeConnection();

        assertEndedWith(MqttConnectionClosedException.class, error -> { });
    }

    static Stream<Arguments> malformedPackets() {
        return Stream.of(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5_0).flatMap(version -> Stream.of(
                Arguments.of(version, "reserved packet type 0", new int[] {0x00, 0x00}),
                Arguments.of(version, "PUBLISH with QoS 3", new int[] {0x36, 0x05, 0x00, 0x01, 'x', 0x00, 0x01}),
                Arguments.of(version, "PUBACK with fixed-header flags 0001", new int[] {0x41, 0x02, 0x00, 0x01}),
                Arguments.of(version, "remaining length in five bytes",
                        new int[] {0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01})));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedPackets")
    @DisplayName("a malformed packet from the broker closes the connection with MqttMalformedPacketException, "
            + "after DISCONNECT 0x81 in 5.0 [MQTT-3.3.1-4] [MQTT-2.1.3-1] [MQTT-1.5.5-1] (5.0 section 4.13), "
            + "[MQTT-2.2.2-2] [MQTT-4.8.0-1] (3.1.1)")
    void malformedPacket(MqttVersion version, String description, int[] bytes) {
        connectWithWork(version);

        broker.sendRaw(bytes);

        assertEndedWith(MqttMalformedPacketException.class, error -> assertThat(error.disconnectReasonCode())
                .isEqualTo(DisconnectReasonCode.MALFORMED_PACKET));
        List<MqttPacket> disconnects = broker.received(MqttPacketType.DISCONNECT);
        if (version.isMqtt5()) {
            assertThat(disconnects).singleElement().satisfies(disconnect -> assertThat(isDisconnect(0x81)
                    .matches(disconnect)).isTrue());
        } else {
            assertThat(disconnects).isEmpty();
        }
    }

    static Stream<Arguments> packetsAClientNeverAccepts() {
        return Stream.of(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5_0).flatMap(version -> Stream.of(
                Arguments.of(version, Packets.connAck()),
                Arguments.of(version, io.mqttreactive.netty.internal.packet.SubscribePacket.of(3, List.of(
                        io.mqttreactive.netty.internal.packet.SubscriptionRequest.of("a/b", AT_LEAST_ONCE))))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("packetsAClientNeverAccepts")
    @DisplayName("a packet a client never accepts is a protocol error: DISCONNECT 0x82 in 5.0 and "
            + "MqttProtocolException [MQTT-4.8.0-1] (3.1.1), (5.0 section 4.13)")
    void packetAClientNeverAccepts(MqttVersion version, MqttPacket packet) {
        connectWithWork(version);

        broker.send(packet);

        assertEndedWith(MqttProtocolException.class, error -> assertThat(error.disconnectReasonCode())
                .isEqualTo(DisconnectReasonCode.PROTOCOL_ERROR));
        assertThat(broker.received(MqttPacketType.DISCONNECT)).hasSize(version.isMqtt5() ? 1 : 0);
    }
}
