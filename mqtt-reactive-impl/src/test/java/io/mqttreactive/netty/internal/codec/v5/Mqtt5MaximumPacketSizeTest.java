package io.mqttreactive.netty.internal.codec.v5;

import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.encode;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.encodeError;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.hex;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.peerMaximum;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.AuthPacket;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The receiver's Maximum Packet Size: Reason String, then User Properties, are left out of acknowledgements,
 * DISCONNECT and AUTH that would exceed it; any other packet that exceeds it is refused ([MQTT-3.2.2-15] 5.0).
 */
class Mqtt5MaximumPacketSizeTest {

    private static final String REASON = "abcdef";
    private static final List<UserProperty> USER = List.of(new UserProperty("k", "v"));

    private static byte[] encodeWithin(MqttPacket packet, long maximumPacketSize) {
        byte[] bytes = encode(packet, peerMaximum(maximumPacketSize));
        assertThat(bytes.length).isLessThanOrEqualTo((int) maximumPacketSize);
        return bytes;
    }

    private static void assertTooLarge(MqttPacket packet, long maximumPacketSize) {
        assertThat(encodeError(packet, peerMaximum(maximumPacketSize)).reasonCode()).isEqualTo(0x95);
    }

    private static String firstByte(MqttPacketType type) {
        return String.format("%02x", type.code() << 4 | type.requiredFlags());
    }

    @ParameterizedTest(name = "{0}: kept whole at exactly its size of 22 bytes")
    @EnumSource(value = MqttPacketType.class, names = {"PUBACK", "PUBREC", "PUBREL", "PUBCOMP"})
    void ackFitsExactly(MqttPacketType type) {
        AckPacket packet = new AckPacket(type, 1, 0x00, REASON, USER);
        assertThat(encodeWithin(packet, 22)).isEqualTo(encode(packet));
    }

    @ParameterizedTest(name = "{0}: Reason String left out first (PUBACK [MQTT-3.4.2-2], PUBREC [MQTT-3.5.2-2], "
            + "PUBREL [MQTT-3.6.2-2], PUBCOMP [MQTT-3.7.2-2] (5.0))")
    @EnumSource(value = MqttPacketType.class, names = {"PUBACK", "PUBREC", "PUBREL", "PUBCOMP"})
    void ackDropsReasonString(MqttPacketType type) {
        assertThat(encodeWithin(new AckPacket(type, 1, 0x00, REASON, USER), 21)).isEqualTo(hex(
                firstByte(type), "0b", "0001", "00", "07", "26 0001 6b 0001 76"));
    }

    @ParameterizedTest(name = "{0}: then User Properties, down to the short form (PUBACK [MQTT-3.4.2-3], "
            + "PUBREC [MQTT-3.5.2-3], PUBREL [MQTT-3.6.2-3], PUBCOMP [MQTT-3.7.2-3] (5.0))")
    @EnumSource(value = MqttPacketType.class, names = {"PUBACK", "PUBREC", "PUBREL", "PUBCOMP"})
    void ackDropsUserProperties(MqttPacketType type) {
        assertThat(encodeWithin(new AckPacket(type, 1, 0x00, REASON, USER), 12))
                .isEqualTo(hex(firstByte(type), "02", "0001"));
    }

    @Test
    @DisplayName("the Reason String goes even when dropping the User Properties alone would have sufficed")
    void reasonStringGoesFirst() {
        AckPacket packet = new AckPacket(MqttPacketType.PUBACK, 1, 0x80, "r", USER);
        assertThat(encodeWithin(packet, 16)).isEqualTo(hex("40 0b", "0001", "80", "07", "26 0001 6b 0001 76"));
    }

    @Test
    @DisplayName("an ack that does not fit even bare is refused as too large")
    void ackTooSmallLimit() {
        assertTooLarge(new AckPacket(MqttPacketType.PUBACK, 1, 0x80, REASON, USER), 4);
    }

    @Test
    @DisplayName("DISCONNECT drops Reason String then User Properties, keeps Server Reference "
            + "[MQTT-3.14.2-3], [MQTT-3.14.2-4] (5.0)")
    void disconnect() {
        DisconnectPacket packet = new DisconnectPacket(0x80, -1, REASON, USER, "srv");
        assertThat(encodeWithin(packet, 26)).isEqualTo(encode(packet));
        assertThat(encodeWithin(packet, 25))
                .isEqualTo(hex("e0 0f", "80", "0d", "26 0001 6b 0001 76", "1c 0003 737276"));
        assertThat(encodeWithin(packet, 16)).isEqualTo(hex("e0 08", "80", "06", "1c 0003 737276"));
        assertTooLarge(packet, 9);
    }

    @Test
    @DisplayName("DISCONNECT stripped of everything falls back to the reason code alone")
    void disconnectToReasonCodeOnly() {
        assertThat(encodeWithin(new DisconnectPacket(0x80, -1, REASON, USER, null), 3)).isEqualTo(hex("e0 01 80"));
    }

    @Test
    @DisplayName("AUTH drops Reason String then User Properties, keeps the method "
            + "[MQTT-3.15.2-2], [MQTT-3.15.2-3] (5.0)")
    void auth() {
        AuthPacket packet = new AuthPacket(0x18, "m", null, REASON, USER);
        assertThat(encodeWithin(packet, 24)).isEqualTo(encode(packet));
        assertThat(encodeWithin(packet, 23))
                .isEqualTo(hex("f0 0d", "18", "0b", "15 0001 6d", "26 0001 6b 0001 76"));
        assertThat(encodeWithin(packet, 14)).isEqualTo(hex("f0 06", "18", "04", "15 0001 6d"));
        assertTooLarge(packet, 7);
    }

    @Test
    @DisplayName("SUBACK drops Reason String then User Properties [MQTT-3.9.2-1], [MQTT-3.9.2-2] (5.0)")
    void subAck() {
        SubAckPacket packet = new SubAckPacket(1, List.of(0x00), REASON, USER);
        assertThat(encodeWithin(packet, 22)).isEqualTo(encode(packet));
        assertThat(encodeWithin(packet, 21)).isEqualTo(hex("90 0b", "0001", "07", "26 0001 6b 0001 76", "00"));
        assertThat(encodeWithin(packet, 12)).isEqualTo(hex("90 04", "0001", "00", "00"));
        assertTooLarge(packet, 5);
    }

    @Test
    @DisplayName("UNSUBACK drops Reason String then User Properties [MQTT-3.11.2-1], [MQTT-3.11.2-2] (5.0)")
    void unsubAck() {
        UnsubAckPacket packet = new UnsubAckPacket(1, List.of(0x11), REASON, USER);
        assertThat(encodeWithin(packet, 21)).isEqualTo(hex("b0 0b", "0001", "07", "26 0001 6b 0001 76", "11"));
        assertThat(encodeWithin(packet, 12)).isEqualTo(hex("b0 04", "0001", "00", "11"));
    }

    @Test
    @DisplayName("CONNACK drops Reason String then User Properties [MQTT-3.2.2-19], [MQTT-3.2.2-20] (5.0)")
    void connAck() {
        ConnAckPacket packet = new ConnAckPacket(false, 0x00, -1, 65_535, 2, true, 0, null, 0, REASON, USER, true,
                true, true, -1, null, null, null, null);
        assertThat(encodeWithin(packet, 21)).isEqualTo(encode(packet));
        assertThat(encodeWithin(packet, 20)).isEqualTo(hex("20 0a", "00 00", "07", "26 0001 6b 0001 76"));
        assertThat(encodeWithin(packet, 11)).isEqualTo(hex("20 03", "00 00", "00"));
    }

    @Test
    @DisplayName("PUBLISH above the limit is refused with its User Properties intact, not trimmed")
    void publishRefused() {
        PublishPacket packet = new PublishPacket("t", new byte[10], MqttQos.AT_MOST_ONCE, false, false, 0, -1, false,
                null, null, null, USER, 0, List.of());
        int size = encode(packet).length;
        assertThat(encodeWithin(packet, size)).hasSize(size);
        assertThat(encodeError(packet, peerMaximum(size - 1)).getMessage()).contains("PUBLISH", "exceeds");
        assertTooLarge(packet, size - 1);
    }

    @Test
    @DisplayName("CONNECT and SUBSCRIBE above the limit are refused")
    void otherPacketsRefused() {
        assertTooLarge(ConnectPacket.of(MqttVersion.MQTT_5_0, "client", true, 60), 10);
        assertTooLarge(SubscribePacket.of(1, List.of(SubscriptionRequest.of("a/b", MqttQos.AT_LEAST_ONCE))), 10);
    }
}
