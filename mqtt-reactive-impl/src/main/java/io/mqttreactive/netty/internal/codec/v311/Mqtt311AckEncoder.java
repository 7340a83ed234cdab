package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.v311.Mqtt311Fields.requireMqtt5Absent;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import io.netty.buffer.ByteBuf;

/**
 * Encodes PUBACK, PUBREC, PUBREL and PUBCOMP (MQTT 3.1.1 sections 3.4 to 3.7): the packet identifier alone,
 * PUBREL with fixed-header flags 0010 ([MQTT-3.6.1-1] 3.1.1). A reason code other than Success, a reason string
 * or user properties exist only in MQTT 5 and are refused.
 */
final class Mqtt311AckEncoder extends FixedHeaderEncoder<AckPacket> {

    @Override
    protected int remainingLength(AckPacket packet, EncodeContext context) {
        String name = packet.type().name();
        Mqtt311Fields.checkPacketId(name, packet.packetId());
        requireMqtt5Absent(packet.reasonCode() == ReasonCode.SUCCESS, name + " reason code", context.version());
        requireMqtt5Absent(packet.reasonString() == null, name + " reason string", context.version());
        requireMqtt5Absent(packet.userProperties(), name + " user properties", context.version());
        return 2;
    }

    @Override
    protected void writeBody(AckPacket packet, ByteBuf out, EncodeContext context) {
        out.writeShort(packet.packetId());
    }
}
