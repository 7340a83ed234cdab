package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertEncodeInvalid;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertGolden;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertSamePacket;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.decode;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.encode;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.WillPacket;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CONNECT in MQTT 3.1.1 (section 3.1): golden vectors both ways and the encoder's refusals. */
class Mqtt311ConnectCodecTest {

    private static final MqttVersion V311 = MqttVersion.MQTT_3_1_1;

    @Test
    @DisplayName("[MQTT-3.1.2-18] (3.1.1) minimal CONNECT: clean session, keep alive 60, client id 'abc'; "
            + "user name flag 0 and no user name in the payload")
    void minimal() {
        assertGolden(ConnectPacket.of(V311, "abc", true, 60), V311, hex(
                "10",                   // CONNECT, flags 0000
                "0f",                   // remaining length 15
                "0004 4d515454",        // protocol name "MQTT"
                "04",                   // protocol level 4
                "02",                   // connect flags: clean session
                "003c",                 // keep alive 60 s
                "0003 616263"));        // client id "abc"
    }

    @Test
    @DisplayName("[MQTT-3.1.3-4] [MQTT-3.1.3-11] (3.1.1) a non-ASCII client id and user name go as UTF-8 strings "
            + "and decode back")
    void nonAsciiClientIdAndUserName() {
        String clientId = "\u00e9\u65e5\ud83d\ude00"; // e-acute, a CJK ideograph, an emoji outside the BMP
        assertGolden(connect(clientId, true, 0, "\u00fc", null, null), V311, hex(
                "10",                   // CONNECT, flags 0000
                "19",                   // remaining length 25
                "0004 4d515454",        // protocol name "MQTT"
                "04",                   // protocol level 4
                "82",                   // flags: user name 80 | clean session 02
                "0000",                 // keep alive 0
                "0009 c3a9 e697a5 f09f9880", // client id: 9 UTF-8 bytes, the emoji as one 4-byte sequence
                "0002 c3bc"));          // user name "u-umlaut" in UTF-8
    }

    @Test
    @DisplayName("[MQTT-3.1.3-1] (3.1.1) full CONNECT: will, user name and password in payload order")
    void full() {
        WillPacket will = WillPacket.of("w/t", new byte[] {'b', 'y', 'e'}, MqttQos.AT_LEAST_ONCE, true);
        ConnectPacket packet = connect("c1", false, 65_535, "u", new byte[] {'p', 'w'}, will);
        assertGolden(packet, V311, hex(
                "10",                   // CONNECT, flags 0000
                "1f",                   // remaining length 31
                "0004 4d515454",        // protocol name "MQTT"
                "04",                   // protocol level 4
                "ec",                   // flags: user name 80 | password 40 | will retain 20 | will QoS 1 08 | will 04
                "ffff",                 // keep alive 65535 s, the largest
                "0002 6331",            // client id "c1"
                "0003 772f74",          // will topic "w/t"
                "0003 627965",          // will message "bye"
                "0001 75",              // user name "u"
                "0002 7077"));          // password "pw"
    }

    @Test
    @DisplayName("will with QoS 2 and no retain, keep alive 0")
    void willQos2() {
        WillPacket will = WillPacket.of("t", new byte[0], MqttQos.EXACTLY_ONCE, false);
        assertGolden(connect("c", true, 0, null, null, will), V311, hex(
                "10",                   // CONNECT, flags 0000
                "12",                   // remaining length 18
                "0004 4d515454",        // protocol name "MQTT"
                "04",                   // protocol level 4
                "16",                   // flags: will QoS 2 10 | will 04 | clean session 02
                "0000",                 // keep alive 0: off
                "0001 63",              // client id "c"
                "0001 74",              // will topic "t"
                "0000"));               // will message: empty
    }

    @Test
    @DisplayName("[MQTT-3.1.2-19] (3.1.1) user name without password")
    void userNameOnly() {
        assertGolden(connect("c", true, 10, "", null, null), V311, hex(
                "10",                   // CONNECT, flags 0000
                "0f",                   // remaining length 15
                "0004 4d515454",        // protocol name "MQTT"
                "04",                   // protocol level 4
                "82",                   // flags: user name 80 | clean session 02
                "000a",                 // keep alive 10 s
                "0001 63",              // client id "c"
                "0000"));               // user name: empty string
    }

    @Test
    @DisplayName("[MQTT-3.1.3-7] (3.1.1) a zero-byte client id is allowed with clean session")
    void emptyClientIdWithCleanSession() {
        assertGolden(ConnectPacket.of(V311, "", true, 30), V311, hex(
                "10",                   // CONNECT, flags 0000
                "0c",                   // remaining length 12
                "0004 4d515454",        // protocol name "MQTT"
                "04",                   // protocol level 4
                "02",                   // flags: clean session
                "001e",                 // keep alive 30 s
                "0000"));               // client id: zero bytes
    }

    @Test
    @DisplayName("[MQTT-3.1.3-7] (3.1.1) a zero-byte client id without clean session is refused")
    void emptyClientIdWithoutCleanSession() {
        assertEncodeInvalid(ConnectPacket.of(V311, "", false, 30), V311).hasMessageContaining("Clean Session");
    }

    @Test
    @DisplayName("a 65,535-byte user name is accepted both ways; the remaining length takes three bytes")
    void maximumLengthUserName() {
        String longest = "n".repeat(65_535);
        ConnectPacket packet = connect("a", true, 0, longest, null, null);
        byte[] bytes = encode(packet, V311);
        assertThat(Arrays.copyOfRange(bytes, 0, 4)).isEqualTo(hex(
                "10",                   // CONNECT, flags 0000
                "8e8004"));             // remaining length 65550 = 10 + 3 (client id) + 65537 (user name)
        assertThat(bytes).hasSize(1 + 3 + 65_550);
        assertSamePacket(decode(bytes, V311), packet);
    }

    @Test
    @DisplayName("a 65,536-byte user name is refused")
    void overlongUserName() {
        assertEncodeInvalid(connect("a", true, 0, "n".repeat(65_536), null, null), V311).hasMessageContaining("65535");
    }

    @Test
    @DisplayName("[MQTT-3.1.2-22] (3.1.1) a password without a user name is refused")
    void passwordWithoutUserName() {
        assertEncodeInvalid(connect("a", true, 0, null, new byte[] {1}, null), V311)
                .hasMessageContaining("password requires a user name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/+", "#", "", "a\u0000b"})
    @DisplayName("[MQTT-3.1.3-10] (3.1.1) a will topic must be a valid topic name")
    void invalidWillTopic(String topic) {
        WillPacket will = WillPacket.of(topic, new byte[0], MqttQos.AT_MOST_ONCE, false);
        assertEncodeInvalid(connect("a", true, 0, null, null, will), V311);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65_536})
    @DisplayName("keep alive must fit two bytes")
    void keepAliveOutOfRange(int keepAlive) {
        assertEncodeInvalid(ConnectPacket.of(V311, "a", true, keepAlive), V311).hasMessageContaining("keep alive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MQTT_3_1", "MQTT_5_0"})
    @DisplayName("the CONNECT version must be the connection's version")
    void versionMismatch(MqttVersion packetVersion) {
        assertEncodeInvalid(ConnectPacket.of(packetVersion, "a", true, 0), V311).hasMessageContaining("cannot be sent");
    }

    @Test
    @DisplayName("a will message of 65,536 bytes is refused")
    void overlongWillMessage() {
        WillPacket will = WillPacket.of("t", new byte[65_536], MqttQos.AT_MOST_ONCE, false);
        assertEncodeInvalid(connect("a", true, 0, null, null, will), V311).hasMessageContaining("65536");
    }

    static ConnectPacket connect(String clientId, boolean cleanSession, int keepAlive, @Nullable String username,
            byte @Nullable [] password, @Nullable WillPacket will) {
        return connect(V311, clientId, cleanSession, keepAlive, username, password, will);
    }

    static ConnectPacket connect(MqttVersion version, String clientId, boolean cleanSession, int keepAlive,
            @Nullable String username, byte @Nullable [] password, @Nullable WillPacket will) {
        return new ConnectPacket(version, clientId, cleanSession, keepAlive, username, password, will, 0,
                ConnectPacket.DEFAULT_RECEIVE_MAXIMUM, ConnectPacket.NO_MAXIMUM_PACKET_SIZE, 0, false, true,
                List.of(), null, null);
    }
}
