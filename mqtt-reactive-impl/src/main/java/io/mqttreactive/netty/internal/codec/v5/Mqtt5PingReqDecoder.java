package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.PingReqPacket;
import io.netty.buffer.ByteBuf;

/** Decodes PINGREQ (MQTT 5.0 section 3.12); any byte of body is left over and so Malformed. */
final class Mqtt5PingReqDecoder implements PacketDecoder {

    @Override
    public PingReqPacket decode(int flags, ByteBuf body, DecodeContext context) {
        return PingReqPacket.INSTANCE;
    }
}
