package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.PingRespPacket;
import io.netty.buffer.ByteBuf;

/** Decodes PINGRESP (MQTT 5.0 section 3.13); any byte of body is left over and so Malformed. */
final class Mqtt5PingRespDecoder implements PacketDecoder {

    @Override
    public PingRespPacket decode(int flags, ByteBuf body, DecodeContext context) {
        return PingRespPacket.INSTANCE;
    }
}
