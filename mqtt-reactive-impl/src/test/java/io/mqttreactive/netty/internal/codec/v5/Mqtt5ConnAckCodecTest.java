package io.mqttreactive.netty.internal.codec.v5;

import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertGolden;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertInvalid;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertMalformed;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertProtocolError;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.hex;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.packet;

import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mqtt5ConnAckCodecTest {

    static final ConnAckPacket FULL = new ConnAckPacket(true, 0x00, 7200, 100, 1, false, 65_536, "id-1", 5, "ok",
            List.of(new UserProperty("a", "1"), new UserProperty("b", "2"), new UserProperty("a", "1")), false, false,
            false, 30, "resp", "srv", "SCRAM", new byte[] {(byte) 0xAA});

    @Test
    @DisplayName("CONNACK accepted, no session, no properties")
    void minimal() {
        assertGolden(ConnAckPacket.of(false, 0x00), hex(
                "20",                  // CONNACK
                "03",                  // remaining length 3
                "00",                  // acknowledge flags: no session present
                "00",                  // reason code 0x00 Success
                "00"));                // property length 0 [MQTT-2.2.2-1] (5.0)
    }

    @Test
    @DisplayName("CONNACK refused with 0x87 Not authorized")
    void refused() {
        assertGolden(ConnAckPacket.of(false, 0x87), hex("20 03", "00", "87", "00"));
    }

    @Test
    @DisplayName("CONNACK with every CONNACK property set to a non-default value")
    void everyProperty() {
        assertGolden(FULL, hex(
                "20",                  // CONNACK
                "5a",                  // remaining length 90
                "01",                  // acknowledge flags: session present
                "00",                  // reason code 0x00 Success
                "57",                  // property length 87
                "11 00001c20",         // Session Expiry Interval 7200
                "21 0064",             // Receive Maximum 100
                "24 01",               // Maximum QoS 1
                "25 00",               // Retain Available 0
                "27 00010000",         // Maximum Packet Size 65,536
                "12 0004 69642d31",    // Assigned Client Identifier "id-1"
                "22 0005",             // Topic Alias Maximum 5
                "1f 0002 6f6b",        // Reason String "ok"
                "26 0001 61 0001 31",  // User Property a=1
                "26 0001 62 0001 32",  // User Property b=2
                "26 0001 61 0001 31",  // User Property a=1 again, order and duplicate kept
                "28 00",               // Wildcard Subscription Available 0
                "29 00",               // Subscription Identifiers Available 0
                "2a 00",               // Shared Subscription Available 0
                "13 001e",             // Server Keep Alive 30
                "1a 0004 72657370",    // Response Information "resp"
                "1c 0003 737276",      // Server Reference "srv"
                "15 0005 534352414d",  // Authentication Method "SCRAM"
                "16 0001 aa"));        // Authentication Data aa
    }

    @Test
    @DisplayName("CONNACK Maximum QoS 0 and Server Keep Alive 0 are kept")
    void maximumQosZero() {
        ConnAckPacket packet = new ConnAckPacket(false, 0x00, -1, 65_535, 0, true, 0, null, 0, null, List.of(), true,
                true, true, 0, null, null, null, null);
        assertGolden(packet, hex("20 08", "00 00", "05", "24 00", "13 0000"));
    }

    @Test
    @DisplayName("CONNACK reserved acknowledge flag bits set are Malformed [MQTT-3.2.2-1] (5.0)")
    void reservedAcknowledgeFlags() {
        assertMalformed(hex("20 03 02 00 00"));
    }

    @Test
    @DisplayName("CONNACK without its property length is Malformed")
    void missingPropertyLength() {
        assertMalformed(hex("20 02 00 00"));
    }

    @ParameterizedTest(name = "CONNACK reason code 0x{0} is not a CONNACK reason code: Protocol Error")
    @ValueSource(strings = {"01", "04", "10", "8b", "8e", "a0", "ff"})
    void invalidReasonCode(String reasonCode) {
        assertProtocolError(packet("20", "00", reasonCode, "00"));
    }

    @Test
    @DisplayName("Session Present with a non-zero reason code is a Protocol Error [MQTT-3.2.2-6] (5.0)")
    void sessionPresentWithError() {
        assertProtocolError(hex("20 03 01 80 00"));
    }

    @ParameterizedTest(name = "CONNACK property {0} breaks its value rule: Protocol Error")
    @ValueSource(strings = {"24 02", "25 02", "28 02", "29 02", "2a 02", "21 0000", "27 00000000"})
    void propertyValueRules(String property) {
        byte[] bytes = hex(property);
        assertProtocolError(packet("20", "00 00", String.format("%02x", bytes.length), property));
    }

    @Test
    @DisplayName("Topic Alias is not valid in CONNACK: Malformed (section 2.2.2.2)")
    void propertyNotValidInConnAck() {
        assertMalformed(packet("20", "00 00", "03", "23 0001"));
    }

    @Test
    @DisplayName("Assigned Client Identifier twice is a Protocol Error")
    void duplicatedProperty() {
        assertProtocolError(packet("20", "00 00", "08", "12 0001 61", "12 0001 62"));
    }

    @Test
    @DisplayName("encoder refuses Session Present with a refusal [MQTT-3.2.2-6] (5.0)")
    void encoderRefusesSessionPresentWithError() {
        assertInvalid(ConnAckPacket.of(true, 0x80));
    }

    @Test
    @DisplayName("encoder refuses a reason code outside the CONNACK table [MQTT-3.2.2-8] (5.0)")
    void encoderRefusesInvalidReasonCode() {
        assertInvalid(ConnAckPacket.of(false, 0x04));
    }

    @ParameterizedTest(name = "encoder refuses Maximum QoS {0}")
    @ValueSource(ints = {-1, 3})
    void encoderRefusesMaximumQos(int maximumQos) {
        assertInvalid(new ConnAckPacket(false, 0, -1, 65_535, maximumQos, true, 0, null, 0, null, List.of(), true,
                true, true, -1, null, null, null, null));
    }
}
