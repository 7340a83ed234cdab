package io.mqttreactive.netty.internal.codec;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertDecodeFails;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PingRespPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Frame cutting, size limit and fixed-header checks of {@link MqttPacketDecoder}, exercised with MQTT 3.1.1. */
class MqttPacketDecoderTest {

    private static final MqttVersion V311 = MqttVersion.MQTT_3_1_1;
    private static final DecodeContext CONTEXT = DecodeContext.of(V311);

    @ParameterizedTest(name = "prefix {0}")
    @ValueSource(strings = {"", "30", "30 80", "30 ff ff ff", "30 05", "30 05 00 03 61", "30 05 00 03 61 2f"})
    @DisplayName("an incomplete header or body returns null and leaves the reader index where it was")
    void incompleteReturnsNull(String prefix) {
        ByteBuf in = Unpooled.wrappedBuffer(hex("ee", prefix));
        try {
            in.skipBytes(1);
            assertThat(MqttPacketDecoder.decode(in, CONTEXT)).isNull();
            assertThat(in.readerIndex()).isEqualTo(1);
        } finally {
            in.release();
        }
    }

    @Test
    @DisplayName("a packet arriving in pieces is decoded once complete")
    void decodesOnceComplete() {
        ByteBuf in = Unpooled.buffer();
        try {
            in.writeBytes(hex("30 05 00 03"));
            assertThat(MqttPacketDecoder.decode(in, CONTEXT)).isNull();
            in.writeBytes(hex("61 2f 62"));
            CodecTestSupport.assertSamePacket(MqttPacketDecoder.decode(in, CONTEXT),
                    PublishPacket.of("a/b", new byte[0], MqttQos.AT_MOST_ONCE, false, false, 0));
            assertThat(in.isReadable()).isFalse();
        } finally {
            in.release();
        }
    }

    @Test
    @DisplayName("back-to-back packets are cut one at a time")
    void cutsConsecutivePackets() {
        ByteBuf in = Unpooled.wrappedBuffer(hex("d0 00", "40 02 00 07", "50"));
        try {
            assertThat(MqttPacketDecoder.decode(in, CONTEXT)).isEqualTo(PingRespPacket.INSTANCE);
            assertThat(MqttPacketDecoder.decode(in, CONTEXT)).isEqualTo(AckPacket.of(MqttPacketType.PUBACK, 7));
            assertThat(MqttPacketDecoder.decode(in, CONTEXT)).isNull();
            assertThat(in.readableBytes()).isEqualTo(1);
        } finally {
            in.release();
        }
    }

    @Test
    @DisplayName("a body is read up to its end only: the payload stops where the next packet begins")
    void bodyEndsWherePacketEnds() {
        ByteBuf in = Unpooled.wrappedBuffer(hex("30 05 0001 61 6869", "d0 00"));
        try {
            CodecTestSupport.assertSamePacket(MqttPacketDecoder.decode(in, CONTEXT),
                    PublishPacket.of("a", hex("6869"), MqttQos.AT_MOST_ONCE, false, false, 0));
            assertThat(in.readerIndex()).isEqualTo(7);
            assertThat(in.writerIndex()).isEqualTo(9);
            assertThat(MqttPacketDecoder.decode(in, CONTEXT)).isEqualTo(PingRespPacket.INSTANCE);
        } finally {
            in.release();
        }
    }

    @Test
    @DisplayName("a field cut short by the remaining length is malformed (0x81), never read from the next packet")
    void truncatedFieldDoesNotReachNextPacket() {
        ByteBuf in = Unpooled.wrappedBuffer(hex("32 03 0001 61", "d0 00"));
        try {
            assertThatThrownBy(() -> MqttPacketDecoder.decode(in, CONTEXT))
                    .isInstanceOfSatisfying(MqttDecodeException.class, e -> assertThat(e.reasonCode()).isEqualTo(0x81));
            assertThat(in.readerIndex()).as("reader index past the packet").isEqualTo(5);
            assertThat(in.writerIndex()).as("writer index as it was").isEqualTo(7);
        } finally {
            in.release();
        }
    }

    @ParameterizedTest(name = "header {0}")
    @CsvSource({
        "30 09,           10",
        "30 ff ff ff 7f,  1000",
        "30 80 01,        130",
    })
    @DisplayName("a remaining length above the maximum packet size is too large (0x95) before the body arrives")
    void tooLargeBeforeBody(String header, int maximumPacketSize) {
        assertDecodeFails(hex(header), new DecodeContext(V311, maximumPacketSize), 0x95)
                .hasMessageContaining("exceeds the maximum packet size of " + maximumPacketSize);
    }

    @Test
    @DisplayName("a packet of exactly the maximum packet size is accepted")
    void exactlyMaximumPacketSize() {
        byte[] bytes = hex("30 08", "00 03 61 2f 62", "78 79 7a");
        MqttPacket packet = CodecTestSupport.decode(bytes, new DecodeContext(V311, bytes.length));
        assertThat(packet).isInstanceOf(PublishPacket.class);
    }

    @Test
    @DisplayName("the protocol maximum remaining length 268,435,455 is awaited, not refused")
    void protocolMaximumIsAwaited() {
        ByteBuf in = Unpooled.wrappedBuffer(hex("30 ff ff ff 7f 00"));
        try {
            assertThat(MqttPacketDecoder.decode(in, CONTEXT)).isNull();
            assertThat(in.readerIndex()).isZero();
        } finally {
            in.release();
        }
    }

    @Test
    @DisplayName("a remaining length of five bytes is malformed (0x81)")
    void fiveByteRemainingLength() {
        assertDecodeFails(hex("30 ff ff ff ff 01"), V311, 0x81);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "reserved type 0,                          00 00",
        "reserved type 0 with flags,               0f 00",
        "AUTH does not exist in 3.1.1,             f0 00",
    })
    @DisplayName("[MQTT-2.2.1] (3.1.1) a reserved or unknown packet type is malformed (0x81)")
    void reservedTypeIsMalformed(String description, String bytes) {
        assertDecodeFails(hex(bytes), V311, 0x81).hasMessageContaining("reserved");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "CONNACK flags 0001,      21 02 00 00",
        "PUBACK flags 0010,       42 02 00 01",
        "PUBREL flags 0000,       60 02 00 01",
        "PUBREL with DUP 1010,    6a 02 00 01",
        "SUBSCRIBE flags 0000,    80 06 00 01 00 01 61 00",
        "UNSUBSCRIBE flags 0011,  a3 05 00 01 00 01 61",
        "PINGRESP flags 1000,     d8 00",
        "DISCONNECT flags 0001,   e1 00",
    })
    @DisplayName("[MQTT-2.2.2-2] (3.1.1) invalid fixed-header flags are malformed (0x81)")
    void badFlagsAreMalformed(String description, String bytes) {
        assertDecodeFails(hex(bytes), V311, 0x81).hasMessageContaining("flags");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "PINGRESP with a body byte,      d0 01 00",
        "PUBACK with a third byte,       40 03 00 01 00",
        "CONNACK with a third byte,      20 03 00 00 00",
        "UNSUBACK with a third byte,     b0 03 00 01 00",
        "DISCONNECT with a body byte,    e0 01 00",
    })
    @DisplayName("bytes left over after the packet content are malformed (0x81)")
    void leftOverBytesAreMalformed(String description, String bytes) {
        assertDecodeFails(hex(bytes), V311, 0x81).hasMessageContaining("beyond its content");
    }
}
