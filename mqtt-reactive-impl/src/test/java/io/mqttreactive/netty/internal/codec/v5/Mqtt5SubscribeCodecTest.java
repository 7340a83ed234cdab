package io.mqttreactive.netty.internal.codec.v5;

import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertGolden;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertInvalid;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertMalformed;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertProtocolError;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.hex;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.packet;

import io.mqttreactive.MqttQos;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.mqttreactive.netty.internal.packet.UserProperty;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mqtt5SubscribeCodecTest {

    private static SubscribePacket subscribe(SubscriptionRequest request) {
        return SubscribePacket.of(1, List.of(request));
    }

    @Test
    @DisplayName("SUBSCRIBE one filter, default options, Property Length 0 [MQTT-2.2.2-1] (5.0)")
    void minimal() {
        assertGolden(subscribe(SubscriptionRequest.of("a/#", MqttQos.AT_LEAST_ONCE)), hex(
                "82",                  // SUBSCRIBE, flags 0010 [MQTT-3.8.1-1] (5.0)
                "09",                  // remaining length 9
                "0001",                // packet identifier 1
                "00",                  // property length 0
                "0003 612f23",         // topic filter "a/#"
                "01"));                // options: QoS 1
    }

    @Test
    @DisplayName("a non-ASCII topic filter goes as a UTF-8 string and decodes back [MQTT-3.8.3-1] (5.0)")
    void nonAsciiTopicFilter() {
        // e-acute, a CJK ideograph and an emoji outside the BMP, then a multi-level wildcard
        assertGolden(subscribe(SubscriptionRequest.of("\u00e9/\u65e5\ud83d\ude00/#", MqttQos.AT_MOST_ONCE)), hex(
                "82",                  // SUBSCRIBE, flags 0010
                "12",                  // remaining length 18
                "0001",                // packet identifier 1
                "00",                  // property length 0
                "000c c3a9 2f e697a5 f09f9880 2f 23", // topic filter: 12 UTF-8 bytes
                "00"));                // options: QoS 0
    }

    @Test
    @DisplayName("SUBSCRIBE with every property, every option, and packet identifier 65535")
    void everyPropertyAndOption() {
        SubscribePacket packet = new SubscribePacket(65_535, List.of(
                new SubscriptionRequest("a/+", MqttQos.EXACTLY_ONCE, true, true, 2),
                new SubscriptionRequest("$share/g/t", MqttQos.AT_MOST_ONCE, false, false, 1)),
                268_435_455, List.of(new UserProperty("a", "b")));
        assertGolden(packet, hex(
                "82",                        // SUBSCRIBE
                "22",                        // remaining length 34
                "ffff",                      // packet identifier 65535
                "0c",                        // property length 12
                "0b ffffff7f",               // Subscription Identifier 268,435,455
                "26 0001 61 0001 62",        // User Property a=b
                "0003 612f2b",               // topic filter "a/+"
                "2e",                        // Retain Handling 2, Retain As Published, No Local, QoS 2
                "000a 2473686172652f672f74", // topic filter "$share/g/t"
                "10"));                      // Retain Handling 1, QoS 0
    }

    @Test
    @DisplayName("SUBSCRIBE without a topic filter is a Protocol Error [MQTT-3.8.3-2] (5.0)")
    void noFilter() {
        assertProtocolError(packet("82", "0001 00"));
    }

    @Test
    @DisplayName("SUBSCRIBE reserved option bits set are Malformed [MQTT-3.8.3-5] (5.0)")
    void reservedOptionBits() {
        assertMalformed(packet("82", "0001 00", "0001 74", "40"));
        assertMalformed(packet("82", "0001 00", "0001 74", "80"));
    }

    @ParameterizedTest(name = "SUBSCRIBE options 0x{0} are a Protocol Error (section 3.8.3.1)")
    @ValueSource(strings = {"03", "30"})
    void qos3OrRetainHandling3(String options) {
        assertProtocolError(packet("82", "0001 00", "0001 74", options));
    }

    @Test
    @DisplayName("No Local on a shared subscription is a Protocol Error [MQTT-3.8.3-4] (5.0)")
    void noLocalOnShared() {
        assertProtocolError(packet("82", "0001 00", "000a 2473686172652f672f74", "04"));
    }

    @Test
    @DisplayName("an empty topic filter is a Protocol Error [MQTT-4.7.3-1] (5.0)")
    void emptyFilter() {
        assertProtocolError(packet("82", "0001 00", "0000", "00"));
    }

    @Test
    @DisplayName("a topic filter without its options byte is Malformed")
    void missingOptions() {
        assertMalformed(packet("82", "0001 00", "0001 74"));
    }

    @Test
    @DisplayName("SUBSCRIBE packet identifier 0 is a Protocol Error [MQTT-2.2.1-3] (5.0)")
    void packetIdZero() {
        assertProtocolError(packet("82", "0000 00", "0001 74", "00"));
    }

    @ParameterizedTest(name = "SUBSCRIBE properties {0}: Protocol Error")
    @ValueSource(strings = {"02 0b 00", "04 0b 01 0b 02"})
    void subscriptionIdentifierRules(String properties) {
        assertProtocolError(packet("82", "0001", properties, "0001 74", "00"));
    }

    @Test
    @DisplayName("encoder refuses SUBSCRIBE without a topic filter [MQTT-3.8.3-2] (5.0)")
    void encoderRefusesNoFilter() {
        assertInvalid(SubscribePacket.of(1, List.of()));
    }

    @Test
    @DisplayName("encoder refuses No Local on a shared subscription [MQTT-3.8.3-4] (5.0)")
    void encoderRefusesNoLocalOnShared() {
        assertInvalid(subscribe(new SubscriptionRequest("$share/g/t", MqttQos.AT_MOST_ONCE, true, false, 0)));
    }

    @ParameterizedTest(name = "encoder refuses Retain Handling {0}")
    @ValueSource(ints = {-1, 3})
    void encoderRefusesRetainHandling(int retainHandling) {
        assertInvalid(subscribe(new SubscriptionRequest("t", MqttQos.AT_MOST_ONCE, false, false, retainHandling)));
    }

    @Test
    @DisplayName("encoder refuses an empty topic filter [MQTT-4.7.3-1] (5.0)")
    void encoderRefusesEmptyFilter() {
        assertInvalid(subscribe(SubscriptionRequest.of("", MqttQos.AT_MOST_ONCE)));
    }

    @ParameterizedTest(name = "encoder refuses Subscription Identifier {0}")
    @ValueSource(ints = {-1, 268_435_456})
    void encoderRefusesSubscriptionIdentifier(int subscriptionIdentifier) {
        assertInvalid(new SubscribePacket(1, List.of(SubscriptionRequest.of("t", MqttQos.AT_MOST_ONCE)),
                subscriptionIdentifier, List.of()));
    }

    @ParameterizedTest(name = "encoder refuses SUBSCRIBE packet identifier {0}")
    @ValueSource(ints = {0, 65_536})
    void encoderRefusesPacketId(int packetId) {
        assertInvalid(SubscribePacket.of(packetId, List.of(SubscriptionRequest.of("t", MqttQos.AT_MOST_ONCE))));
    }
}
