package io.mqttreactive.netty.internal.codec;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.concat;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.filled;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** UTF-8 encoded strings of MQTT 3.1.1 section 1.5.3 and MQTT 5.0 section 1.5.4. */
class MqttUtf8Test {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ASCII                          | abc          | 0003 616263",
        "empty                          | ''           | 0000",
        "two-byte U+00E9                | \u00e9       | 0002 c3a9",
        "three-byte U+20AC              | \u20ac       | 0003 e282ac",
        "four-byte U+1F600 (pair)       | \ud83d\ude00 | 0004 f09f9880",
        "[MQTT-1.5.3-3] (3.1.1) U+FEFF kept | \ufeffa | 0004 efbbbf61",
    })
    void encodesAndDecodesBothWays(String description, String value, String wire) {
        byte[] expected = hex(wire);
        assertThat(MqttUtf8.size(value)).isEqualTo(expected.length);
        assertThat(write(value)).isEqualTo(expected);
        assertThat(read(expected)).isEqualTo(value);
    }

    @Test
    @DisplayName("[MQTT-1.5.3-2] (3.1.1) U+0000 is refused on encode")
    void refusesNulOnEncode() {
        assertThatThrownBy(() -> MqttUtf8.encodedLength("a\u0000b")).isInstanceOf(MqttEncodeException.class)
                .hasMessageContaining("U+0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001 00", "0003 c3a9 00"})
    @DisplayName("[MQTT-1.5.3-2] (3.1.1) U+0000 is malformed on decode, alone or after non-ASCII")
    void refusesNulOnDecode(String wire) {
        assertMalformed(hex(wire));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "a\udc00", "\ude00\ud83d", "x\ud83d"})
    @DisplayName("[MQTT-1.5.3-1] (3.1.1) an unpaired surrogate is refused on encode")
    void refusesLoneSurrogateOnEncode(String value) {
        assertThatThrownBy(() -> MqttUtf8.size(value)).isInstanceOf(MqttEncodeException.class)
                .hasMessageContaining("surrogate");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "encoded surrogate U+D800 (CESU-8),   0003 eda080",
        "encoded surrogate pair (CESU-8),     0006 eda0bd edb880",
        "overlong U+0000,                     0002 c080",
        "overlong slash,                      0002 c0af",
        "truncated multi-byte sequence,       0002 e282",
        "lone continuation byte,              0001 80",
        "byte 0xFF,                           0001 ff",
    })
    @DisplayName("[MQTT-1.5.3-1] (3.1.1) ill-formed UTF-8 is malformed on decode")
    void refusesIllFormedOnDecode(String description, String wire) {
        assertMalformed(hex(wire));
    }

    @Test
    @DisplayName("[MQTT-4.7.3-3] (3.1.1) 65,535 bytes are accepted both ways")
    void acceptsMaximumLength() {
        String longest = "a".repeat(65_535);
        assertThat(MqttUtf8.encodedLength(longest)).isEqualTo(65_535);
        byte[] wire = write(longest);
        assertThat(wire).startsWith(0xff, 0xff).hasSize(65_537);
        assertThat(read(wire)).isEqualTo(longest);
    }

    @ParameterizedTest
    @ValueSource(ints = {65_536, 100_000})
    @DisplayName("more than 65,535 bytes is refused on encode")
    void refusesOverMaximumLength(int length) {
        assertThatThrownBy(() -> MqttUtf8.size("a".repeat(length))).isInstanceOf(MqttEncodeException.class)
                .hasMessageContaining("65535");
    }

    @Test
    @DisplayName("the limit counts UTF-8 bytes, not chars: 21,846 euro signs are 65,538 bytes")
    void countsBytesNotChars() {
        assertThat(MqttUtf8.encodedLength("\u20ac".repeat(21_845))).isEqualTo(65_535);
        assertThatThrownBy(() -> MqttUtf8.encodedLength("\u20ac".repeat(21_846)))
                .isInstanceOf(MqttEncodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "0005 61626364", "ffff 61"})
    @DisplayName("a truncated length prefix or a length beyond the data is malformed")
    void refusesTruncation(String wire) {
        assertMalformed(hex(wire));
    }

    @Test
    @DisplayName("reading stops right after the string")
    void readsExactly() {
        ByteBuf in = Unpooled.wrappedBuffer(concat(hex("0002 6869"), filled(3, 'z')));
        try {
            assertThat(MqttUtf8.read(in)).isEqualTo("hi");
            assertThat(in.readableBytes()).isEqualTo(3);
        } finally {
            in.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "\u20ac\u20ac", "\ud83d\ude00", "\u00e9t\u00e9"})
    @DisplayName("writing fits a buffer whose maximum capacity is the exact encoded size")
    void writesIntoAnExactSizeBuffer(String value) {
        int size = MqttUtf8.size(value);
        ByteBuf out = Unpooled.buffer(size, size);
        try {
            MqttUtf8.write(out, value);
            assertThat(out.writerIndex()).isEqualTo(size);
            assertThat(MqttUtf8.read(out)).isEqualTo(value);
        } finally {
            out.release();
        }
    }

    @Test
    void encodedLengthMatchesTheJdkForMixedText() {
        String mixed = "topic/\u00e9t\u00e9/\u20ac/\ud83d\ude00/end";
        assertThat(MqttUtf8.encodedLength(mixed)).isEqualTo(mixed.getBytes(StandardCharsets.UTF_8).length);
    }

    private static byte[] write(String value) {
        ByteBuf out = Unpooled.buffer();
        try {
            MqttUtf8.write(out, value);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private static String read(byte[] wire) {
        ByteBuf in = Unpooled.wrappedBuffer(wire);
        try {
            String value = MqttUtf8.read(in);
            assertThat(in.isReadable()).isFalse();
            return value;
        } finally {
            in.release();
        }
    }

    private static void assertMalformed(byte[] wire) {
        ByteBuf in = Unpooled.wrappedBuffer(wire);
        try {
            assertThatThrownBy(() -> MqttUtf8.read(in)).isInstanceOfSatisfying(MqttDecodeException.class,
                    e -> assertThat(e.reasonCode()).isEqualTo(0x81));
        } finally {
            in.release();
        }
    }
}
