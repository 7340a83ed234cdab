package io.mqttreactive.netty.internal.codec;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The variable byte integer of MQTT 3.1.1 section 2.2.3 and MQTT 5.0 section 1.5.5. */
class VariableByteIntegerTest {

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource({
        "0,         00",
        "127,       7f",
        "128,       8001",
        "16383,     ff7f",
        "16384,     808001",
        "2097151,   ffff7f",
        "2097152,   80808001",
        "268435455, ffffff7f",
    })
    @DisplayName("[MQTT-1.5.5-1] (5.0) every boundary value is written in the fewest bytes and read back")
    void encodesAndDecodesBoundaries(int value, String expectedHex) {
        byte[] expected = hex(expectedHex);
        assertThat(VariableByteInteger.size(value)).isEqualTo(expected.length);
        ByteBuf out = Unpooled.buffer();
        ByteBuf in = Unpooled.wrappedBuffer(concatWithTrailer(expected));
        try {
            VariableByteInteger.write(out, value);
            assertThat(ByteBufUtil.getBytes(out)).isEqualTo(expected);
            assertThat(VariableByteInteger.read(in)).isEqualTo(value);
            assertThat(in.readerIndex()).as("stops right after the last byte").isEqualTo(expected.length);
        } finally {
            out.release();
            in.release();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 268_435_456, Integer.MAX_VALUE, Integer.MIN_VALUE})
    @DisplayName("values outside 0..268,435,455 cannot be encoded")
    void refusesOutOfRange(int value) {
        assertThatThrownBy(() -> VariableByteInteger.size(value)).isInstanceOf(MqttEncodeException.class)
                .hasMessageContaining(String.valueOf(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffffffff01", "ffffffff7f", "8080808000"})
    @DisplayName("a fifth byte is malformed (0x81)")
    void fiveBytesAreMalformed(String bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(hex(bytes));
        try {
            assertThatThrownBy(() -> VariableByteInteger.read(in)).isInstanceOfSatisfying(MqttDecodeException.class,
                    e -> assertThat(e.reasonCode()).isEqualTo(0x81));
        } finally {
            in.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "80", "ffff", "ffffff"})
    @DisplayName("an integer cut short is incomplete and leaves the reader index where it was")
    void incompleteLeavesReaderIndex(String bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(hex("aa", bytes));
        try {
            in.skipBytes(1);
            assertThat(VariableByteInteger.read(in)).isEqualTo(VariableByteInteger.INCOMPLETE);
            assertThat(in.readerIndex()).isEqualTo(1);
        } finally {
            in.release();
        }
    }

    @Test
    @DisplayName("inside a packet body a truncated integer is malformed (0x81)")
    void readCompleteRefusesTruncation() {
        ByteBuf in = Unpooled.wrappedBuffer(hex("ff ff"));
        try {
            assertThatThrownBy(() -> VariableByteInteger.readComplete(in))
                    .isInstanceOfSatisfying(MqttDecodeException.class, e -> assertThat(e.reasonCode()).isEqualTo(0x81));
        } finally {
            in.release();
        }
    }

    @Test
    void readCompleteReturnsACompleteValue() {
        ByteBuf in = Unpooled.wrappedBuffer(hex("80 80 01"));
        try {
            assertThat(VariableByteInteger.readComplete(in)).isEqualTo(16_384);
        } finally {
            in.release();
        }
    }

    private static byte[] concatWithTrailer(byte[] encoded) {
        return CodecTestSupport.concat(encoded, hex("55"));
    }
}
