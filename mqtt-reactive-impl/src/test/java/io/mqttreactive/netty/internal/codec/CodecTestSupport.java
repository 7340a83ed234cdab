package io.mqttreactive.netty.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * Byte-level helpers for codec tests: hex vectors written field by field, encoding to a released byte array,
 * decoding through the real frame dispatcher, and assertions on encode and decode failures.
 */
public final class CodecTestSupport {

    private CodecTestSupport() {
    }

    /** Joins hex fragments, each one field of a vector; spaces inside a fragment are ignored. */
    public static byte[] hex(String... fields) {
        StringBuilder all = new StringBuilder();
        for (String field : fields) {
            all.append(field.replace(" ", ""));
        }
        return HexFormat.of().parseHex(all);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] filled(int length, char c) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    /** Encodes with the protocol's maximum packet size, checks the buffer was allocated at its exact size. */
    public static byte[] encode(MqttPacket packet, MqttVersion version) {
        return encode(packet, EncodeContext.of(version));
    }

    public static byte[] encode(MqttPacket packet, EncodeContext context) {
        ByteBuf out = MqttPacketEncoder.encode(packet, UnpooledByteBufAllocator.DEFAULT, context);
        try {
            assertThat(out.capacity()).as("allocated exactly once at the final size").isEqualTo(out.readableBytes());
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /** Decodes one whole packet through {@link MqttPacketDecoder} and checks every byte was consumed. */
    public static MqttPacket decode(byte[] bytes, MqttVersion version) {
        return decode(bytes, DecodeContext.of(version));
    }

    public static MqttPacket decode(byte[] bytes, DecodeContext context) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            MqttPacket packet = MqttPacketDecoder.decode(in, context);
            assertThat(packet).as("a complete packet").isNotNull();
            assertThat(in.isReadable()).as("all bytes consumed").isFalse();
            return packet;
        } finally {
            in.release();
        }
    }

    /** Asserts both directions: the packet encodes to the bytes and the bytes decode to an equal packet. */
    public static void assertGolden(MqttPacket packet, MqttVersion version, byte[] bytes) {
        assertSameBytes(encode(packet, version), bytes);
        assertSamePacket(decode(bytes, version), packet);
    }

    /** Asserts equal bytes; a difference is reported by its first offset with a few bytes of context. */
    public static void assertSameBytes(byte[] actual, byte[] expected) {
        int mismatch = Arrays.mismatch(actual, expected);
        assertThat(mismatch).as(() -> "first difference at byte " + mismatch + " (lengths " + actual.length + " and "
                + expected.length + "): actual " + window(actual, mismatch) + ", expected " + window(expected, mismatch))
                .isEqualTo(-1);
    }

    private static String window(byte[] bytes, int offset) {
        int from = Math.max(0, offset - 4);
        int to = Math.min(bytes.length, offset + 8);
        return "..." + HexFormat.ofDelimiter(" ").formatHex(bytes, from, to) + "...";
    }

    /**
     * Asserts that two packets hold equal values, byte arrays compared by content. AssertJ's recursive comparison
     * cannot read the records from the unnamed module because the packet package is not opened to it; this test
     * code runs inside the module and renders every record component instead.
     */
    public static void assertSamePacket(MqttPacket actual, MqttPacket expected) {
        assertThat(render(actual)).isEqualTo(render(expected));
    }

    static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CodecTestSupport::render).collect(Collectors.joining(", ", "[", "]"));
        }
        if (!value.getClass().isRecord()) {
            return String.valueOf(value);
        }
        StringJoiner fields = new StringJoiner(", ", value.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            try {
                fields.add(component.getName() + "=" + render(component.getAccessor().invoke(value)));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot read " + component, e);
            }
        }
        return fields.toString();
    }

    public static AbstractThrowableAssert<?, ? extends Throwable> assertDecodeFails(byte[] bytes, MqttVersion version,
            int reasonCode) {
        return assertDecodeFails(bytes, DecodeContext.of(version), reasonCode);
    }

    public static AbstractThrowableAssert<?, ? extends Throwable> assertDecodeFails(byte[] bytes,
            DecodeContext context, int reasonCode) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            return assertThatThrownBy(() -> MqttPacketDecoder.decode(in, context))
                    .isInstanceOfSatisfying(MqttDecodeException.class,
                            e -> assertThat(e.reasonCode()).as("reason code").isEqualTo(reasonCode));
        } finally {
            in.release();
        }
    }

    /** Asserts that encoding is refused as invalid, with a message naming the offending field. */
    public static AbstractThrowableAssert<?, ? extends Throwable> assertEncodeInvalid(MqttPacket packet,
            MqttVersion version) {
        return assertThatThrownBy(() -> encode(packet, version))
                .isInstanceOfSatisfying(MqttEncodeException.class,
                        e -> assertThat(e.reasonCode()).isEqualTo(0x81));
    }
}
