package io.mqttreactive.netty.internal.codec;

import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;

/**
 * Decodes the body of one packet type in one protocol version. {@code body} holds exactly the remaining
 * length announced by the fixed header; a decoder that does not consume all of it, or needs more, throws
 * a malformed {@link MqttDecodeException}. Decoders never retain {@code body}.
 */
@FunctionalInterface
public interface PacketDecoder {

    MqttPacket decode(int flags, ByteBuf body, DecodeContext context);
}
