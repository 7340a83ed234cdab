package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertEncodeInvalid;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertGolden;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.hex;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UNSUBSCRIBE (section 3.10) and UNSUBACK (section 3.11) in MQTT 3.1.1: golden vectors and refusals. */
class Mqtt311UnsubscribeCodecTest {

    private static final MqttVersion V311 = MqttVersion.MQTT_3_1_1;

    @Test
    @DisplayName("[MQTT-3.10.1-1] [MQTT-3.10.3-1] (3.1.1) UNSUBSCRIBE: flags 0010, filters packed contiguously")
    void unsubscribe() {
        assertGolden(UnsubscribePacket.of(2, List.of("a/b", "#")), V311, hex(
                "a2",                   // UNSUBSCRIBE, flags 0010
                "0a",                   // remaining length 10
                "0002",                 // packet identifier 2
                "0003 612f62",          // topic filter "a/b"
                "0001 23"));            // topic filter "#"
    }

    @Test
    void unsubscribeMaxPacketId() {
        assertGolden(UnsubscribePacket.of(65_535, List.of("x/+")), V311, hex(
                "a2",                   // UNSUBSCRIBE, flags 0010
                "07",                   // remaining length 7
                "ffff",                 // packet identifier 65535
                "0003 782f2b"));        // topic filter "x/+"
    }

    @Test
    @DisplayName("[MQTT-3.10.3-2] (3.1.1) an UNSUBSCRIBE without a filter is refused")
    void noFilter() {
        assertEncodeInvalid(UnsubscribePacket.of(1, List.of()), V311).hasMessageContaining("at least one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/#/b", "a+"})
    @DisplayName("[MQTT-4.7.1-2] [MQTT-4.7.1-3] (3.1.1) an invalid topic filter is refused")
    void invalidFilter(String filter) {
        assertEncodeInvalid(UnsubscribePacket.of(1, List.of("ok", filter)), V311).hasMessageContaining("topic filter");
    }

    @Test
    @DisplayName("[MQTT-2.3.1-1] (3.1.1) packet identifier 0 is refused")
    void packetIdZero() {
        assertEncodeInvalid(UnsubscribePacket.of(0, List.of("a")), V311).hasMessageContaining("packet identifier");
    }

    @Test
    @DisplayName("UNSUBACK carries the packet identifier alone and decodes with no reason codes")
    void unsubAck() {
        assertGolden(UnsubAckPacket.of(5, List.of()), V311, hex(
                "b0",                   // UNSUBACK, flags 0000
                "02",                   // remaining length 2
                "0005"));               // packet identifier 5
    }

    @Test
    void unsubAckMaxPacketId() {
        assertGolden(UnsubAckPacket.of(65_535, List.of()), V311, hex(
                "b0",                   // UNSUBACK, flags 0000
                "02",                   // remaining length 2
                "ffff"));               // packet identifier 65535
    }

    @Test
    @DisplayName("UNSUBACK packet identifier 0 is refused")
    void unsubAckPacketIdZero() {
        assertEncodeInvalid(UnsubAckPacket.of(0, List.of()), V311).hasMessageContaining("packet identifier");
    }
}
