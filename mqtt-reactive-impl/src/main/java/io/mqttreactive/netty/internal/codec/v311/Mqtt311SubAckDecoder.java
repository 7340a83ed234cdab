package io.mqttreactive.netty.internal.codec.v311;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes SUBACK (MQTT 3.1.1 section 3.9). A return code other than 0x00, 0x01, 0x02 or, in 3.1.1 only, 0x80
 * ([MQTT-3.9.3-2] 3.1.1), and a SUBACK without any return code, are protocol errors.
 */
final class Mqtt311SubAckDecoder implements PacketDecoder {

    @Override
    public MqttPacket decode(int flags, ByteBuf body, DecodeContext context) {
        int packetId = Mqtt311Fields.readPacketId("SUBACK", body);
        if (!body.isReadable()) {
            throw MqttDecodeException.protocolError("SUBACK carries no return code");
        }
        List<Integer> returnCodes = new ArrayList<>(body.readableBytes());
        while (body.isReadable()) {
            int returnCode = body.readUnsignedByte();
            if (!Mqtt311SubAckEncoder.isValidReturnCode(returnCode, context.version())) {
                throw MqttDecodeException.protocolError("SUBACK return code 0x" + Integer.toHexString(returnCode)
                        + " is not defined in " + context.version());
            }
            returnCodes.add(returnCode);
        }
        return SubAckPacket.of(packetId, returnCodes);
    }
}
