package io.mqttreactive.netty.internal.codec.v5;

import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertGolden;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertInvalid;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertProtocolError;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.hex;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.packet;

import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SUBACK (section 3.9) and UNSUBACK (section 3.11), which share their shape. */
class Mqtt5SubAckCodecTest {

    @Test
    @DisplayName("SUBACK granting QoS 0, 1, 2 and refusing one, in filter order [MQTT-3.9.3-1] (5.0)")
    void subAck() {
        assertGolden(SubAckPacket.of(1, List.of(0x00, 0x01, 0x02, 0x80)), hex(
                "90",                  // SUBACK
                "07",                  // remaining length 7
                "0001",                // packet identifier 1
                "00",                  // property length 0
                "00 01 02 80"));       // granted QoS 0, 1, 2; 0x80 Unspecified error
    }

    @Test
    @DisplayName("SUBACK with every SUBACK property")
    void subAckEveryProperty() {
        assertGolden(new SubAckPacket(65_535, List.of(0x97), "quota", List.of(new UserProperty("a", "1"))), hex(
                "90",                  // SUBACK
                "13",                  // remaining length 19
                "ffff",                // packet identifier 65535
                "0f",                  // property length 15
                "1f 0005 71756f7461",  // Reason String "quota"
                "26 0001 61 0001 31",  // User Property a=1
                "97"));                // 0x97 Quota exceeded
    }

    @ParameterizedTest(name = "SUBACK reason code 0x{0} round trips")
    @ValueSource(strings = {"00", "01", "02", "80", "83", "87", "8f", "91", "97", "9e", "a1", "a2"})
    void everySubAckReasonCode(String reasonCode) {
        assertGolden(SubAckPacket.of(2, List.of(Integer.parseInt(reasonCode, 16))),
                hex("90 04", "0002", "00", reasonCode));
    }

    @Test
    @DisplayName("UNSUBACK with a reason code per filter")
    void unsubAck() {
        assertGolden(UnsubAckPacket.of(3, List.of(0x00, 0x11)), hex(
                "b0",                  // UNSUBACK
                "05",                  // remaining length 5
                "0003",                // packet identifier 3
                "00",                  // property length 0
                "00 11"));             // 0x00 Success, 0x11 No subscription existed
    }

    @Test
    @DisplayName("UNSUBACK with every UNSUBACK property")
    void unsubAckEveryProperty() {
        assertGolden(new UnsubAckPacket(9, List.of(0x87), "no", List.of(new UserProperty("a", "1"))), hex(
                "b0",                  // UNSUBACK
                "10",                  // remaining length 16
                "0009",                // packet identifier 9
                "0c",                  // property length 12
                "1f 0002 6e6f",        // Reason String "no"
                "26 0001 61 0001 31",  // User Property a=1
                "87"));                // 0x87 Not authorized
    }

    @ParameterizedTest(name = "UNSUBACK reason code 0x{0} round trips")
    @ValueSource(strings = {"00", "11", "80", "83", "87", "8f", "91"})
    void everyUnsubAckReasonCode(String reasonCode) {
        assertGolden(UnsubAckPacket.of(2, List.of(Integer.parseInt(reasonCode, 16))),
                hex("b0 04", "0002", "00", reasonCode));
    }

    @ParameterizedTest(name = "SUBACK reason code 0x{0} is not valid: Protocol Error")
    @ValueSource(strings = {"03", "04", "10", "11", "81", "82", "92"})
    void invalidSubAckReasonCode(String reasonCode) {
        assertProtocolError(packet("90", "0001 00", "00", reasonCode));
    }

    @ParameterizedTest(name = "UNSUBACK reason code 0x{0} is not valid: Protocol Error")
    @ValueSource(strings = {"01", "02", "10", "97", "9e"})
    void invalidUnsubAckReasonCode(String reasonCode) {
        assertProtocolError(packet("b0", "0001 00", reasonCode));
    }

    @Test
    @DisplayName("SUBACK and UNSUBACK without a reason code are Protocol Errors")
    void noReasonCodes() {
        assertProtocolError(packet("90", "0001 00"));
        assertProtocolError(packet("b0", "0001 00"));
    }

    @Test
    @DisplayName("SUBACK and UNSUBACK with packet identifier 0 are Protocol Errors")
    void packetIdZero() {
        assertProtocolError(packet("90", "0000 00 00"));
        assertProtocolError(packet("b0", "0000 00 00"));
    }

    @Test
    @DisplayName("encoder refuses reason codes outside the tables [MQTT-3.9.3-2], [MQTT-3.11.3-2] (5.0)")
    void encoderRefusesReasonCodes() {
        assertInvalid(SubAckPacket.of(1, List.of(0x11)));
        assertInvalid(UnsubAckPacket.of(1, List.of(0x01)));
    }

    @Test
    @DisplayName("encoder refuses an empty reason code list (the 3.x UNSUBACK shape)")
    void encoderRefusesEmptyList() {
        assertInvalid(SubAckPacket.of(1, List.of()));
        assertInvalid(UnsubAckPacket.of(1, List.of()));
    }
}
