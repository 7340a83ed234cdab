package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertEncodeInvalid;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertGolden;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.concat;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.filled;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.CodecTestSupport;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.codec.MqttPacketDecoder;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PUBLISH in MQTT 3.1.1 (section 3.3): golden vectors both ways and the encoder's refusals. */
class Mqtt311PublishCodecTest {

    private static final MqttVersion V311 = MqttVersion.MQTT_3_1_1;

    @Test
    @DisplayName("[MQTT-2.3.1-5] (3.1.1) QoS 0 carries no packet identifier")
    void qos0() {
        assertGolden(publish("a/b", "hi", MqttQos.AT_MOST_ONCE, false, false, 0), V311, hex(
                "30",                   // PUBLISH, DUP 0, QoS 0, RETAIN 0
                "07",                   // remaining length 7
                "0003 612f62",          // topic name "a/b"
                "6869"));               // payload "hi"
    }

    @Test
    @DisplayName("QoS 1 retained with the smallest packet identifier 1")
    void qos1Retained() {
        assertGolden(publish("a/b", "hi", MqttQos.AT_LEAST_ONCE, true, false, 1), V311, hex(
                "33",                   // PUBLISH, DUP 0, QoS 1 (bits 2-1 = 01), RETAIN 1
                "09",                   // remaining length 9
                "0003 612f62",          // topic name "a/b"
                "0001",                 // packet identifier 1
                "6869"));               // payload "hi"
    }

    @Test
    @DisplayName("[MQTT-3.3.1-1] (3.1.1) QoS 2 duplicate with the largest packet identifier 65535 and no payload")
    void qos2DuplicateMaxPacketId() {
        assertGolden(publish("a/b", "", MqttQos.EXACTLY_ONCE, false, true, 65_535), V311, hex(
                "3c",                   // PUBLISH, DUP 1, QoS 2 (bits 2-1 = 10), RETAIN 0
                "07",                   // remaining length 7
                "0003 612f62",          // topic name "a/b"
                "ffff"));               // packet identifier 65535; empty payload
    }

    @Test
    @DisplayName("non-ASCII topic and binary payload")
    void utf8TopicBinaryPayload() {
        PublishPacket packet = PublishPacket.of("\u00e9", new byte[] {0, (byte) 0xff}, MqttQos.AT_LEAST_ONCE, false,
                false, 0x1234);
        assertGolden(packet, V311, hex(
                "32",                   // PUBLISH, DUP 0, QoS 1, RETAIN 0
                "08",                   // remaining length 8
                "0002 c3a9",            // topic name "é" in two UTF-8 bytes
                "1234",                 // packet identifier 0x1234
                "00ff"));               // payload bytes 00 ff
    }

    @Test
    @DisplayName("remaining length 127 takes one byte")
    void remainingLength127() {
        PublishPacket packet = PublishPacket.of("t", filled(124, 'x'), MqttQos.AT_MOST_ONCE, false, false, 0);
        assertGolden(packet, V311, concat(hex(
                "30",                   // PUBLISH, QoS 0
                "7f",                   // remaining length 127 = 3 + 124
                "0001 74"),             // topic name "t"
                filled(124, 'x')));     // payload
    }

    @Test
    @DisplayName("remaining length 128 takes two bytes")
    void remainingLength128() {
        PublishPacket packet = PublishPacket.of("t", filled(125, 'x'), MqttQos.AT_MOST_ONCE, false, false, 0);
        assertGolden(packet, V311, concat(hex(
                "30",                   // PUBLISH, QoS 0
                "8001",                 // remaining length 128 = 3 + 125
                "0001 74"),             // topic name "t"
                filled(125, 'x')));     // payload
    }

    @Test
    @DisplayName("[MQTT-4.7.3-3] (3.1.1) a 65,535-byte topic name is accepted both ways")
    void maximumLengthTopic() {
        String topic = "t".repeat(65_535);
        PublishPacket packet = PublishPacket.of(topic, new byte[] {1}, MqttQos.AT_MOST_ONCE, false, false, 0);
        assertGolden(packet, V311, concat(hex(
                "30",                   // PUBLISH, QoS 0
                "828004",               // remaining length 65538 = 2 + 65535 + 1
                "ffff"),                // topic length 65535
                filled(65_535, 't'),    // topic name
                hex("01")));            // payload
    }

    @Test
    @DisplayName("[MQTT-4.7.3-3] (3.1.1) a 65,536-byte topic name is refused")
    void overlongTopic() {
        assertEncodeInvalid(PublishPacket.of("t".repeat(65_536), new byte[0], MqttQos.AT_MOST_ONCE, false, false, 0),
                V311).hasMessageContaining("65535");
    }

    @ParameterizedTest
    @EnumSource(value = MqttQos.class, names = {"AT_LEAST_ONCE", "EXACTLY_ONCE"})
    @DisplayName("[MQTT-2.3.1-1] (3.1.1) packet identifier 0 is refused for QoS 1 and 2")
    void packetIdZero(MqttQos qos) {
        assertEncodeInvalid(PublishPacket.of("t", new byte[0], qos, false, false, 0), V311)
                .hasMessageContaining("packet identifier");
    }

    @Test
    @DisplayName("packet identifier 65536 is refused")
    void packetIdTooLarge() {
        assertEncodeInvalid(PublishPacket.of("t", new byte[0], MqttQos.AT_LEAST_ONCE, false, false, 65_536), V311)
                .hasMessageContaining("packet identifier");
    }

    @Test
    @DisplayName("[MQTT-2.3.1-5] (3.1.1) a packet identifier on QoS 0 is refused rather than dropped")
    void packetIdOnQos0() {
        assertEncodeInvalid(PublishPacket.of("t", new byte[0], MqttQos.AT_MOST_ONCE, false, false, 5), V311)
                .hasMessageContaining("QoS 0");
    }

    @Test
    @DisplayName("[MQTT-3.3.1-2] (3.1.1) DUP on QoS 0 is refused")
    void dupOnQos0() {
        assertEncodeInvalid(PublishPacket.of("t", new byte[0], MqttQos.AT_MOST_ONCE, false, true, 0), V311)
                .hasMessageContaining("DUP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/+", "#", "a/#", "+", "a+b", ""})
    @DisplayName("[MQTT-3.3.2-2] [MQTT-4.7.3-1] (3.1.1) a topic name with a wildcard or without characters is refused")
    void invalidTopicName(String topic) {
        assertEncodeInvalid(PublishPacket.of(topic, new byte[0], MqttQos.AT_MOST_ONCE, false, false, 0), V311)
                .hasMessageContaining("PUBLISH topic");
    }

    @Test
    @DisplayName("a PUBLISH above the peer's maximum packet size is too large (0x95); one of exactly that size is sent")
    void peerMaximumPacketSize() {
        PublishPacket packet = publish("a/b", "hi!", MqttQos.AT_MOST_ONCE, false, false, 0);
        assertThat(CodecTestSupport.encode(packet, new EncodeContext(V311, 10))).hasSize(10);
        assertThatThrownBy(() -> CodecTestSupport.encode(packet, new EncodeContext(V311, 9)))
                .isInstanceOfSatisfying(MqttEncodeException.class, e -> assertThat(e.reasonCode()).isEqualTo(0x95));
    }

    @Test
    @DisplayName("the decoded payload is a copy: changing the input afterwards does not change it")
    void payloadIsCopied() {
        byte[] wire = hex("30 05", "0001 74", "6869");
        ByteBuf in = Unpooled.wrappedBuffer(wire);
        try {
            PublishPacket packet = (PublishPacket) MqttPacketDecoder.decode(in, DecodeContext.of(V311));
            Arrays.fill(wire, (byte) 0);
            assertThat(packet.payload()).containsExactly('h', 'i');
        } finally {
            in.release();
        }
    }

    private static PublishPacket publish(String topic, String payload, MqttQos qos, boolean retain, boolean dup,
            int packetId) {
        return PublishPacket.of(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain, dup,
                packetId);
    }
}
