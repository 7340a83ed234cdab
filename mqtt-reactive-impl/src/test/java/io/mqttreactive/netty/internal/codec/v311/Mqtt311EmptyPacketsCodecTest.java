package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertEncodeInvalid;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertGolden;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.hex;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.AuthPacket;
import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.packet.PingReqPacket;
import io.mqttreactive.netty.internal.packet.PingRespPacket;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PINGREQ, PINGRESP and DISCONNECT (sections 3.12 to 3.14), bare fixed headers, and AUTH, absent from 3.x. */
class Mqtt311EmptyPacketsCodecTest {

    private static final MqttVersion V311 = MqttVersion.MQTT_3_1_1;

    @Test
    void pingReq() {
        assertGolden(PingReqPacket.INSTANCE, V311, hex(
                "c0",                   // PINGREQ, flags 0000
                "00"));                 // remaining length 0
    }

    @Test
    void pingResp() {
        assertGolden(PingRespPacket.INSTANCE, V311, hex(
                "d0",                   // PINGRESP, flags 0000
                "00"));                 // remaining length 0
    }

    @Test
    @DisplayName("[MQTT-3.14.1-1] (3.1.1) DISCONNECT has reserved bits 0 and decodes as a normal disconnection")
    void disconnect() {
        assertGolden(DisconnectPacket.NORMAL, V311, hex(
                "e0",                   // DISCONNECT, flags 0000
                "00"));                 // remaining length 0
    }

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1", "MQTT_3_1_1"})
    @DisplayName("AUTH does not exist in 3.x and is refused")
    void authRefused(MqttVersion version) {
        assertEncodeInvalid(new AuthPacket(AuthPacket.CONTINUE_AUTHENTICATION, "m", null, null, List.of()), version)
                .hasMessageContaining("does not exist");
    }
}
