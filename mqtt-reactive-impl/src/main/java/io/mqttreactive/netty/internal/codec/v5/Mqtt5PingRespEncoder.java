package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.packet.PingRespPacket;
import io.netty.buffer.ByteBuf;

/** Encodes PINGRESP (MQTT 5.0 section 3.13): a fixed header with remaining length 0. */
final class Mqtt5PingRespEncoder extends FixedHeaderEncoder<PingRespPacket> {

    @Override
    protected int remainingLength(PingRespPacket packet, EncodeContext context) {
        return 0;
    }

    @Override
    protected void writeBody(PingRespPacket packet, ByteBuf out, EncodeContext context) {
    }
}
