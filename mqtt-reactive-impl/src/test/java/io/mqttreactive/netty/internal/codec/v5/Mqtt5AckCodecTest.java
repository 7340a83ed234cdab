package io.mqttreactive.netty.internal.codec.v5;

import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertDecodesTo;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertGolden;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertInvalid;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertMalformed;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertProtocolError;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.hex;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.packet;

import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.UserProperty;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class Mqtt5AckCodecTest {

    private static String firstByte(MqttPacketType type) {
        return String.format("%02x", type.code() << 4 | type.requiredFlags());
    }

    @ParameterizedTest(name = "{0} reason 0x00 without properties: remaining length 2")
    @EnumSource(value = MqttPacketType.class, names = {"PUBACK", "PUBREC", "PUBREL", "PUBCOMP"})
    void shortForm(MqttPacketType type) {
        assertGolden(AckPacket.of(type, 1), hex(
                firstByte(type),       // 40, 50, 62 or 70
                "02",                  // remaining length 2
                "0001"));              // packet identifier 1
    }

    @ParameterizedTest(name = "{0} with packet identifier 65535 and reason 0x{1} only: remaining length 3")
    @CsvSource({"PUBACK, 10", "PUBREC, 80", "PUBREL, 92", "PUBCOMP, 92"})
    void reasonCodeOnly(MqttPacketType type, String reasonCode) {
        assertGolden(AckPacket.of(type, 65_535, Integer.parseInt(reasonCode, 16)), hex(
                firstByte(type),
                "03",                  // remaining length 3
                "ffff",                // packet identifier 65535
                reasonCode));          // reason code, no property length
    }

    @Test
    @DisplayName("PUBACK with a Reason String and a duplicated User Property, in order")
    void puback() {
        AckPacket packet = new AckPacket(MqttPacketType.PUBACK, 7, 0x80, "no",
                List.of(new UserProperty("a", "b"), new UserProperty("a", "b")));
        assertGolden(packet, hex(
                "40",                  // PUBACK
                "17",                  // remaining length 23
                "0007",                // packet identifier 7
                "80",                  // reason code 0x80 Unspecified error
                "13",                  // property length 19
                "1f 0002 6e6f",        // Reason String "no"
                "26 0001 61 0001 62",  // User Property a=b
                "26 0001 61 0001 62")); // User Property a=b again
    }

    @ParameterizedTest(name = "{0} with reason 0x00 and a Reason String writes the reason code")
    @EnumSource(value = MqttPacketType.class, names = {"PUBACK", "PUBREC", "PUBREL", "PUBCOMP"})
    void successWithReasonString(MqttPacketType type) {
        assertGolden(new AckPacket(type, 2, 0x00, "x", List.of()), hex(
                firstByte(type),
                "08",                  // remaining length 8
                "0002",                // packet identifier 2
                "00",                  // reason code 0x00
                "04",                  // property length 4
                "1f 0001 78"));        // Reason String "x"
    }

    @Test
    @DisplayName("a PUBREC with an empty Reason String keeps it")
    void emptyReasonString() {
        assertGolden(new AckPacket(MqttPacketType.PUBREC, 3, 0x10, "", List.of()),
                hex("50 07", "0003", "10", "03", "1f 0000"));
    }

    @Test
    @DisplayName("a PUBACK with reason and Property Length 0 decodes like the short form [MQTT-2.2.2-1] (5.0)")
    void explicitEmptyProperties() {
        assertDecodesTo(hex("40 04 0001 00 00"), AckPacket.of(MqttPacketType.PUBACK, 1));
    }

    @ParameterizedTest(name = "{0} reason code 0x{1} is not valid there: Protocol Error")
    @CsvSource({"PUBACK, 92", "PUBACK, 01", "PUBREC, 92", "PUBREC, 8f", "PUBREL, 10", "PUBREL, 80",
        "PUBCOMP, 10", "PUBCOMP, 80"})
    void invalidReasonCode(MqttPacketType type, String reasonCode) {
        assertProtocolError(packet(firstByte(type), "0001", reasonCode));
    }

    @ParameterizedTest(name = "{0} with packet identifier 0 is a Protocol Error")
    @EnumSource(value = MqttPacketType.class, names = {"PUBACK", "PUBREC", "PUBREL", "PUBCOMP"})
    void packetIdZero(MqttPacketType type) {
        assertProtocolError(packet(firstByte(type), "0000"));
    }

    @ParameterizedTest(name = "{0} with remaining length 1 is Malformed")
    @EnumSource(value = MqttPacketType.class, names = {"PUBACK", "PUBREC", "PUBREL", "PUBCOMP"})
    void truncatedPacketId(MqttPacketType type) {
        assertMalformed(packet(firstByte(type), "00"));
    }

    @Test
    @DisplayName("PUBACK Reason String twice is a Protocol Error (section 3.4.2.2.2)")
    void duplicatedReasonString() {
        assertProtocolError(packet("40", "0001 00 08", "1f 0001 61", "1f 0001 62"));
    }

    @Test
    @DisplayName("PUBCOMP with a Topic Alias property, not valid there, is Malformed (section 2.2.2.2)")
    void propertyNotValid() {
        assertMalformed(packet("70", "0001 00 03", "23 0001"));
    }

    @ParameterizedTest(name = "encoder refuses {0} reason code 0x{1}, not one of that packet's reason codes "
            + "(PUBACK [MQTT-3.4.2-1], PUBREC [MQTT-3.5.2-1], PUBREL [MQTT-3.6.2-1], PUBCOMP [MQTT-3.7.2-1] (5.0))")
    @CsvSource({"PUBACK, 92", "PUBREC, 04", "PUBREL, 10", "PUBCOMP, 80"})
    void encoderRefusesReasonCode(MqttPacketType type, String reasonCode) {
        assertInvalid(AckPacket.of(type, 1, Integer.parseInt(reasonCode, 16)));
    }

    @ParameterizedTest(name = "encoder refuses {0} packet identifier 0 and 65536")
    @EnumSource(value = MqttPacketType.class, names = {"PUBACK", "PUBREC", "PUBREL", "PUBCOMP"})
    void encoderRefusesPacketId(MqttPacketType type) {
        assertInvalid(AckPacket.of(type, 0));
        assertInvalid(AckPacket.of(type, 65_536));
    }
}
