package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertEncodeInvalid;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertGolden;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.hex;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SUBACK in MQTT 3.1.1 (section 3.9): golden vectors both ways and the encoder's refusals. */
class Mqtt311SubAckCodecTest {

    private static final MqttVersion V311 = MqttVersion.MQTT_3_1_1;

    @Test
    @DisplayName("[MQTT-3.9.3-1] [MQTT-3.9.3-2] (3.1.1) every return code in filter order, failure 0x80 included")
    void allReturnCodes() {
        assertGolden(SubAckPacket.of(1, List.of(0x00, 0x01, 0x02, 0x80)), V311, hex(
                "90",                   // SUBACK, flags 0000
                "06",                   // remaining length 6
                "0001",                 // packet identifier 1
                "00",                   // success, maximum QoS 0
                "01",                   // success, maximum QoS 1
                "02",                   // success, maximum QoS 2
                "80"));                 // failure
    }

    @Test
    void singleReturnCodeMaxPacketId() {
        assertGolden(SubAckPacket.of(65_535, List.of(0x01)), V311, hex(
                "90",                   // SUBACK, flags 0000
                "03",                   // remaining length 3
                "ffff",                 // packet identifier 65535
                "01"));                 // success, maximum QoS 1
    }

    @ParameterizedTest(name = "return code 0x{0}")
    @ValueSource(ints = {0x03, 0x7f, 0x81, 0x87, -1})
    @DisplayName("[MQTT-3.9.3-2] (3.1.1) an undefined return code is refused")
    void undefinedReturnCode(int returnCode) {
        assertEncodeInvalid(SubAckPacket.of(1, List.of(returnCode)), V311).hasMessageContaining("return code");
    }

    @Test
    @DisplayName("a SUBACK without a return code is refused")
    void noReturnCode() {
        assertEncodeInvalid(SubAckPacket.of(1, List.of()), V311).hasMessageContaining("at least one");
    }

    @Test
    @DisplayName("packet identifier 0 is refused")
    void packetIdZero() {
        assertEncodeInvalid(SubAckPacket.of(0, List.of(0)), V311).hasMessageContaining("packet identifier");
    }
}
