package io.mqttreactive.netty.internal.codec;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.filled;
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

/** Binary data with a two-byte length (MQTT 3.1.1 section 3.1.3.5 password, MQTT 5.0 section 1.5.6). */
class MqttBinaryTest {

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource({
        "'',        0000",
        "00,        0001 00",
        "00ff7f80,  0004 00ff7f80",
    })
    void encodesAndDecodesBothWays(String data, String wire) {
        byte[] bytes = hex(data);
        assertThat(MqttBinary.size(bytes)).isEqualTo(2 + bytes.length);
        assertThat(write(bytes)).isEqualTo(hex(wire));
        assertThat(read(hex(wire))).isEqualTo(bytes);
    }

    @Test
    @DisplayName("65,535 bytes are accepted both ways")
    void acceptsMaximumLength() {
        byte[] longest = filled(65_535, 'p');
        assertThat(MqttBinary.size(longest)).isEqualTo(65_537);
        byte[] wire = write(longest);
        assertThat(wire).startsWith(0xff, 0xff);
        assertThat(read(wire)).isEqualTo(longest);
    }

    @Test
    @DisplayName("65,536 bytes are refused on encode")
    void refusesOverMaximumLength() {
        assertThatThrownBy(() -> MqttBinary.size(new byte[65_536])).isInstanceOf(MqttEncodeException.class)
                .hasMessageContaining("65536");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "0003 0102", "ffff"})
    @DisplayName("a truncated length prefix or a length beyond the data is malformed")
    void refusesTruncation(String wire) {
        ByteBuf in = Unpooled.wrappedBuffer(hex(wire));
        try {
            assertThatThrownBy(() -> MqttBinary.read(in)).isInstanceOfSatisfying(MqttDecodeException.class,
                    e -> assertThat(e.reasonCode()).isEqualTo(0x81));
        } finally {
            in.release();
        }
    }

    @Test
    @DisplayName("the data is copied out: later changes to the buffer do not reach it")
    void copiesTheData() {
        byte[] wire = hex("0002 0102 03");
        ByteBuf in = Unpooled.wrappedBuffer(wire);
        try {
            byte[] data = MqttBinary.read(in);
            wire[2] = 9;
            assertThat(data).containsExactly(1, 2);
            assertThat(in.readableBytes()).isEqualTo(1);
        } finally {
            in.release();
        }
    }

    private static byte[] write(byte[] data) {
        ByteBuf out = Unpooled.buffer();
        try {
            MqttBinary.write(out, data);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private static byte[] read(byte[] wire) {
        ByteBuf in = Unpooled.wrappedBuffer(wire);
        try {
            byte[] data = MqttBinary.read(in);
            assertThat(in.isReadable()).isFalse();
            return data;
        } finally {
            in.release();
        }
    }
}
