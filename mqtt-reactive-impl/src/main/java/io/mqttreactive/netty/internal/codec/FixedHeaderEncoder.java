package io.mqttreactive.netty.internal.codec;

import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The common shape of an encoder: the body size, the fixed-header byte, then the body. Subclasses that must
 * drop optional content to fit the peer's limit (MQTT 5 reason strings and user properties) override
 * {@link #encode}.
 */
public abstract class FixedHeaderEncoder<P extends MqttPacket> implements PacketEncoder<P> {

    @Override
    public ByteBuf encode(P packet, ByteBufAllocator allocator, EncodeContext context) {
        int remainingLength = remainingLength(packet, context);
        context.checkFits(packet.type().name(), remainingLength);
        return allocateAndWrite(packet, allocator, remainingLength, context);
    }

    protected final ByteBuf allocateAndWrite(P packet, ByteBufAllocator allocator, int remainingLength,
            EncodeContext context) {
        int size = EncodeContext.packetSize(remainingLength);
        ByteBuf out = allocator.buffer(size, size);
        try {
            out.writeByte(firstByte(packet));
            VariableByteInteger.write(out, remainingLength);
            writeBody(packet, out, context);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** Returns the fixed-header byte: the type in the high nibble and the flags in the low one. */
    protected int firstByte(P packet) {
        return packet.type().code() << 4 | packet.type().requiredFlags();
    }

    /** Returns the size of the variable header and payload, validating every field on the way. */
    protected abstract int remainingLength(P packet, EncodeContext context);

    protected abstract void writeBody(P packet, ByteBuf out, EncodeContext context);
}
