package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Encodes SUBACK (MQTT 5.0 section 3.9): packet identifier, Reason String and User Properties (left out when
 * the client's Maximum Packet Size would be exceeded), then one SUBACK reason code per topic filter
 * ([MQTT-3.9.3-2] 5.0).
 */
final class Mqtt5SubAckEncoder extends DiagnosticsOmittingEncoder<SubAckPacket> {

    @Override
    protected int remainingLength(SubAckPacket packet, EncodeContext context) {
        Mqtt5Fields.checkPacketId(MqttPacketType.SUBACK, packet.packetId());
        if (packet.reasonCodes().isEmpty()) {
            throw MqttEncodeException.invalid("SUBACK needs at least one reason code");
        }
        for (int reasonCode : packet.reasonCodes()) {
            ReasonCodes.checkSendable(MqttPacketType.SUBACK, reasonCode);
        }
        long propertyLength = PropertySizer.measure(sink -> properties(packet, sink));
        return Mqtt5Fields.saturatedLength(2 + PropertySizer.sizeWithLength(propertyLength)
                + packet.reasonCodes().size());
    }

    @Override
    protected void writeBody(SubAckPacket packet, ByteBuf out, EncodeContext context) {
        out.writeShort(packet.packetId());
        PropertyWriter.write(out, PropertySizer.measure(sink -> properties(packet, sink)),
                sink -> properties(packet, sink));
        for (int reasonCode : packet.reasonCodes()) {
            out.writeByte(reasonCode);
        }
    }

    private static void properties(SubAckPacket packet, PropertySink sink) {
        sink.stringIfPresent(Mqtt5Property.REASON_STRING, packet.reasonString());
        sink.userProperties(packet.userProperties());
    }

    @Override
    protected boolean hasReasonString(SubAckPacket packet) {
        return packet.reasonString() != null;
    }

    @Override
    protected boolean hasUserProperties(SubAckPacket packet) {
        return !packet.userProperties().isEmpty();
    }

    @Override
    protected SubAckPacket withoutReasonString(SubAckPacket packet) {
        return new SubAckPacket(packet.packetId(), packet.reasonCodes(), null, packet.userProperties());
    }

    @Override
    protected SubAckPacket withoutUserProperties(SubAckPacket packet) {
        return new SubAckPacket(packet.packetId(), packet.reasonCodes(), packet.reasonString(), List.of());
    }
}
