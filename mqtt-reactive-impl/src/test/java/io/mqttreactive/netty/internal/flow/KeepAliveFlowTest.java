package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPingReq;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.publish;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
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
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.OverflowStrategy;
import io.mqttreactive.options.ReconnectOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.subscriber.TestSubscriber;
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
    @DisplayName("the Server Keep Alive from CONNACK replaces the client's keep-alive [MQTT-3.1.2-21] [MQTT-3.2.2-21] (5.0)")
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

    @BothVersions
    @DisplayName("a client that keeps sending but receives nothing pings anyway, and closes the half-open link "
            + "with MqttTimeoutException within 1.5 intervals of the last packet received [MQTT-3.1.2-23] (3.1.1), "
            + "[MQTT-3.1.2-20] (5.0)")
    void busySenderStillDetectsAHalfOpenLink(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        broker.answerPings(false);
        broker.whenever(isPublish()).answerNothing();
        MqttClient client = broker.connectedClient(options -> options.keepAlive(KEEP_ALIVE)
                .reconnect(ReconnectOptions.DISABLED));
        long connected = System.nanoTime();
        CompletableFuture<MqttClientEvent.Disconnected> disconnected = client.events()
                .ofType(MqttClientEvent.Disconnected.class).next().toFuture();
        Disposable sending = Flux.range(0, 50).delayElements(Duration.ofMillis(100))
                .concatMap(i -> client.publish(MqttMessage.of("busy/" + i, new byte[0], AT_MOST_ONCE)), 1)
                .subscribe(result -> { }, error -> { });

        broker.awaitReceived(isPingReq());
        assertThat(disconnected).succeedsWithin(WAIT).satisfies(event -> assertThat(event.cause())
                .containsInstanceOf(MqttTimeoutException.class));
        Duration detected = Duration.ofNanos(System.nanoTime() - connected);
        sending.dispose();

        assertThat(broker.received(MqttPacketType.PUBLISH)).hasSizeGreaterThan(5);
        assertThat(detected).isGreaterThanOrEqualTo(Duration.ofMillis(1_400)).isLessThan(Duration.ofMillis(2_500));
    }

    @BothVersions
    @DisplayName("while the client holds reading paused for backpressure, PINGREQ still goes out and the unread "
            + "PINGRESP is not taken for a dead link; once reading resumes the connection goes on "
            + "[MQTT-3.1.2-23] (3.1.1), [MQTT-3.1.2-20] (5.0)")
    void pausedReadingIsNotADeadLink(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.connectedClient(options -> options.keepAlive(KEEP_ALIVE)
                .flowControl(FlowControlOptions.builder().qos0BufferSize(1)
                        .qos0OverflowStrategy(OverflowStrategy.PAUSE_READING).build()));
        List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
        client.events().subscribe(events::add);
        TestSubscriber<MqttMessage> slow = TestSubscriber.builder().initialRequest(0).build();
        client.subscribe("slow/#", AT_MOST_ONCE).subscribe(slow);
        broker.send(subAck(broker.awaitReceived(isSubscribe("slow/#")).packetId(), 0));
        broker.send(publish("slow/1", "m1", AT_MOST_ONCE, 0), publish("slow/2", "m2", AT_MOST_ONCE, 0),
                publish("slow/3", "m3", AT_MOST_ONCE, 0));

        broker.awaitReceivedCount(MqttPacketType.PINGREQ, 3);
        assertThat(broker.isConnectionOpen()).isTrue();
        assertThat(slow.getReceivedOnNext()).isEmpty();

        slow.request(10);
        broker.barrier();
        assertThat(slow.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("m1", "m2", "m3");
        assertThat(broker.isConnectionOpen()).isTrue();
        assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(events).noneMatch(MqttClientEvent.Disconnected.class::isInstance);
        slow.cancel();
    }
}
