package io.mqttreactive.netty.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 encoded strings with a two-byte length prefix (MQTT 3.1.1 section 1.5.3, MQTT 5.0 section 1.5.4):
 * well-formed, no surrogate code points, no U+0000 ([MQTT-1.5.3-1], [MQTT-1.5.3-2] 3.1.1; [MQTT-1.5.4-1],
 * [MQTT-1.5.4-2] 5.0), at most 65,535 bytes. A leading U+FEFF is kept ([MQTT-1.5.3-3] 3.1.1, [MQTT-1.5.4-3] 5.0).
 */
public final class MqttUtf8 {

    public static final int MAX_BYTES = 65_535;

    private MqttUtf8() {
    }

    /** Returns the encoded size of {@code s} without its length prefix, validating it on the way. */
    public static int encodedLength(String s) {
        int length = s.length();
        int bytes = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == 0) {
                    throw MqttEncodeException.invalid("UTF-8 string contains U+0000 at index " + i);
                }
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw MqttEncodeException.invalid("UTF-8 string contains an unpaired surrogate at index " + i);
            } else {
                bytes += 3;
            }
        }
        if (bytes > MAX_BYTES) {
            throw MqttEncodeException.invalid("UTF-8 string of " + bytes + " bytes exceeds " + MAX_BYTES);
        }
        return bytes;
    }

    /** Returns the encoded size of {@code s} including its two-byte length prefix. */
    public static int size(String s) {
        return 2 + encodedLength(s);
    }

    /** Writes {@code s} with its length prefix; {@code s} must have passed {@link #encodedLength}. */
    public static void write(ByteBuf out, String s) {
        int length = ByteBufUtil.utf8Bytes(s);
        out.writeShort(length);
        ByteBufUtil.reserveAndWriteUtf8(out, s, length);
    }

    /** Reads a length-prefixed string that must lie complete inside {@code in}. */
    public static String read(ByteBuf in) {
        if (in.readableBytes() < 2) {
            throw MqttDecodeException.malformed("UTF-8 string length truncated");
        }
        int length = in.readUnsignedShort();
        if (in.readableBytes() < length) {
            throw MqttDecodeException.malformed(
                    "UTF-8 string of " + length + " bytes but only " + in.readableBytes() + " remain");
        }
        int start = in.readerIndex();
        in.skipBytes(length);
        return isPlainAscii(in, start, length)
                ? in.toString(start, length, StandardCharsets.US_ASCII)
                : decodeStrict(in, start, length);
    }

    private static boolean isPlainAscii(ByteBuf in, int start, int length) {
        for (int i = start, end = start + length; i < end; i++) {
            byte b = in.getByte(i);
            if (b <= 0) {
                return false;
            }
        }
        return true;
    }

    private static String decodeStrict(ByteBuf in, int start, int length) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in.nioBuffer(start, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw MqttDecodeException.malformed("ill-formed UTF-8 string");
        }
        if (s.indexOf('\u0000') >= 0) {
            throw MqttDecodeException.malformed("UTF-8 string contains U+0000");
        }
        return s;
    }
}
