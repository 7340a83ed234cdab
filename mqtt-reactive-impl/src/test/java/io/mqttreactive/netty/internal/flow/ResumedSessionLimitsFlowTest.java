package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.exception.MqttPacketTooLargeException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A resumed session meets the limits of the new connection's CONNACK: a message in flight that no longer fits the
 * broker's Maximum Packet Size fails alone, and the session goes on.
 */
class ResumedSessionLimitsFlowTest {

    private static final int MAXIMUM_PACKET_SIZE = 64;

    private final GatedSessionStore store = new GatedSessionStore();
    private ScriptedBroker broker;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static MqttMessage message(String topic, int payloadBytes) {
        return MqttMessage.of(topic, "p".repeat(payloadBytes).getBytes(StandardCharsets.UTF_8), AT_LEAST_ONCE);
    }

    @Test
    @DisplayName("a QoS 1 message in flight that exceeds the Maximum Packet Size of the resumed session's CONNACK "
            + "fails with MqttPacketTooLargeException instead of being re-sent; its packet id, send quota slot and "
            + "stored record are freed and the session goes on [MQTT-3.2.2-15] [MQTT-4.4.0-1] (5.0)")
    void inFlightMessageTooLargeForTheResumedSession() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.connectedClient(options -> options
                .session(new SessionOptions(false, Duration.ofMinutes(5), Optional.of(store)))
                .flowControl(FlowControlOptions.builder().maximumInflightPublishes(1).build())
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))));
        CompletableFuture<PublishResult> large = client.publish(message("big", 200)).toFuture();
        broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        assertThat(store.outbound("scripted-client")).hasSize(1);

        broker.closeConnection();
        assertThat(broker.awaitReceived(isConnect()).cleanStart()).isFalse();
        broker.send(Packets.connAckWith().sessionPresent(true).maximumPacketSize(MAXIMUM_PACKET_SIZE).build());

        assertThat(large).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOfSatisfying(MqttPacketTooLargeException.class, error -> {
                    assertThat(error.maximumPacketSize()).isEqualTo(MAXIMUM_PACKET_SIZE);
                    assertThat(error.packetSize()).isGreaterThan(MAXIMUM_PACKET_SIZE);
                });
        broker.assertNothingElseReceived();
        assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(store.outbound("scripted-client")).isEmpty();

        CompletableFuture<PublishResult> small = client.publish(message("small", 4)).toFuture();
        PublishPacket sent = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        assertThat(sent.dup()).isFalse();
        broker.send(pubAck(sent.packetId()));
        assertThat(small).succeedsWithin(WAIT);
        assertThat(broker.received(MqttPacketType.CONNECT)).hasSize(2)
                .allSatisfy(connect -> assertThat(((ConnectPacket) connect).version()).isEqualTo(MqttVersion.MQTT_5_0));
        assertThat(broker.received(MqttPacketType.DISCONNECT)).isEmpty();
    }
}
