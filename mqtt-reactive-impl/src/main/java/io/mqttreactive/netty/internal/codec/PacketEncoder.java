package io.mqttreactive.netty.internal.codec;

import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Encodes one packet type in one protocol version: computes the size first, refuses a packet above the peer's
 * maximum packet size, then allocates the exact size once.
 */
public interface PacketEncoder<P extends MqttPacket> {

    ByteBuf encode(P packet, ByteBufAllocator allocator, EncodeContext context);
}
