package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.v311.Mqtt311Fields.requireMqtt5Absent;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.netty.buffer.ByteBuf;

/**
 * Encodes UNSUBACK (MQTT 3.1.1 section 3.11): the packet identifier alone. Reason codes, a reason string and
 * user properties exist only in MQTT 5 and are refused.
 */
final class Mqtt311UnsubAckEncoder extends FixedHeaderEncoder<UnsubAckPacket> {

    @Override
    protected int remainingLength(UnsubAckPacket packet, EncodeContext context) {
        Mqtt311Fields.checkPacketId("UNSUBACK", packet.packetId());
        requireMqtt5Absent(packet.reasonCodes(), "UNSUBACK reason codes", context.version());
        requireMqtt5Absent(packet.reasonString() == null, "UNSUBACK reason string", context.version());
        requireMqtt5Absent(packet.userProperties(), "UNSUBACK user properties", context.version());
        return 2;
    }

    @Override
    protected void writeBody(UnsubAckPacket packet, ByteBuf out, EncodeContext context) {
        out.writeShort(packet.packetId());
    }
}
