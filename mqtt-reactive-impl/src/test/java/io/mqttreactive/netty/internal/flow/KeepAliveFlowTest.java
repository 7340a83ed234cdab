package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPingReq;
import static io.mqttreactive.netty.testing.scripted.Packets.pingResp;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttTimeoutException;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keep-alive against a scripted broker with a 1 s keep-alive: PINGREQ when idle, PINGRESP handling, and a
 * missing PINGRESP closing the connection. Timing bounds are loose enough for a loaded machine.
 */
class KeepAliveFlowTest {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(1);
    private static final Duration EARLY = Duration.ofMillis(900);

    private ScriptedBroker broker;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private MqttClient connectWithoutPingAnswers(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        broker.answerPings(false);
        return broker.connectedClient(options -> options.keepAlive(KEEP_ALIVE));
    }

    @BothVersions
    @DisplayName("PINGREQ goes out after the keep-alive idle time, and again after each PINGRESP; the connection "
            + "stays open [MQTT-3.1.2-23] (3.1.1), [MQTT-3.1.2-20] (5.0)")
    void pingReqWhenIdle(MqttVersion version) {
        MqttClient client = connectWithoutPingAnswers(version);
        long connected = System.nanoTime();

        broker.awaitReceived(isPingReq());
        Duration firstPing = Duration.ofNanos(System.nanoTime() - connected);
        broker.send(pingResp());
        long answered = System.nanoTime();
        broker.awaitReceived(isPingReq());
        Duration secondPing = Duration.ofNanos(System.nanoTime() - answered);
        broker.send(pingResp());

        assertThat(firstPing).isGreaterThanOrEqualTo(EARLY).isLessThan(WAIT);
        assertThat(secondPing).isGreaterThanOrEqualTo(EARLY.minusMillis(100)).isLessThan(WAIT);
        broker.barrier();
        assertThat(broker.isConnectionOpen()).isTrue();
        assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
    }

    @BothVersions
    @DisplayName("a PINGRESP that never comes closes the connection with MqttTimeoutException "
            + "[MQTT-3.1.2-23] (3.1.1), [MQTT-3.1.2-20] (5.0)")
    void missingPingRespClosesTheConnection(MqttVersion version) {
        MqttClient client = connectWithoutPingAnswers(version);
        CompletableFuture<ConnectionState> stateWhenDisconnected = new CompletableFuture<>();
        CompletableFuture<MqttClientEvent.Disconnected> disconnected = client.events()
                .ofType(MqttClientEvent.Disconnected.class)
                .doOnNext(event -> stateWhenDisconnected.complete(client.connectionState())).next().toFuture();

        broker.awaitReceived(isPingReq());
        broker.awaitConnectionClosed();

        assertThat(disconnected).succeedsWithin(WAIT).satisfies(event -> assertThat(event.cause())
                .containsInstanceOf(MqttTimeoutException.class));
        assertThat(stateWhenDisconnected).isCompletedWithValue(ConnectionState.DISCONNECTED);
    }

    @Test
    @DisplayName("the Server Keep Alive from CONNACK replaces the client's keep-alive [MQTT-3.1.2-21] (5.0)")
    void serverKeepAliveReplacesOurs() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        broker.answerPings(false);
        broker.connectedClient(options -> options.keepAlive(Duration.ofSeconds(60)),
                Packets.connAckWith().serverKeepAlive(1).build());

        broker.awaitReceived(isPingReq());
        broker.send(pingResp());
    }

    @BothVersions
    @DisplayName("a PINGRESP without a PINGREQ is ignored; answered PINGREQs keep the connection open past "
            + "several keep-alive intervals")
    void unsolicitedPingRespIsHarmless(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.connectedClient(options -> options.keepAlive(KEEP_ALIVE));

        broker.send(pingResp(), pingResp());
        broker.barrier();
        assertThat(broker.isConnectionOpen()).isTrue();

        broker.awaitReceivedCount(MqttPacketType.PINGREQ, 2);
        broker.barrier();
        assertThat(broker.isConnectionOpen()).isTrue();
        assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
    }
}
