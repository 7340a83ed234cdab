package io.mqttreactive.netty.internal.codec.v5;

import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertDecodesTo;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertGolden;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertInvalid;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertMalformed;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertProtocolError;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.hex;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.packet;

import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.packet.PingReqPacket;
import io.mqttreactive.netty.internal.packet.PingRespPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DISCONNECT (section 3.14), with PINGREQ (3.12) and PINGRESP (3.13), the other packets that may be bare. */
class Mqtt5DisconnectCodecTest {

    @Test
    @DisplayName("DISCONNECT Normal disconnection: remaining length 0 (section 3.14.2.1)")
    void shortForm() {
        assertGolden(DisconnectPacket.NORMAL, hex(
                "e0",                  // DISCONNECT, flags 0000 [MQTT-3.14.1-1] (5.0)
                "00"));                // remaining length 0: reason 0x00
    }

    @Test
    @DisplayName("DISCONNECT with a reason code only: remaining length 1, no Property Length (3.14.2.2.1)")
    void reasonCodeOnly() {
        assertGolden(DisconnectPacket.of(0x8E), hex("e0 01", "8e")); // 0x8E Session taken over
    }

    @Test
    @DisplayName("DISCONNECT with every DISCONNECT property, Session Expiry Interval 0 kept")
    void everyProperty() {
        DisconnectPacket packet = new DisconnectPacket(0x04, 0, "bye",
                List.of(new UserProperty("a", "1"), new UserProperty("a", "1")), "other");
        assertGolden(packet, hex(
                "e0",                  // DISCONNECT
                "23",                  // remaining length 35
                "04",                  // reason code 0x04 Disconnect with Will Message
                "21",                  // property length 33
                "11 00000000",         // Session Expiry Interval 0
                "1f 0003 627965",      // Reason String "bye"
                "26 0001 61 0001 31",  // User Property a=1
                "26 0001 61 0001 31",  // User Property a=1, duplicate kept
                "1c 0005 6f74686572")); // Server Reference "other"
    }

    @Test
    @DisplayName("DISCONNECT Session Expiry Interval 0xFFFFFFFF, the largest four-byte integer")
    void maximumSessionExpiry() {
        assertGolden(new DisconnectPacket(0x00, 0xFFFF_FFFFL, null, List.of(), null),
                hex("e0 07", "00", "05", "11 ffffffff"));
    }

    @Test
    @DisplayName("DISCONNECT reason 0x00 with Property Length 0 decodes like the short form [MQTT-2.2.2-1] (5.0)")
    void explicitEmptyProperties() {
        assertDecodesTo(hex("e0 02 00 00"), DisconnectPacket.NORMAL);
    }

    @ParameterizedTest(name = "DISCONNECT reason code 0x{0} is not valid: Protocol Error")
    @ValueSource(strings = {"01", "05", "10", "84", "8a", "92", "a3"})
    void invalidReasonCode(String reasonCode) {
        assertProtocolError(packet("e0", reasonCode));
    }

    @Test
    @DisplayName("Server Keep Alive is not valid in DISCONNECT: Malformed (section 2.2.2.2)")
    void propertyNotValid() {
        assertMalformed(packet("e0", "00 03 13 0001"));
    }

    @Test
    @DisplayName("encoder refuses a reason code outside the DISCONNECT table [MQTT-3.14.2-1] (5.0)")
    void encoderRefusesReasonCode() {
        assertInvalid(DisconnectPacket.of(0x05));
    }

    @Test
    @DisplayName("PINGREQ and PINGRESP: a fixed header with remaining length 0")
    void ping() {
        assertGolden(PingReqPacket.INSTANCE, hex("c0 00"));
        assertGolden(PingRespPacket.INSTANCE, hex("d0 00"));
    }

    @Test
    @DisplayName("PINGREQ and PINGRESP with a body are Malformed")
    void pingWithBody() {
        assertMalformed(hex("c0 01 00"));
        assertMalformed(hex("d0 01 00"));
    }
}
