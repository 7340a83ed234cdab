package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertEncodeInvalid;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertGolden;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.hex;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CONNACK in MQTT 3.1.1 (section 3.2): golden vectors both ways and the encoder's refusals. */
class Mqtt311ConnAckCodecTest {

    private static final MqttVersion V311 = MqttVersion.MQTT_3_1_1;

    @Test
    @DisplayName("[MQTT-3.2.2-1] (3.1.1) accepted, no session present")
    void accepted() {
        assertGolden(ConnAckPacket.of(false, 0), V311, hex(
                "20",                   // CONNACK, flags 0000
                "02",                   // remaining length 2
                "00",                   // acknowledge flags: session present 0
                "00"));                 // return code 0: connection accepted
    }

    @Test
    @DisplayName("[MQTT-3.2.2-2] (3.1.1) accepted with session present")
    void sessionPresent() {
        assertGolden(ConnAckPacket.of(true, 0), V311, hex(
                "20",                   // CONNACK, flags 0000
                "02",                   // remaining length 2
                "01",                   // acknowledge flags: session present 1
                "00"));                 // return code 0: connection accepted
    }

    @ParameterizedTest(name = "return code {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    @DisplayName("refusal return codes 1 (protocol version) to 5 (not authorized)")
    void refused(int returnCode) {
        assertGolden(ConnAckPacket.of(false, returnCode), V311, hex(
                "20",                   // CONNACK, flags 0000
                "02",                   // remaining length 2
                "00",                   // acknowledge flags: session present 0 [MQTT-3.2.2-4]
                "0" + returnCode));     // return code
    }

    @ParameterizedTest(name = "return code 0x{0}")
    @ValueSource(ints = {6, 0x80, 0x87, -1})
    @DisplayName("a return code other than 0 to 5 is refused")
    void undefinedReturnCode(int returnCode) {
        assertEncodeInvalid(ConnAckPacket.of(false, returnCode), V311).hasMessageContaining("return code");
    }

    @Test
    @DisplayName("[MQTT-3.2.2-4] (3.1.1) session present with a non-zero return code is refused")
    void sessionPresentWithRefusal() {
        assertEncodeInvalid(ConnAckPacket.of(true, 5), V311).hasMessageContaining("session present");
    }
}
