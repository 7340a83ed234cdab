package io.mqttreactive.netty.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.session.PacketIdAllocator;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import io.mqttreactive.options.MaximumQosPolicy;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What {@link OutgoingPublishFlow} counts, which the client does not expose: acknowledgements for unknown packet
 * ids, in-flight and pending messages. Drives the flow directly over an embedded channel.
 */
class OutgoingPublishFlowCountersTest {

    private final EmbeddedChannel embedded = new EmbeddedChannel();
    private final PacketIdAllocator packetIds = new PacketIdAllocator();
    private final OutgoingPublishFlow flow = new OutgoingPublishFlow(packetIds, 1, 10, Long.MAX_VALUE,
            MaximumQosPolicy.FAIL, 0);

    @AfterEach
    void releaseWrittenPackets() {
        embedded.finishAndReleaseAll();
    }

    private CompletableFuture<PublishResult> publish(MqttQos qos) {
        MqttMessage message = MqttMessage.of("count/me", "x".getBytes(StandardCharsets.UTF_8), qos);
        return Mono.<PublishResult>create(sink -> flow.submit(message, sink)).toFuture();
    }

    @Test
    @DisplayName("acknowledgements for unknown packet ids, or of the wrong kind, are ignored and counted")
    void unknownAcknowledgementsAreCounted() {
        flow.onConnected(new MqttChannel(embedded, EncodeContext.of(MqttVersion.MQTT_5_0)),
                ConnectResult.builder().build());
        CompletableFuture<PublishResult> inFlight = publish(MqttQos.AT_LEAST_ONCE);
        CompletableFuture<PublishResult> waiting = publish(MqttQos.AT_LEAST_ONCE);
        assertThat(flow.inFlightCount()).isEqualTo(1);
        assertThat(flow.pendingCount()).isEqualTo(1);
        assertThat(packetIds.inUseCount()).isEqualTo(1);

        flow.onAcknowledgement(AckPacket.of(MqttPacketType.PUBACK, 500));
        flow.onAcknowledgement(AckPacket.of(MqttPacketType.PUBCOMP, 1));
        flow.onAcknowledgement(AckPacket.of(MqttPacketType.PUBREC, 501));

        assertThat(flow.unknownAcknowledgements()).isEqualTo(3);
        assertThat(inFlight).isNotDone();
        flow.onAcknowledgement(AckPacket.of(MqttPacketType.PUBACK, 1));
        assertThat(inFlight).isCompleted();
        assertThat(flow.inFlightCount()).isEqualTo(1);
        assertThat(flow.pendingCount()).isZero();
        assertThat(waiting).isNotDone();
        assertThat(flow.unknownAcknowledgements()).isEqualTo(3);
    }
}
