package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Encodes PUBACK, PUBREC, PUBREL or PUBCOMP (MQTT 5.0 sections 3.4 to 3.7) in its shortest form: only the
 * packet identifier for reason 0x00 without properties, the identifier and reason code for another reason
 * without properties, and the full form otherwise. The reason code must belong to the packet type
 * ([MQTT-3.4.2-1], [MQTT-3.5.2-1], [MQTT-3.6.2-1], [MQTT-3.7.2-1] 5.0).
 */
final class Mqtt5AckEncoder extends DiagnosticsOmittingEncoder<AckPacket> {

    private final MqttPacketType type;

    Mqtt5AckEncoder(MqttPacketType type) {
        this.type = type;
    }

    @Override
    protected int remainingLength(AckPacket packet, EncodeContext context) {
        if (packet.type() != type) {
            throw new IllegalArgumentException("encoder of " + type + " given a " + packet.type());
        }
        Mqtt5Fields.checkPacketId(type, packet.packetId());
        ReasonCodes.checkSendable(type, packet.reasonCode());
        long propertyLength = PropertySizer.measure(sink -> properties(packet, sink));
        if (propertyLength == 0) {
            return packet.reasonCode() == ReasonCode.SUCCESS ? 2 : 3;
        }
        return Mqtt5Fields.saturatedLength(3 + PropertySizer.sizeWithLength(propertyLength));
    }

    @Override
    protected void writeBody(AckPacket packet, ByteBuf out, EncodeContext context) {
        out.writeShort(packet.packetId());
        long propertyLength = PropertySizer.measure(sink -> properties(packet, sink));
        if (propertyLength == 0 && packet.reasonCode() == ReasonCode.SUCCESS) {
            return;
        }
        out.writeByte(packet.reasonCode());
        if (propertyLength > 0) {
            PropertyWriter.write(out, propertyLength, sink -> properties(packet, sink));
        }
    }

    private static void properties(AckPacket packet, PropertySink sink) {
        sink.stringIfPresent(Mqtt5Property.REASON_STRING, packet.reasonString());
        sink.userProperties(packet.userProperties());
    }

    @Override
    protected boolean hasReasonString(AckPacket packet) {
        return packet.reasonString() != null;
    }

    @Override
    protected boolean hasUserProperties(AckPacket packet) {
        return !packet.userProperties().isEmpty();
    }

    @Override
    protected AckPacket withoutReasonString(AckPacket packet) {
        return new AckPacket(packet.type(), packet.packetId(), packet.reasonCode(), null, packet.userProperties());
    }

    @Override
    protected AckPacket withoutUserProperties(AckPacket packet) {
        return new AckPacket(packet.type(), packet.packetId(), packet.reasonCode(), packet.reasonString(), List.of());
    }
}
