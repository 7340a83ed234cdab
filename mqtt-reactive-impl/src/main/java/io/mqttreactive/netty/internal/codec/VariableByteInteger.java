package io.mqttreactive.netty.internal.codec;

import io.netty.buffer.ByteBuf;

/**
 * The variable byte integer of MQTT 3.1.1 section 2.2.3 and MQTT 5.0 section 1.5.5: 7 bits a byte,
 * at most 4 bytes, so at most 268,435,455; always written in the fewest bytes ([MQTT-1.5.5-1] 5.0).
 */
public final class VariableByteInteger {

    public static final int MAX_VALUE = 268_435_455;

    /** Returned by {@link #read} when the buffer ends before the integer does. */
    public static final int INCOMPLETE = -1;

    private VariableByteInteger() {
    }

    /** Returns the number of bytes {@code value} encodes to. */
    public static int size(int value) {
        if (value < 0 || value > MAX_VALUE) {
            throw MqttEncodeException.invalid("variable byte integer out of range: " + value);
        }
        if (value < 128) {
            return 1;
        }
        if (value < 16_384) {
            return 2;
        }
        return value < 2_097_152 ? 3 : 4;
    }

    public static void write(ByteBuf out, int value) {
        do {
            int digit = value & 0x7F;
            value >>>= 7;
            out.writeByte(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
    }

    /**
     * Reads an integer, or returns {@link #INCOMPLETE} with the reader index unchanged when the buffer ends
     * first; a fifth byte is malformed.
     */
    public static int read(ByteBuf in) {
        int start = in.readerIndex();
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            if (!in.isReadable()) {
                in.readerIndex(start);
                return INCOMPLETE;
            }
            int digit = in.readUnsignedByte();
            value |= (digit & 0x7F) << shift;
            if ((digit & 0x80) == 0) {
                return value;
            }
        }
        throw MqttDecodeException.malformed("variable byte integer longer than 4 bytes");
    }

    /** Reads an integer that must be complete inside {@code in}, as within a packet body. */
    public static int readComplete(ByteBuf in) {
        int value = read(in);
        if (value == INCOMPLETE) {
            throw MqttDecodeException.malformed("variable byte integer truncated");
        }
        return value;
    }
}
