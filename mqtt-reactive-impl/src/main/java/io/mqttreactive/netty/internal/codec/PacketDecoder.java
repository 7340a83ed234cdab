package io.mqttreactive.netty.internal.codec;

import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;

/**
 * Decodes the body of one packet type in one protocol version. The readable bytes of {@code body} are exactly
 * the remaining length announced by the fixed header; a decoder that does not consume all of it, or needs more,
 * throws a malformed {@link MqttDecodeException}. Decoders read {@code body} only through its reader index and
 * never retain it, slice it past its writer index or change its writer index.
 */
@FunctionalInterface
public interface PacketDecoder {

    MqttPacket decode(int flags, ByteBuf body, DecodeContext context);
}
