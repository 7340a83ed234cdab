package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubAck;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttClientClosedException;
import io.mqttreactive.exception.MqttConnectException;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttDisconnectedException;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.exception.MqttServerUnavailableException;
import io.mqttreactive.message.ConnectReasonCode;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.subscriber.TestSubscriber;

/**
 * Automatic reconnect against a scripted broker: subscriptions and waiting publishes outlive failed attempts and
 * end only when reconnect gives up (a failure that would repeat, or the attempts ran out) or the client closes;
 * giving up is told with a {@link MqttClientEvent.ReconnectGaveUp} event once the state is DISCONNECTED.
 */
class ReconnectFlowTest {

    private static final Duration QUICK = Duration.ofMillis(10);

    private final List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
    private final List<ConnectionState> statesWhenTold = new CopyOnWriteArrayList<>();
    private ScriptedBroker broker;
    private MqttClient client;
    private TestSubscriber<MqttMessage> subscription;
    private CompletableFuture<PublishResult> publish;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Connects with quick reconnects, subscribes (SUBACK by a standing rule) and leaves a QoS 1 publish waiting. */
    private void connectWithWork(MqttVersion version, long maxAttempts) {
        broker = ScriptedBroker.start(version);
        broker.whenever(isSubscribe()).answer(subscribe -> subAck(subscribe.packetId(), 1));
        client = broker.connectedClient(options -> options.reconnect(ReconnectOptions.DEFAULT
                .withDelay(ReconnectDelay.constant(QUICK)).withMaxAttempts(maxAttempts)));
        client.events().subscribe(event -> {
            events.add(event);
            if (event instanceof MqttClientEvent.ReconnectGaveUp) {
                statesWhenTold.add(client.connectionState());
            }
        });
        subscription = TestSubscriber.create();
        client.subscribe("work/#", AT_LEAST_ONCE)
                .doOnError(error -> statesWhenTold.add(client.connectionState()))
                .subscribe(subscription);
        broker.awaitReceivedCount(MqttPacketType.SUBSCRIBE, 1);
        publish = client.publish(MqttMessage.of("work/out", "waiting".getBytes(StandardCharsets.UTF_8),
                AT_LEAST_ONCE)).doOnError(error -> statesWhenTold.add(client.connectionState())).toFuture();
        broker.awaitReceived(isPublish(AT_LEAST_ONCE));
    }

    private void refuseNextConnect(int code) {
        broker.awaitReceived(isConnect());
        broker.send(connAck(code));
        broker.awaitConnectionClosed();
    }

    private void assertWorkStillWaiting() {
        assertThat(subscription.isTerminated()).isFalse();
        assertThat(publish).isNotDone();
    }

    private <T extends Throwable> T assertGaveUp(long attempts, Class<T> type) {
        subscription.block(WAIT);
        Throwable cause = subscription.expectTerminalError();
        assertThat(cause).isInstanceOf(type);
        assertThat(publish).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause().isSameAs(cause);
        assertThat(events).filteredOn(MqttClientEvent.ReconnectGaveUp.class::isInstance)
                .containsExactly(new MqttClientEvent.ReconnectGaveUp(attempts, cause));
        assertThat(statesWhenTold).hasSize(3).containsOnly(ConnectionState.DISCONNECTED);
        assertThat(broker.received(MqttPacketType.CONNECT)).hasSize(1 + (int) attempts);
        return type.cast(cause);
    }

    private static int serverUnavailable(MqttVersion version) {
        return version.isMqtt5() ? ConnectReasonCode.SERVER_UNAVAILABLE.code() : 3;
    }

    @BothVersions
    @DisplayName("failed attempts neither end the subscription nor the waiting publish; after the reconnect the "
            + "publish goes out again and completes, and the subscription, subscribed again, receives "
            + "[MQTT-3.2.2-5] (5.0)")
    void workOutlivesFailedAttempts(MqttVersion version) {
        connectWithWork(version, 10);

        broker.closeConnection();
        refuseNextConnect(serverUnavailable(version));
        assertWorkStillWaiting();
        refuseNextConnect(serverUnavailable(version));
        assertWorkStillWaiting();
        broker.awaitReceived(isConnect());
        broker.send(connAck());
        int again = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
        broker.awaitReceivedCount(MqttPacketType.SUBSCRIBE, 2);
        assertWorkStillWaiting();
        broker.send(pubAck(again), Packets.publish("work/in", "after", AT_LEAST_ONCE, 7));

        assertThat(publish).succeedsWithin(WAIT);
        broker.awaitReceived(isPubAck(7));
        assertThat(subscription.isTerminated()).isFalse();
        assertThat(subscription.getReceivedOnNext()).extracting(message -> message.topic().value())
                .containsExactly("work/in");
        assertThat(events).filteredOn(MqttClientEvent.ConnectFailed.class::isInstance)
                .extracting(event -> ((MqttClientEvent.ConnectFailed) event).attempt()).containsExactly(1L, 2L);
        assertThat(events).noneMatch(MqttClientEvent.ReconnectGaveUp.class::isInstance);
    }

    static Stream<Arguments> refusalsThatWouldRepeat() {
        return Stream.of(
                Arguments.of(MqttVersion.MQTT_3_1_1, 4, ConnectReasonCode.BAD_USER_NAME_OR_PASSWORD),
                Arguments.of(MqttVersion.MQTT_3_1_1, 5, ConnectReasonCode.NOT_AUTHORIZED),
                Arguments.of(MqttVersion.MQTT_5_0, 0x86, ConnectReasonCode.BAD_USER_NAME_OR_PASSWORD),
                Arguments.of(MqttVersion.MQTT_5_0, 0x87, ConnectReasonCode.NOT_AUTHORIZED),
                Arguments.of(MqttVersion.MQTT_5_0, 0x8A, ConnectReasonCode.BANNED),
                Arguments.of(MqttVersion.MQTT_5_0, 0x8C, ConnectReasonCode.BAD_AUTHENTICATION_METHOD),
                Arguments.of(MqttVersion.MQTT_5_0, 0x82, ConnectReasonCode.PROTOCOL_ERROR));
    }

    @ParameterizedTest(name = "{0}: CONNACK {1}")
    @MethodSource("refusalsThatWouldRepeat")
    @DisplayName("a CONNACK refusal that would repeat stops reconnecting at once and fails the work with "
            + "MqttConnectException [MQTT-4.13.2-1] (5.0)")
    void refusalThatWouldRepeatGivesUp(MqttVersion version, int code, ConnectReasonCode reason) {
        connectWithWork(version, 10);

        broker.closeConnection();
        refuseNextConnect(code);

        MqttConnectException refusal = assertGaveUp(1, MqttConnectException.class);
        assertThat(refusal.connectReasonCode()).isEqualTo(reason);
        assertThat(events).filteredOn(MqttClientEvent.ConnectFailed.class::isInstance)
                .containsExactly(new MqttClientEvent.ConnectFailed(1, refusal));
    }

    static Stream<DisconnectReasonCode> serverReasonsThatForbidRetrying() {
        return Stream.of(DisconnectReasonCode.NOT_AUTHORIZED, DisconnectReasonCode.SESSION_TAKEN_OVER,
                DisconnectReasonCode.PROTOCOL_ERROR, DisconnectReasonCode.TOPIC_ALIAS_INVALID,
                DisconnectReasonCode.TOPIC_NAME_INVALID, DisconnectReasonCode.PAYLOAD_FORMAT_INVALID,
                DisconnectReasonCode.QOS_NOT_SUPPORTED, DisconnectReasonCode.RETAIN_NOT_SUPPORTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverReasonsThatForbidRetrying")
    @DisplayName("a server DISCONNECT whose reason would repeat is not retried: the work fails with "
            + "MqttDisconnectedException and ReconnectGaveUp tells 0 attempts [MQTT-4.13.2-1] (5.0)")
    void serverDisconnectThatForbidsRetrying(DisconnectReasonCode reason) {
        connectWithWork(MqttVersion.MQTT_5_0, 10);

        broker.send(Packets.disconnect(reason.code()));

        MqttDisconnectedException disconnect = assertGaveUp(0, MqttDisconnectedException.class);
        assertThat(disconnect.disconnectReasonCode()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.mqttreactive.netty.internal.flow.ReconnectFlowTest#serverReasonsThatMayPass")
    @DisplayName("a server DISCONNECT whose reason may pass is retried [MQTT-4.13.2-1] (5.0)")
    void serverDisconnectThatMayPass(DisconnectReasonCode reason) {
        connectWithWork(MqttVersion.MQTT_5_0, 10);

        broker.send(Packets.disconnect(reason.code()));
        broker.awaitReceived(isConnect());
        assertWorkStillWaiting();
        broker.send(connAck());
        broker.send(pubAck(broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId()));

        assertThat(publish).succeedsWithin(WAIT);
        assertThat(subscription.isTerminated()).isFalse();
    }

    static Stream<DisconnectReasonCode> serverReasonsThatMayPass() {
        return Stream.of(DisconnectReasonCode.SERVER_SHUTTING_DOWN, DisconnectReasonCode.SERVER_BUSY,
                DisconnectReasonCode.KEEP_ALIVE_TIMEOUT, DisconnectReasonCode.USE_ANOTHER_SERVER);
    }

    @Test
    @DisplayName("a DISCONNECT with Session taken over before CONNACK, a race with the client's own abandoned "
            + "attempt, is retried (5.0 section 3.14.2.1)")
    void sessionTakenOverBeforeConnAckIsRetried() {
        connectWithWork(MqttVersion.MQTT_5_0, 10);

        broker.closeConnection();
        broker.awaitReceived(isConnect());
        broker.send(Packets.disconnect(DisconnectReasonCode.SESSION_TAKEN_OVER.code()));
        broker.awaitReceived(isConnect());
        assertWorkStillWaiting();
        broker.send(connAck());
        broker.send(pubAck(broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId()));

        assertThat(publish).succeedsWithin(WAIT);
        assertThat(events).filteredOn(MqttClientEvent.ServerDisconnect.class::isInstance).hasSize(1);
        assertThat(events).filteredOn(MqttClientEvent.ConnectFailed.class::isInstance).singleElement()
                .satisfies(failed -> assertThat(((MqttClientEvent.ConnectFailed) failed).cause())
                        .isInstanceOf(MqttConnectionClosedException.class)
                        .hasCauseInstanceOf(MqttDisconnectedException.class));
    }

    @Test
    @DisplayName("a DISCONNECT whose reason would repeat before CONNACK ends reconnecting (5.0 section 3.14.2.1)")
    void disconnectThatWouldRepeatBeforeConnAckGivesUp() {
        connectWithWork(MqttVersion.MQTT_5_0, 10);

        broker.closeConnection();
        broker.awaitReceived(isConnect());
        broker.send(Packets.disconnect(DisconnectReasonCode.NOT_AUTHORIZED.code()));

        MqttDisconnectedException refusal = assertGaveUp(1, MqttDisconnectedException.class);
        assertThat(refusal.disconnectReasonCode()).isEqualTo(DisconnectReasonCode.NOT_AUTHORIZED);
    }

    @BothVersions
    @DisplayName("a packet a client never accepts is a protocol error that is not retried [MQTT-4.8.0-1] (3.1.1), "
            + "(5.0 section 4.13)")
    void protocolErrorIsNotRetried(MqttVersion version) {
        connectWithWork(version, 10);

        broker.send(SubscribePacket.of(3, List.of(SubscriptionRequest.of("a/b", AT_LEAST_ONCE))));

        MqttProtocolException error = assertGaveUp(0, MqttProtocolException.class);
        assertThat(error.disconnectReasonCode()).isEqualTo(DisconnectReasonCode.PROTOCOL_ERROR);
    }

    @BothVersions
    @DisplayName("when the attempts run out, the work fails with the last attempt's failure")
    void attemptsRunOut(MqttVersion version) {
        connectWithWork(version, 2);

        broker.closeConnection();
        refuseNextConnect(serverUnavailable(version));
        assertWorkStillWaiting();
        refuseNextConnect(serverUnavailable(version));

        assertGaveUp(2, MqttServerUnavailableException.class);
    }

    @Test
    @DisplayName("close() while reconnecting fails the waiting publish with MqttClientClosedException and "
            + "completes the subscription; no ReconnectGaveUp is told")
    void closeWhileReconnecting() {
        connectWithWork(MqttVersion.MQTT_5_0, 10);

        broker.closeConnection();
        refuseNextConnect(serverUnavailable(MqttVersion.MQTT_5_0));
        assertWorkStillWaiting();
        client.close().block(WAIT);

        assertThat(publish).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(MqttClientClosedException.class);
        subscription.block(WAIT);
        assertThat(subscription.isTerminatedComplete()).isTrue();
        assertThat(events).noneMatch(MqttClientEvent.ReconnectGaveUp.class::isInstance);
        assertThat(client.connectionState()).isEqualTo(ConnectionState.CLOSED);
    }
}
