package io.mqttreactive.netty.internal.codec.v311;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;

/**
 * Decodes CONNACK (MQTT 3.1.1 section 3.2). In 3.1.1 the reserved bits 7 to 1 of the acknowledge flags are
 * malformed when set, and Session Present with a non-zero return code is a protocol error ([MQTT-3.2.2-4] 3.1.1);
 * in 3.1 the first byte is reserved and ignored, and Session Present is false. A return code above 5 is not
 * defined by either version and is a protocol error, as MQTT 5 classifies an invalid reason code.
 */
final class Mqtt311ConnAckDecoder implements PacketDecoder {

    private static final int RESERVED_ACKNOWLEDGE_FLAGS = 0xFE;

    @Override
    public MqttPacket decode(int flags, ByteBuf body, DecodeContext context) {
        if (body.readableBytes() < 2) {
            throw MqttDecodeException.malformed("CONNACK needs 2 bytes, has " + body.readableBytes());
        }
        int acknowledgeFlags = body.readUnsignedByte();
        int returnCode = body.readUnsignedByte();
        if (returnCode > Mqtt311ConnAckEncoder.MAX_RETURN_CODE) {
            throw MqttDecodeException.protocolError("CONNACK return code 0x" + Integer.toHexString(returnCode)
                    + " is not defined in " + context.version());
        }
        if (Mqtt311Fields.isMqtt31(context.version())) {
            return ConnAckPacket.of(false, returnCode);
        }
        if ((acknowledgeFlags & RESERVED_ACKNOWLEDGE_FLAGS) != 0) {
            throw MqttDecodeException.malformed("CONNACK reserved acknowledge flags set: 0x"
                    + Integer.toHexString(acknowledgeFlags));
        }
        boolean sessionPresent = (acknowledgeFlags & Mqtt311ConnAckEncoder.SESSION_PRESENT_FLAG) != 0;
        if (sessionPresent && returnCode != 0) {
            throw MqttDecodeException.protocolError("CONNACK session present with return code " + returnCode);
        }
        return ConnAckPacket.of(sessionPresent, returnCode);
    }
}
