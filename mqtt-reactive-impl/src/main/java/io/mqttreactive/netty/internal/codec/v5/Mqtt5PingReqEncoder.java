package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.packet.PingReqPacket;
import io.netty.buffer.ByteBuf;

/** Encodes PINGREQ (MQTT 5.0 section 3.12): a fixed header with remaining length 0. */
final class Mqtt5PingReqEncoder extends FixedHeaderEncoder<PingReqPacket> {

    @Override
    protected int remainingLength(PingReqPacket packet, EncodeContext context) {
        return 0;
    }

    @Override
    protected void writeBody(PingReqPacket packet, ByteBuf out, EncodeContext context) {
    }
}
