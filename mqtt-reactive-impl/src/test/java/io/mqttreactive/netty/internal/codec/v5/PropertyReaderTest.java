package io.mqttreactive.netty.internal.codec.v5;

import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertMalformed;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertProtocolError;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.packet;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The property rules of MQTT 5.0 section 2.2.2, exercised through PUBACK and DISCONNECT packets. */
class PropertyReaderTest {

    @ParameterizedTest(name = "table 2-4: 0x{0} is {1} of type {2}")
    @CsvSource({
        "01, PAYLOAD_FORMAT_INDICATOR, BYTE", "02, MESSAGE_EXPIRY_INTERVAL, FOUR_BYTE_INTEGER",
        "03, CONTENT_TYPE, UTF8_STRING", "08, RESPONSE_TOPIC, UTF8_STRING", "09, CORRELATION_DATA, BINARY",
        "0b, SUBSCRIPTION_IDENTIFIER, VARIABLE_BYTE_INTEGER", "11, SESSION_EXPIRY_INTERVAL, FOUR_BYTE_INTEGER",
        "12, ASSIGNED_CLIENT_IDENTIFIER, UTF8_STRING", "13, SERVER_KEEP_ALIVE, TWO_BYTE_INTEGER",
        "15, AUTHENTICATION_METHOD, UTF8_STRING", "16, AUTHENTICATION_DATA, BINARY",
        "17, REQUEST_PROBLEM_INFORMATION, BYTE", "18, WILL_DELAY_INTERVAL, FOUR_BYTE_INTEGER",
        "19, REQUEST_RESPONSE_INFORMATION, BYTE", "1a, RESPONSE_INFORMATION, UTF8_STRING",
        "1c, SERVER_REFERENCE, UTF8_STRING", "1f, REASON_STRING, UTF8_STRING",
        "21, RECEIVE_MAXIMUM, TWO_BYTE_INTEGER", "22, TOPIC_ALIAS_MAXIMUM, TWO_BYTE_INTEGER",
        "23, TOPIC_ALIAS, TWO_BYTE_INTEGER", "24, MAXIMUM_QOS, BYTE", "25, RETAIN_AVAILABLE, BYTE",
        "26, USER_PROPERTY, UTF8_STRING_PAIR", "27, MAXIMUM_PACKET_SIZE, FOUR_BYTE_INTEGER",
        "28, WILDCARD_SUBSCRIPTION_AVAILABLE, BYTE", "29, SUBSCRIPTION_IDENTIFIERS_AVAILABLE, BYTE",
        "2a, SHARED_SUBSCRIPTION_AVAILABLE, BYTE"})
    void identifierTable(String id, Mqtt5Property property, Mqtt5Property.Type type) {
        assertThat(Mqtt5Property.fromId(Integer.parseInt(id, 16))).isEqualTo(property);
        assertThat(property.type()).isEqualTo(type);
    }

    @Test
    @DisplayName("the standard defines exactly 27 property identifiers")
    void identifierCount() {
        assertThat(Mqtt5Property.values()).hasSize(27);
        assertThat(Mqtt5Property.fromId(0x00)).isNull();
        assertThat(Mqtt5Property.fromId(0x14)).isNull();
        assertThat(Mqtt5Property.fromId(0x2b)).isNull();
    }

    @ParameterizedTest(name = "unknown property identifier 0x{0} is Malformed (section 2.2.2.2)")
    @ValueSource(strings = {"00", "04", "14", "20", "2b", "7f"})
    void unknownIdentifier(String id) {
        assertMalformed(packet("40", "0001 00 02", id, "00"));
    }

    @Test
    @DisplayName("a two-byte property identifier (0x80 0x01 = 128) is unknown: Malformed")
    void multiByteIdentifier() {
        assertMalformed(packet("40", "0001 00 03", "8001 00"));
    }

    @ParameterizedTest(name = "property 0x{0} not valid in PUBACK is Malformed (section 2.2.2.2)")
    @ValueSource(strings = {"01 01", "11 00000000", "15 0000", "0b 01", "23 0001", "1c 0000"})
    void notValidForPacketType(String property) {
        byte[] bytes = Mqtt5Wire.hex(property);
        assertMalformed(packet("40", "0001 00", String.format("%02x", bytes.length), property));
    }

    @Test
    @DisplayName("Property Length beyond the remaining bytes is Malformed")
    void propertyLengthBeyondPacket() {
        assertMalformed(packet("40", "0001 00 09", "1f 0001 61"));
    }

    @Test
    @DisplayName("a value running past the Property Length is Malformed")
    void valueBeyondPropertyLength() {
        assertMalformed(packet("e0", "04 03", "11 0000", "00"));
    }

    @Test
    @DisplayName("a string value running past the Property Length is Malformed")
    void stringBeyondPropertyLength() {
        assertMalformed(packet("40", "0001 00 03", "1f 0002", "61 62"));
    }

    @Test
    @DisplayName("a Property Length longer than 4 bytes is Malformed")
    void propertyLengthTooLong() {
        assertMalformed(packet("40", "0001 00", "8080808001"));
    }

    @Test
    @DisplayName("a Property Length cut short is Malformed")
    void propertyLengthTruncated() {
        assertMalformed(packet("40", "0001 00", "80"));
    }

    @ParameterizedTest(name = "single-valued DISCONNECT property {0} twice is a Protocol Error")
    @ValueSource(strings = {"0a 11 00000001 11 00000001", "06 1f 0000 1f 0000", "06 1c 0000 1c 0000"})
    void duplicated(String properties) {
        assertProtocolError(packet("e0", "80", properties));
    }

    @Test
    @DisplayName("reader keeps repeated User Properties in order, duplicates included")
    void userPropertiesRepeat() {
        ByteBuf body = Unpooled.wrappedBuffer(Mqtt5Wire.hex("15",
                "26 0001 61 0001 31", "26 0001 62 0001 32", "26 0001 61 0001 31"));
        try {
            PropertyReader reader = PropertyReader.open(body, PropertyScope.PUBACK);
            assertThat(reader.next()).isTrue();
            assertThat(reader.userProperty()).isEqualTo(new UserProperty("a", "1"));
            assertThat(reader.next()).isTrue();
            assertThat(reader.userProperty()).isEqualTo(new UserProperty("b", "2"));
            assertThat(reader.next()).isTrue();
            assertThat(reader.userProperty()).isEqualTo(new UserProperty("a", "1"));
            assertThat(reader.next()).isFalse();
            assertThat(body.isReadable()).isFalse();
        } finally {
            body.release();
        }
    }

    @Test
    @DisplayName("an ill-formed UTF-8 Reason String is Malformed [MQTT-1.5.4-1] (5.0)")
    void illFormedString() {
        assertMalformed(packet("40", "0001 80 05", "1f 0002 c328"));
    }
}
