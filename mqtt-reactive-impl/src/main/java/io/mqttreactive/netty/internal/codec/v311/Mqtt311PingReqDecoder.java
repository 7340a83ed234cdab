package io.mqttreactive.netty.internal.codec.v311;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.PingReqPacket;
import io.netty.buffer.ByteBuf;

/**
 * Decodes PINGREQ (MQTT 3.1.1 section 3.12): it has no body, so any byte in it is left over and makes the
 * dispatcher throw a malformed error.
 */
final class Mqtt311PingReqDecoder implements PacketDecoder {

    @Override
    public MqttPacket decode(int flags, ByteBuf body, DecodeContext context) {
        return PingReqPacket.INSTANCE;
    }
}
