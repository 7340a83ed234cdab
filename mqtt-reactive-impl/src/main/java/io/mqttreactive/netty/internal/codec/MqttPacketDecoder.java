package io.mqttreactive.netty.internal.codec;

import io.mqttreactive.netty.internal.codec.v311.Mqtt311Codec;
import io.mqttreactive.netty.internal.codec.v5.Mqtt5Codec;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;

/**
 * Cuts packets off the front of a byte stream and decodes them with the decoder of their type and version.
 * The remaining length is checked against the maximum packet size before the body is awaited, so an
 * announced size is never trusted for an allocation; the reserved fixed-header flags are checked
 * ([MQTT-2.2.2-2] 3.1.1, [MQTT-2.1.3-1] 5.0); a body must be consumed exactly.
 */
public final class MqttPacketDecoder {

    private static final PacketDecoder[] MQTT_3 = Mqtt311Codec.decoders();
    private static final PacketDecoder[] MQTT_5 = Mqtt5Codec.decoders();

    private MqttPacketDecoder() {
    }

    /**
     * Decodes the packet at the front of {@code in} and moves past it, or returns {@code null} with the reader
     * index unchanged when the packet is not complete yet.
     *
     * @throws MqttDecodeException if the packet is malformed, breaks the protocol or is too large
     */
    public static @Nullable MqttPacket decode(ByteBuf in, DecodeContext context) {
        int start = in.readerIndex();
        if (!in.isReadable()) {
            return null;
        }
        int firstByte = in.readUnsignedByte();
        int remainingLength = VariableByteInteger.read(in);
        if (remainingLength == VariableByteInteger.INCOMPLETE) {
            in.readerIndex(start);
            return null;
        }
        long packetSize = (long) in.readerIndex() - start + remainingLength;
        if (packetSize > context.maximumPacketSize()) {
            throw MqttDecodeException.tooLarge(packetSize, context.maximumPacketSize());
        }
        if (in.readableBytes() < remainingLength) {
            in.readerIndex(start);
            return null;
        }
        PacketDecoder decoder = decoderFor(firstByte, context);
        return decodeBody(decoder, firstByte & 0x0F, in, remainingLength, context);
    }

    /**
     * Lets {@code decoder} read the body from {@code in} itself, its writer index moved to the end of the body
     * for the time of the call, so that no slice is allocated; whatever happens, {@code in} is left past the
     * body with its writer index restored.
     */
    private static MqttPacket decodeBody(PacketDecoder decoder, int flags, ByteBuf in, int remainingLength,
            DecodeContext context) {
        int end = in.readerIndex() + remainingLength;
        int writerIndex = in.writerIndex();
        in.writerIndex(end);
        try {
            MqttPacket packet = decoder.decode(flags, in, context);
            if (in.isReadable()) {
                throw MqttDecodeException.malformed(packet.type() + " has " + in.readableBytes()
                        + " bytes beyond its content");
            }
            return packet;
        } finally {
            in.setIndex(end, writerIndex);
        }
    }

    private static PacketDecoder decoderFor(int firstByte, DecodeContext context) {
        MqttPacketType type = MqttPacketType.fromCode(firstByte >> 4);
        PacketDecoder decoder = type == null ? null : (context.version().isMqtt5() ? MQTT_5 : MQTT_3)[type.code()];
        if (decoder == null) {
            throw MqttDecodeException.malformed("packet type " + (firstByte >> 4) + " is reserved in " + context.version());
        }
        int flags = firstByte & 0x0F;
        if (type.requiredFlags() >= 0 && flags != type.requiredFlags()) {
            throw MqttDecodeException.malformed("invalid fixed header flags 0x" + Integer.toHexString(flags)
                    + " for " + type);
        }
        return decoder;
    }
}
