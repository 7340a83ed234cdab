package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.v311.Mqtt311Fields.requireMqtt5Absent;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.netty.buffer.ByteBuf;

/**
 * Encodes SUBACK (MQTT 3.1.1 section 3.9): the packet identifier and one return code per filter, each 0x00, 0x01,
 * 0x02, or 0x80 (Failure) which exists in 3.1.1 only ([MQTT-3.9.3-2] 3.1.1). A reason string or user properties
 * are refused.
 */
final class Mqtt311SubAckEncoder extends FixedHeaderEncoder<SubAckPacket> {

    static final int FAILURE = 0x80;

    @Override
    protected int remainingLength(SubAckPacket packet, EncodeContext context) {
        MqttVersion version = context.version();
        Mqtt311Fields.checkPacketId("SUBACK", packet.packetId());
        requireMqtt5Absent(packet.reasonString() == null, "SUBACK reason string", version);
        requireMqtt5Absent(packet.userProperties(), "SUBACK user properties", version);
        Mqtt311Fields.requireNonEmpty(packet.reasonCodes(), "SUBACK", "return code");
        for (int returnCode : packet.reasonCodes()) {
            if (!isValidReturnCode(returnCode, version)) {
                throw MqttEncodeException.invalid("SUBACK return code 0x" + Integer.toHexString(returnCode)
                        + " does not exist in " + version);
            }
        }
        long length = 2L + packet.reasonCodes().size();
        context.checkFits("SUBACK", length);
        return (int) length;
    }

    @Override
    protected void writeBody(SubAckPacket packet, ByteBuf out, EncodeContext context) {
        out.writeShort(packet.packetId());
        for (int returnCode : packet.reasonCodes()) {
            out.writeByte(returnCode);
        }
    }

    static boolean isValidReturnCode(int returnCode, MqttVersion version) {
        return returnCode >= 0 && returnCode <= 2 || returnCode == FAILURE && !Mqtt311Fields.isMqtt31(version);
    }
}
