package io.mqttreactive.netty.internal.codec.v5;

import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertGolden;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertInvalid;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertMalformed;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertProtocolError;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.concat;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.hex;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.packet;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mqtt5PublishCodecTest {

    private static final byte[] HI = Mqtt5Wire.utf8("hi");

    private static PublishPacket withProperties(String topic, int topicAlias, List<Integer> subscriptionIds,
            String contentType) {
        return new PublishPacket(topic, new byte[0], MqttQos.AT_MOST_ONCE, false, false, 0,
                PublishPacket.NO_MESSAGE_EXPIRY, false, contentType, null, null, List.of(), topicAlias,
                subscriptionIds);
    }

    @Test
    @DisplayName("QoS 0 PUBLISH: no packet identifier [MQTT-2.2.1-2] (5.0), property length 0")
    void qos0() {
        assertGolden(PublishPacket.of("a/b", HI, MqttQos.AT_MOST_ONCE, false, false, 0), hex(
                "30",                  // PUBLISH, DUP 0, QoS 0, RETAIN 0
                "08",                  // remaining length 8
                "0003 612f62",         // topic name "a/b"
                "00",                  // property length 0
                "6869"));              // payload "hi"
    }

    @Test
    @DisplayName("QoS 1 retained PUBLISH with packet identifier 65535")
    void qos1RetainedMaximumPacketId() {
        assertGolden(PublishPacket.of("a/b", HI, MqttQos.AT_LEAST_ONCE, true, false, 65_535), hex(
                "33",                  // PUBLISH, QoS 1, RETAIN 1
                "0a",                  // remaining length 10
                "0003 612f62",         // topic name "a/b"
                "ffff",                // packet identifier 65535
                "00",                  // property length 0
                "6869"));              // payload "hi"
    }

    @Test
    @DisplayName("QoS 2 duplicate PUBLISH with packet identifier 1 and an empty payload")
    void qos2Duplicate() {
        assertGolden(PublishPacket.of("t", new byte[0], MqttQos.EXACTLY_ONCE, false, true, 1), hex(
                "3c",                  // PUBLISH, DUP 1, QoS 2
                "06",                  // remaining length 6
                "0001 74",             // topic name "t"
                "0001",                // packet identifier 1
                "00"));                // property length 0, no payload
    }

    @Test
    @DisplayName("PUBLISH with every PUBLISH property, two Subscription Identifiers, the largest as 4 bytes")
    void everyProperty() {
        PublishPacket packet = new PublishPacket("t", Mqtt5Wire.utf8("x"), MqttQos.AT_LEAST_ONCE, false, false, 10,
                60, true, "text/plain", "resp/t", new byte[] {1, 2, 3},
                List.of(new UserProperty("k", "v1"), new UserProperty("k", "v2")), 3, List.of(1, 268_435_455));
        assertGolden(packet, hex(
                "32",                        // PUBLISH, QoS 1
                "44",                        // remaining length 68
                "0001 74",                   // topic name "t"
                "000a",                      // packet identifier 10
                "3d",                        // property length 61
                "01 01",                     // Payload Format Indicator 1 (UTF-8)
                "02 0000003c",               // Message Expiry Interval 60
                "23 0003",                   // Topic Alias 3
                "08 0006 726573702f74",      // Response Topic "resp/t"
                "09 0003 010203",            // Correlation Data 01 02 03
                "26 0001 6b 0002 7631",      // User Property k=v1
                "26 0001 6b 0002 7632",      // User Property k=v2, same name kept in order
                "0b 01",                     // Subscription Identifier 1
                "0b ffffff7f",               // Subscription Identifier 268,435,455 (4-byte VBI)
                "03 000a 746578742f706c61696e", // Content Type "text/plain"
                "78"));                      // payload "x"
    }

    @Test
    @DisplayName("Property Length 0 [MQTT-2.2.2-1] (5.0) decodes to absent properties and shared empty lists")
    void zeroPropertyLengthDecodesToNoProperties() {
        byte[] bytes = packet("32", "0001 74", "0001", "00", "6869");
        PublishPacket first = (PublishPacket) Mqtt5Wire.decode(bytes);
        PublishPacket second = (PublishPacket) Mqtt5Wire.decode(bytes);
        Mqtt5Wire.assertSamePacket(first, PublishPacket.of("t", HI, MqttQos.AT_LEAST_ONCE, false, false, 1));
        assertThat(first.messageExpiryInterval()).isEqualTo(PublishPacket.NO_MESSAGE_EXPIRY);
        assertThat(first.payloadFormatUtf8()).isFalse();
        assertThat(first.contentType()).isNull();
        assertThat(first.responseTopic()).isNull();
        assertThat(first.correlationData()).isNull();
        assertThat(first.topicAlias()).isZero();
        assertThat(first.userProperties()).isEmpty();
        assertThat(first.subscriptionIdentifiers()).isEmpty();
        assertThat(second.userProperties()).isSameAs(first.userProperties());
        assertThat(second.subscriptionIdentifiers()).isSameAs(first.subscriptionIdentifiers());
    }

    @Test
    @DisplayName("only User Properties and a Subscription Identifier: both decoded, the rest absent, payload intact")
    void someProperties() {
        PublishPacket packet = new PublishPacket("t", HI, MqttQos.AT_MOST_ONCE, false, false, 0,
                PublishPacket.NO_MESSAGE_EXPIRY, false, null, null, null,
                List.of(new UserProperty("a", "1"), new UserProperty("b", "2")), 0, List.of(300));
        assertGolden(packet, hex(
                "30 17",                     // PUBLISH QoS 0, remaining length 23
                "0001 74",                   // topic name "t"
                "11",                        // property length 17
                "26 0001 61 0001 31",        // User Property a=1
                "26 0001 62 0001 32",        // User Property b=2
                "0b ac02",                   // Subscription Identifier 300 (2-byte VBI)
                "6869"));                    // payload "hi"
    }

    @ParameterizedTest(name = "Property Length {0} beyond the remaining bytes is Malformed (section 2.2.2.1)")
    @ValueSource(strings = {"03 6869", "7f", "8001 6869"})
    void propertyLengthBeyondBody(String propertyLengthAndRest) {
        assertMalformed(packet("30", "0001 74", propertyLengthAndRest));
    }

    @Test
    @DisplayName("a Property Length cut inside its Variable Byte Integer (section 1.5.5) is Malformed")
    void propertyLengthTruncated() {
        assertMalformed(packet("30", "0001 74", "80"));
    }

    @Test
    @DisplayName("a property whose value runs past the Property Length is Malformed, not read from the payload")
    void propertyValueBeyondPropertyLength() {
        assertMalformed(packet("30", "0001 74", "02", "23 00", "07 6869"));
    }

    @Test
    @DisplayName("PUBLISH with an empty topic name and a Topic Alias (section 3.3.2.3.4)")
    void emptyTopicWithAlias() {
        assertGolden(withProperties("", 7, List.of(), null), hex(
                "30 06",               // PUBLISH QoS 0, remaining length 6
                "0000",                // empty topic name
                "03",                  // property length 3
                "23 0007"));           // Topic Alias 7
    }

    @Test
    @DisplayName("a non-ASCII Content Type goes as a UTF-8 string and decodes back [MQTT-3.3.2-19] (5.0)")
    void nonAsciiContentType() {
        PublishPacket packet = new PublishPacket("t", new byte[0], MqttQos.AT_MOST_ONCE, false, false, 0,
                PublishPacket.NO_MESSAGE_EXPIRY, false, "text/\u00e9\u65e5\ud83d\ude00", null, null, List.of(), 0,
                List.of());
        assertGolden(packet, hex(
                "30",                  // PUBLISH, QoS 0
                "15",                  // remaining length 21
                "0001 74",             // topic name "t"
                "11",                  // property length 17
                "03 000e 746578742f c3a9 e697a5 f09f9880")); // Content Type: 14 UTF-8 bytes
    }

    @Test
    @DisplayName("an empty Content Type is kept as an empty string, not as absent")
    void emptyContentType() {
        assertGolden(withProperties("t", 0, List.of(), ""), hex("30 07", "0001 74", "03", "03 0000"));
    }

    @Test
    @DisplayName("remaining length 127 takes one byte, 128 takes two")
    void remainingLengthCrossesOneByte() {
        byte[] payload127 = new byte[123];
        byte[] payload128 = new byte[124];
        assertGolden(PublishPacket.of("a", payload127, MqttQos.AT_MOST_ONCE, false, false, 0),
                concat(hex("30 7f", "0001 61", "00"), payload127));
        assertGolden(PublishPacket.of("a", payload128, MqttQos.AT_MOST_ONCE, false, false, 0),
                concat(hex("30 8001", "0001 61", "00"), payload128));
    }

    @Test
    @DisplayName("topic name of 65,535 bytes, the largest UTF-8 string")
    void maximumTopicLength() {
        byte[] topic = new byte[65_535];
        Arrays.fill(topic, (byte) 'a');
        assertGolden(PublishPacket.of(new String(topic, StandardCharsets.US_ASCII), new byte[0],
                MqttQos.AT_MOST_ONCE, false, false, 0), concat(
                        hex("30", "828004", "ffff"),   // remaining length 65,538; topic length 65,535
                        topic,
                        hex("00")));                   // property length 0
    }

    @Test
    @DisplayName("encoder refuses a topic name of 65,536 bytes")
    void topicTooLong() {
        assertInvalid(PublishPacket.of("a".repeat(65_536), new byte[0], MqttQos.AT_MOST_ONCE, false, false, 0));
    }

    @Test
    @DisplayName("QoS 3 is Malformed [MQTT-3.3.1-4] (5.0)")
    void qos3() {
        assertMalformed(packet("36", "0001 74", "0001", "00"));
    }

    @Test
    @DisplayName("DUP with QoS 0 is Malformed [MQTT-3.3.1-2] (5.0)")
    void dupWithQos0() {
        assertMalformed(packet("38", "0001 74", "00"));
    }

    @ParameterizedTest(name = "topic name {0} with wildcards is a Protocol Error [MQTT-3.3.2-2] (5.0)")
    @ValueSource(strings = {"0003 612f2b", "0001 23", "0003 2b2f23"})
    void wildcardTopic(String topic) {
        assertProtocolError(packet("30", topic, "00"));
    }

    @Test
    @DisplayName("an empty topic name without Topic Alias is a Protocol Error (section 3.3.2.1)")
    void emptyTopicWithoutAlias() {
        assertProtocolError(packet("30", "0000", "00", "6869"));
    }

    @Test
    @DisplayName("packet identifier 0 in a QoS 1 PUBLISH is a Protocol Error [MQTT-2.2.1-3] (5.0)")
    void packetIdZero() {
        assertProtocolError(packet("32", "0001 74", "0000", "00"));
    }

    @Test
    @DisplayName("a QoS 1 PUBLISH cut inside its packet identifier is Malformed")
    void truncatedPacketId() {
        assertMalformed(packet("32", "0001 74", "00"));
    }

    @ParameterizedTest(name = "PUBLISH property {0} breaks its value rule: Protocol Error")
    @ValueSource(strings = {"03 23 0000", "02 0b 00", "02 01 02"})
    void propertyValueRules(String properties) {
        assertProtocolError(packet("30", "0001 74", properties));
    }

    @ParameterizedTest(name = "PUBLISH property repeated {0}: Protocol Error")
    @ValueSource(strings = {"06 23 0001 23 0002", "08 03 0001 61 03 0001 62", "04 01 01 01 01",
        "0a 02 00000001 02 00000002"})
    void duplicatedProperty(String properties) {
        assertProtocolError(packet("30", "0001 74", properties));
    }

    @Test
    @DisplayName("encoder writes a Subscription Identifier; that a client never sends one is the client's rule")
    void subscriptionIdentifierEncodedAsGiven() {
        assertGolden(withProperties("t", 0, List.of(2), null), hex("30 06", "0001 74", "02", "0b 02"));
    }

    @Test
    @DisplayName("encoder refuses QoS 0 with a packet identifier [MQTT-2.2.1-2] (5.0)")
    void encoderRefusesQos0PacketId() {
        assertInvalid(PublishPacket.of("t", HI, MqttQos.AT_MOST_ONCE, false, false, 5));
    }

    @Test
    @DisplayName("encoder refuses QoS 0 with DUP [MQTT-3.3.1-2] (5.0)")
    void encoderRefusesQos0Dup() {
        assertInvalid(PublishPacket.of("t", HI, MqttQos.AT_MOST_ONCE, false, true, 0));
    }

    @ParameterizedTest(name = "encoder refuses QoS 1 packet identifier {0}")
    @ValueSource(ints = {0, 65_536, -1})
    void encoderRefusesPacketId(int packetId) {
        assertInvalid(PublishPacket.of("t", HI, MqttQos.AT_LEAST_ONCE, false, false, packetId));
    }

    @ParameterizedTest(name = "encoder refuses topic name \"{0}\" without Topic Alias")
    @ValueSource(strings = {"", "a/+", "a/#"})
    void encoderRefusesTopic(String topic) {
        assertInvalid(PublishPacket.of(topic, HI, MqttQos.AT_MOST_ONCE, false, false, 0));
    }

    @ParameterizedTest(name = "encoder refuses Subscription Identifier {0}")
    @ValueSource(ints = {0, 268_435_456, -1})
    void encoderRefusesSubscriptionIdentifier(int subscriptionId) {
        assertInvalid(withProperties("t", 0, List.of(subscriptionId), null));
    }

    @ParameterizedTest(name = "encoder refuses Topic Alias {0} (0 means absent, never sent [MQTT-3.3.2-8] (5.0))")
    @ValueSource(ints = {-1, 65_536})
    void encoderRefusesTopicAlias(int topicAlias) {
        assertInvalid(withProperties("t", topicAlias, List.of(), null));
    }

    @Test
    @DisplayName("Topic Alias 0 is absent: the encoder never writes the property [MQTT-3.3.2-8] (5.0)")
    void topicAliasZeroNeverSent() {
        assertThat(Mqtt5Wire.encode(withProperties("t", 0, List.of(), null))).isEqualTo(hex("30 04 0001 74 00"));
    }

    @Test
    @DisplayName("encoder refuses a Response Topic with wildcards [MQTT-3.3.2-14] (5.0)")
    void encoderRefusesResponseTopicWildcard() {
        assertInvalid(new PublishPacket("t", HI, MqttQos.AT_MOST_ONCE, false, false, 0, -1, false, null, "r/+", null,
                List.of(), 0, List.of()));
    }

    @Test
    @DisplayName("encoder refuses a Message Expiry Interval above 0xFFFFFFFF")
    void encoderRefusesMessageExpiry() {
        assertInvalid(new PublishPacket("t", HI, MqttQos.AT_MOST_ONCE, false, false, 0, 0x1_0000_0000L, false, null,
                null, null, List.of(), 0, List.of()));
    }
}
