package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertEncodeInvalid;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertGolden;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.concat;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.filled;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.hex;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SUBSCRIBE in MQTT 3.1.1 (section 3.8): golden vectors both ways and the encoder's refusals. */
class Mqtt311SubscribeCodecTest {

    private static final MqttVersion V311 = MqttVersion.MQTT_3_1_1;

    @Test
    @DisplayName("[MQTT-3.8.1-1] (3.1.1) two filters with their requested QoS, flags 0010")
    void twoFilters() {
        SubscribePacket packet = SubscribePacket.of(10, List.of(
                SubscriptionRequest.of("a/#", MqttQos.AT_LEAST_ONCE),
                SubscriptionRequest.of("+", MqttQos.EXACTLY_ONCE)));
        assertGolden(packet, V311, hex(
                "82",                   // SUBSCRIBE, flags 0010
                "0c",                   // remaining length 12
                "000a",                 // packet identifier 10
                "0003 612f23",          // topic filter "a/#"
                "01",                   // requested QoS 1
                "0001 2b",              // topic filter "+"
                "02"));                 // requested QoS 2
    }

    @Test
    @DisplayName("[MQTT-3.8.3-1] (3.1.1) a non-ASCII topic filter goes as a UTF-8 string and decodes back")
    void nonAsciiTopicFilter() {
        // e-acute, a CJK ideograph and an emoji outside the BMP, then a multi-level wildcard
        SubscribePacket packet = SubscribePacket.of(1,
                List.of(SubscriptionRequest.of("\u00e9/\u65e5\ud83d\ude00/#", MqttQos.AT_MOST_ONCE)));
        assertGolden(packet, V311, hex(
                "82",                   // SUBSCRIBE, flags 0010
                "11",                   // remaining length 17
                "0001",                 // packet identifier 1
                "000c c3a9 2f e697a5 f09f9880 2f 23", // topic filter: 12 UTF-8 bytes
                "00"));                 // requested QoS 0
    }

    @Test
    @DisplayName("one filter at QoS 0 with packet identifier 65535")
    void maxPacketId() {
        assertGolden(SubscribePacket.of(65_535, List.of(SubscriptionRequest.of("$SYS/+/x", MqttQos.AT_MOST_ONCE))),
                V311, hex(
                "82",                   // SUBSCRIBE, flags 0010
                "0d",                   // remaining length 13
                "ffff",                 // packet identifier 65535
                "0008 24535953 2f2b2f78", // topic filter "$SYS/+/x"
                "00"));                 // requested QoS 0
    }

    @Test
    @DisplayName("a 65,535-byte filter is accepted both ways")
    void maximumLengthFilter() {
        String filter = "f".repeat(65_535);
        assertGolden(SubscribePacket.of(1, List.of(SubscriptionRequest.of(filter, MqttQos.AT_MOST_ONCE))), V311,
                concat(hex(
                "82",                   // SUBSCRIBE, flags 0010
                "848004",               // remaining length 65540 = 2 + 2 + 65535 + 1
                "0001",                 // packet identifier 1
                "ffff"),                // topic filter length 65535
                filled(65_535, 'f'),    // topic filter
                hex("00")));            // requested QoS 0
    }

    @Test
    @DisplayName("[MQTT-2.3.1-1] (3.1.1) packet identifier 0 is refused")
    void packetIdZero() {
        assertEncodeInvalid(SubscribePacket.of(0, List.of(SubscriptionRequest.of("a", MqttQos.AT_MOST_ONCE))), V311)
                .hasMessageContaining("packet identifier");
    }

    @Test
    @DisplayName("[MQTT-3.8.3-3] (3.1.1) a SUBSCRIBE without a filter is refused")
    void noFilter() {
        assertEncodeInvalid(SubscribePacket.of(1, List.of()), V311).hasMessageContaining("at least one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/#/b", "a#", "#/", "a+", "+a/b", "a/b+/c"})
    @DisplayName("[MQTT-4.7.1-2] [MQTT-4.7.1-3] [MQTT-4.7.3-1] (3.1.1) an invalid topic filter is refused")
    void invalidFilter(String filter) {
        assertEncodeInvalid(SubscribePacket.of(1, List.of(SubscriptionRequest.of(filter, MqttQos.AT_MOST_ONCE))),
                V311).hasMessageContaining("topic filter");
    }
}
