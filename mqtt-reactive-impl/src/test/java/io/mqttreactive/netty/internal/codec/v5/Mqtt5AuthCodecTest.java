package io.mqttreactive.netty.internal.codec.v5;

import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertGolden;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertInvalid;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertMalformed;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertProtocolError;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.concat;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.hex;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.packet;

import io.mqttreactive.netty.internal.packet.AuthPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mqtt5AuthCodecTest {

    @Test
    @DisplayName("AUTH reason 0x00 without properties: remaining length 0 (section 3.15.2.1)")
    void shortForm() {
        assertGolden(new AuthPacket(0x00, null, null, null, List.of()), hex(
                "f0",                  // AUTH, flags 0000 [MQTT-3.15.1-1] (5.0)
                "00"));                // remaining length 0: reason 0x00 Success
    }

    @Test
    @DisplayName("AUTH Continue authentication with every AUTH property")
    void everyProperty() {
        assertGolden(new AuthPacket(AuthPacket.CONTINUE_AUTHENTICATION, "SCRAM", new byte[] {1, 2, 3}, "step",
                List.of(new UserProperty("a", "b"))), hex(
                        "f0",                  // AUTH
                        "1e",                  // remaining length 30
                        "18",                  // reason code 0x18 Continue authentication
                        "1c",                  // property length 28
                        "15 0005 534352414d",  // Authentication Method "SCRAM"
                        "16 0003 010203",      // Authentication Data 01 02 03
                        "1f 0004 73746570",    // Reason String "step"
                        "26 0001 61 0001 62")); // User Property a=b
    }

    @Test
    @DisplayName("AUTH Re-authenticate with the method only")
    void reAuthenticate() {
        assertGolden(new AuthPacket(AuthPacket.RE_AUTHENTICATE, "SCRAM", null, null, List.of()),
                hex("f0 0a", "19", "08", "15 0005 534352414d"));
    }

    @Test
    @DisplayName("AUTH Success with method and empty Authentication Data uses the full form")
    void successWithMethod() {
        assertGolden(new AuthPacket(0x00, "m", new byte[0], null, List.of()),
                hex("f0 09", "00", "07", "15 0001 6d", "16 0000"));
    }

    @Test
    @DisplayName("User Properties with an empty pair and a 65,535-byte value; remaining length in 3 bytes")
    void userPropertyBoundaries() {
        String longest = "v".repeat(65_535);
        AuthPacket packet = new AuthPacket(0x18, "m", null, null,
                List.of(new UserProperty("", ""), new UserProperty("k", longest)));
        assertGolden(packet, concat(hex(
                "f0",                  // AUTH
                "928004",              // remaining length 65,554
                "18",                  // reason code 0x18
                "8e8004",              // property length 65,550
                "15 0001 6d",          // Authentication Method "m"
                "26 0000 0000",        // User Property ""=""
                "26 0001 6b ffff"),    // User Property k=, value of 65,535 bytes
                Mqtt5Wire.utf8(longest)));
    }

    @ParameterizedTest(name = "AUTH reason code 0x{0} is not an AUTH reason code: Protocol Error")
    @ValueSource(strings = {"01", "04", "80", "87", "8c"})
    void invalidReasonCode(String reasonCode) {
        assertProtocolError(packet("f0", reasonCode, "05 15 0002 6d6d"));
    }

    @Test
    @DisplayName("AUTH without Authentication Method is a Protocol Error (section 3.15.2.2.2)")
    void missingMethod() {
        assertProtocolError(packet("f0", "18", "00"));
    }

    @Test
    @DisplayName("AUTH Authentication Method twice is a Protocol Error (section 3.15.2.2.2)")
    void duplicatedMethod() {
        assertProtocolError(packet("f0", "18", "08 15 0001 6d 15 0001 6d"));
    }

    @Test
    @DisplayName("AUTH with a reason code but no Property Length is Malformed")
    void missingPropertyLength() {
        assertMalformed(packet("f0", "18"));
    }

    @Test
    @DisplayName("encoder refuses an AUTH reason code outside the table [MQTT-3.15.2-1] (5.0)")
    void encoderRefusesReasonCode() {
        assertInvalid(new AuthPacket(0x87, "m", null, null, List.of()));
    }

    @Test
    @DisplayName("encoder refuses Continue authentication without Authentication Method")
    void encoderRefusesMissingMethod() {
        assertInvalid(new AuthPacket(0x18, null, null, null, List.of()));
    }

    @Test
    @DisplayName("encoder refuses reason 0x00 with a Reason String but no Authentication Method")
    void encoderRefusesPropertiesWithoutMethod() {
        assertInvalid(new AuthPacket(0x00, null, null, "why", List.of()));
    }
}
