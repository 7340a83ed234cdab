package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isDisconnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttPacketTooLargeException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import reactor.test.subscriber.TestSubscriber;

/**
 * A PUBLISH larger than the client's maximum packet size: an MQTT 5.0 broker was told the maximum in CONNECT, an
 * MQTT 3.1.1 broker cannot be. Either way the client refuses it as soon as the fixed header announces its size,
 * without buffering the body, closes the connection (after DISCONNECT 0x95 in 5.0, section 4.13) with a typed
 * {@link MqttPacketTooLargeException}, and does not reconnect although reconnect is on: a broker holding the message
 * in the session would send it again, and again, in an endless loop.
 */
class OversizePacketFlowTest {

    private static final int MAXIMUM_PACKET_SIZE = 1_024;
    private static final int ANNOUNCED_REMAINING_LENGTH = 200 * 1024 * 1024;

    private ScriptedBroker broker;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @BothVersions
    @DisplayName("an oversize PUBLISH ends the connection with MqttPacketTooLargeException and no reconnect loop")
    void oversizePublishIsRefusedOnceAndReported(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.connectedClient(options -> options
                .flowControl(FlowControlOptions.builder().maximumPacketSize(MAXIMUM_PACKET_SIZE).build())
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))));
        CompletableFuture<MqttClientEvent.ReconnectGaveUp> gaveUp = client.events()
                .ofType(MqttClientEvent.ReconnectGaveUp.class).next().toFuture();
        TestSubscriber<MqttMessage> subscription = TestSubscriber.create();
        client.subscribe("big/#", AT_LEAST_ONCE).subscribe(subscription);
        broker.send(subAck(broker.awaitReceived(isSubscribe("big/#")).packetId(), 1));

        // PUBLISH QoS 1 announcing 200 MiB (remaining length 0x80 0x80 0x80 0x64), of which only the topic arrives
        broker.sendRaw(0x32, 0x80, 0x80, 0x80, 0x64, 0x00, 0x05, 'b', 'i', 'g', '/', '1');

        broker.awaitConnectionClosed();
        assertThat(gaveUp).succeedsWithin(WAIT).satisfies(event -> {
            assertThat(event.attempts()).isZero();
            assertThat(event.cause()).isInstanceOfSatisfying(MqttPacketTooLargeException.class, error -> {
                assertThat(error.packetSize()).isEqualTo(5L + ANNOUNCED_REMAINING_LENGTH);
                assertThat(error.maximumPacketSize()).isEqualTo(MAXIMUM_PACKET_SIZE);
            });
        });
        subscription.block(WAIT);
        assertThat(subscription.expectTerminalError()).isInstanceOf(MqttPacketTooLargeException.class);
        if (version.isMqtt5()) {
            broker.awaitReceived(isDisconnect(0x95));
        } else {
            assertThat(broker.received(MqttPacketType.DISCONNECT)).isEmpty();
        }
        broker.assertNothingReceivedWithin(Duration.ofMillis(500));
        assertThat(client.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }
}
