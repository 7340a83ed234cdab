package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Encodes UNSUBACK (MQTT 5.0 section 3.11): packet identifier, Reason String and User Properties (left out when
 * the client's Maximum Packet Size would be exceeded), then one UNSUBACK reason code per topic filter
 * ([MQTT-3.11.3-2] 5.0).
 */
final class Mqtt5UnsubAckEncoder extends DiagnosticsOmittingEncoder<UnsubAckPacket> {

    @Override
    protected int remainingLength(UnsubAckPacket packet, EncodeContext context) {
        Mqtt5Fields.checkPacketId(MqttPacketType.UNSUBACK, packet.packetId());
        if (packet.reasonCodes().isEmpty()) {
            throw MqttEncodeException.invalid("UNSUBACK needs at least one reason code");
        }
        for (int reasonCode : packet.reasonCodes()) {
            ReasonCodes.checkSendable(MqttPacketType.UNSUBACK, reasonCode);
        }
        long propertyLength = PropertySizer.measure(sink -> properties(packet, sink));
        return Mqtt5Fields.saturatedLength(2 + PropertySizer.sizeWithLength(propertyLength)
                + packet.reasonCodes().size());
    }

    @Override
    protected void writeBody(UnsubAckPacket packet, ByteBuf out, EncodeContext context) {
        out.writeShort(packet.packetId());
        PropertyWriter.write(out, PropertySizer.measure(sink -> properties(packet, sink)),
                sink -> properties(packet, sink));
        for (int reasonCode : packet.reasonCodes()) {
            out.writeByte(reasonCode);
        }
    }

    private static void properties(UnsubAckPacket packet, PropertySink sink) {
        sink.stringIfPresent(Mqtt5Property.REASON_STRING, packet.reasonString());
        sink.userProperties(packet.userProperties());
    }

    @Override
    protected boolean hasReasonString(UnsubAckPacket packet) {
        return packet.reasonString() != null;
    }

    @Override
    protected boolean hasUserProperties(UnsubAckPacket packet) {
        return !packet.userProperties().isEmpty();
    }

    @Override
    protected UnsubAckPacket withoutReasonString(UnsubAckPacket packet) {
        return new UnsubAckPacket(packet.packetId(), packet.reasonCodes(), null, packet.userProperties());
    }

    @Override
    protected UnsubAckPacket withoutUserProperties(UnsubAckPacket packet) {
        return new UnsubAckPacket(packet.packetId(), packet.reasonCodes(), packet.reasonString(), List.of());
    }
}
