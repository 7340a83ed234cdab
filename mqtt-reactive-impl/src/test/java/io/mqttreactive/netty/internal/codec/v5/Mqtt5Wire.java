package io.mqttreactive.netty.internal.codec.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.codec.MqttPacketDecoder;
import io.mqttreactive.netty.internal.codec.MqttPacketEncoder;
import io.mqttreactive.netty.internal.codec.VariableByteInteger;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Encodes and decodes through the public dispatchers with MQTT 5 contexts, releasing every buffer. */
final class Mqtt5Wire {

    static final EncodeContext ENCODE = EncodeContext.of(MqttVersion.MQTT_5_0);
    static final DecodeContext DECODE = DecodeContext.of(MqttVersion.MQTT_5_0);

    private Mqtt5Wire() {
    }

    /** Joins hex fragments, ignoring spaces, into bytes. */
    static byte[] hex(String... fragments) {
        return ByteBufUtil.decodeHexDump(String.join("", fragments).replace(" ", ""));
    }

    /** Builds a packet from its first byte and body fragments, computing the remaining length. */
    static byte[] packet(String firstByte, String... body) {
        byte[] bodyBytes = hex(body);
        ByteBuf out = Unpooled.buffer();
        try {
            out.writeBytes(hex(firstByte));
            VariableByteInteger.write(out, bodyBytes.length);
            out.writeBytes(bodyBytes);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    static byte[] encode(MqttPacket packet) {
        return encode(packet, ENCODE);
    }

    /** Encodes and checks that the size computed up front matched the bytes written exactly. */
    static byte[] encode(MqttPacket packet, EncodeContext context) {
        ByteBuf out = MqttPacketEncoder.encode(packet, UnpooledByteBufAllocator.DEFAULT, context);
        try {
            assertThat(out.writableBytes()).as("bytes allocated but not written").isZero();
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /** Decodes one complete packet and checks that nothing of the input is left. */
    static MqttPacket decode(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            MqttPacket packet = MqttPacketDecoder.decode(in, DECODE);
            assertThat(packet).as("complete packet").isNotNull();
            assertThat(in.readableBytes()).as("unread bytes").isZero();
            return packet;
        } finally {
            in.release();
        }
    }

    /** Asserts both directions: the packet encodes to exactly these bytes and the bytes decode to the packet. */
    static void assertGolden(MqttPacket packet, byte[] bytes) {
        assertThat(ByteBufUtil.hexDump(encode(packet))).as("encoded").isEqualTo(ByteBufUtil.hexDump(bytes));
        assertDecodesTo(bytes, packet);
    }

    static void assertDecodesTo(byte[] bytes, MqttPacket packet) {
        assertSamePacket(decode(bytes), packet);
    }

    /**
     * Compares packets component by component, byte arrays by content. AssertJ's recursive comparison cannot
     * reflect into the packet records from the unnamed module; this code runs inside the module and calls the
     * record accessors instead.
     */
    static void assertSamePacket(MqttPacket actual, MqttPacket expected) {
        assertThat(render(actual)).as("decoded").isEqualTo(render(expected));
    }

    private static String render(@Nullable Object value) {
        if (value instanceof byte[] bytes) {
            return "0x" + ByteBufUtil.hexDump(bytes);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Mqtt5Wire::render).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value == null || !value.getClass().isRecord()) {
            return String.valueOf(value);
        }
        StringJoiner components = new StringJoiner(", ", value.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            try {
                components.add(component.getName() + "=" + render(component.getAccessor().invoke(value)));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot read " + component, e);
            }
        }
        return components.toString();
    }

    static MqttDecodeException decodeError(byte[] bytes) {
        MqttDecodeException error = catchThrowableOfType(MqttDecodeException.class, () -> decode(bytes));
        assertThat(error).as("decode error").isNotNull();
        return error;
    }

    static void assertMalformed(byte[] bytes) {
        assertThat(decodeError(bytes).reasonCode()).as("reason code").isEqualTo(0x81);
    }

    static void assertProtocolError(byte[] bytes) {
        assertThat(decodeError(bytes).reasonCode()).as("reason code").isEqualTo(0x82);
    }

    static MqttEncodeException encodeError(MqttPacket packet) {
        return encodeError(packet, ENCODE);
    }

    static MqttEncodeException encodeError(MqttPacket packet, EncodeContext context) {
        MqttEncodeException error = catchThrowableOfType(MqttEncodeException.class, () -> encode(packet, context));
        assertThat(error).as("encode error").isNotNull();
        return error;
    }

    static void assertInvalid(MqttPacket packet) {
        assertThat(encodeError(packet).reasonCode()).as("reason code").isEqualTo(0x81);
    }

    static EncodeContext peerMaximum(long maximumPacketSize) {
        return new EncodeContext(MqttVersion.MQTT_5_0, maximumPacketSize);
    }
}
