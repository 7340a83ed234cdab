package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertEncodeInvalid;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertGolden;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.hex;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PUBACK, PUBREC, PUBREL and PUBCOMP in MQTT 3.1.1 (sections 3.4 to 3.7): golden vectors and refusals. */
class Mqtt311AckCodecTest {

    private static final MqttVersion V311 = MqttVersion.MQTT_3_1_1;

    @Test
    @DisplayName("[MQTT-2.3.1-6] (3.1.1) PUBACK carries the packet identifier alone")
    void pubAck() {
        assertGolden(AckPacket.of(MqttPacketType.PUBACK, 1), V311, hex(
                "40",                   // PUBACK, flags 0000
                "02",                   // remaining length 2
                "0001"));               // packet identifier 1
    }

    @Test
    void pubRec() {
        assertGolden(AckPacket.of(MqttPacketType.PUBREC, 0x0102), V311, hex(
                "50",                   // PUBREC, flags 0000
                "02",                   // remaining length 2
                "0102"));               // packet identifier 258
    }

    @Test
    @DisplayName("[MQTT-3.6.1-1] (3.1.1) PUBREL has fixed-header flags 0010")
    void pubRel() {
        assertGolden(AckPacket.of(MqttPacketType.PUBREL, 65_535), V311, hex(
                "62",                   // PUBREL, flags 0010
                "02",                   // remaining length 2
                "ffff"));               // packet identifier 65535
    }

    @Test
    void pubComp() {
        assertGolden(AckPacket.of(MqttPacketType.PUBCOMP, 0x8000), V311, hex(
                "70",                   // PUBCOMP, flags 0000
                "02",                   // remaining length 2
                "8000"));               // packet identifier 32768: the high bit is not a sign
    }

    @ParameterizedTest
    @EnumSource(value = MqttPacketType.class, names = {"PUBACK", "PUBREC", "PUBREL", "PUBCOMP"})
    @DisplayName("[MQTT-2.3.1-1] (3.1.1) packet identifier 0 and 65536 are refused")
    void packetIdOutOfRange(MqttPacketType type) {
        assertEncodeInvalid(AckPacket.of(type, 0), V311).hasMessageContaining("packet identifier");
        assertEncodeInvalid(AckPacket.of(type, 65_536), V311).hasMessageContaining("packet identifier");
    }
}
