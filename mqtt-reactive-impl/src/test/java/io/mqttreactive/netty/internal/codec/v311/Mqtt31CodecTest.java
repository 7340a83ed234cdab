package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertEncodeInvalid;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertGolden;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertSamePacket;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.decode;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.hex;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.mqttreactive.netty.internal.packet.WillPacket;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MQTT 3.1 where it differs from 3.1.1: CONNECT protocol name "MQIsdp" level 3 and a non-empty client id, CONNACK
 * with a reserved first byte, SUBACK without the 0x80 failure code. Other packets are shown to be identical.
 */
class Mqtt31CodecTest {

    private static final MqttVersion V31 = MqttVersion.MQTT_3_1;

    @Test
    @DisplayName("CONNECT carries protocol name MQIsdp and level 3")
    void connect() {
        assertGolden(ConnectPacket.of(V31, "abc", true, 60), V31, hex(
                "10",                   // CONNECT, flags 0000
                "11",                   // remaining length 17
                "0006 4d5149736470",    // protocol name "MQIsdp"
                "03",                   // protocol level 3
                "02",                   // connect flags: clean session
                "003c",                 // keep alive 60 s
                "0003 616263"));        // client id "abc"
    }

    @Test
    @DisplayName("CONNECT with will, user name and password")
    void connectFull() {
        WillPacket will = WillPacket.of("w", new byte[] {'x'}, MqttQos.EXACTLY_ONCE, true);
        ConnectPacket packet = Mqtt311ConnectCodecTest.connect(V31, "id", false, 5, "u", new byte[] {'p'}, will);
        assertGolden(packet, V31, hex(
                "10",                   // CONNECT, flags 0000
                "1c",                   // remaining length 28
                "0006 4d5149736470",    // protocol name "MQIsdp"
                "03",                   // protocol level 3
                "f4",                   // flags: user name 80 | password 40 | will retain 20 | will QoS 2 10 | will 04
                "0005",                 // keep alive 5 s
                "0002 6964",            // client id "id"
                "0001 77",              // will topic "w"
                "0001 78",              // will message "x"
                "0001 75",              // user name "u"
                "0001 70"));            // password "p"
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    @DisplayName("an empty client id is refused in 3.1, even with clean session")
    void emptyClientId(boolean cleanSession) {
        assertEncodeInvalid(ConnectPacket.of(V31, "", cleanSession, 60), V31).hasMessageContaining("client id");
    }

    @Test
    @DisplayName("a password without a user name is refused in 3.1 as in 3.1.1")
    void passwordWithoutUserName() {
        assertEncodeInvalid(Mqtt311ConnectCodecTest.connect(V31, "a", true, 0, null, new byte[] {1}, null), V31)
                .hasMessageContaining("password requires a user name");
    }

    @Test
    @DisplayName("CONNACK: the first byte is reserved and written 0")
    void connAck() {
        assertGolden(ConnAckPacket.of(false, 0), V31, hex(
                "20",                   // CONNACK, flags 0000
                "02",                   // remaining length 2
                "00",                   // reserved
                "00"));                 // return code 0: connection accepted
    }

    @ParameterizedTest(name = "return code {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void connAckRefused(int returnCode) {
        assertGolden(ConnAckPacket.of(false, returnCode), V31, hex(
                "20",                   // CONNACK, flags 0000
                "02",                   // remaining length 2
                "00",                   // reserved
                "0" + returnCode));     // return code
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "ff"})
    @DisplayName("CONNACK: whatever the reserved byte holds, session present decodes as false")
    void connAckReservedByteIgnored(String reserved) {
        assertSamePacket(decode(hex("20 02", reserved, "00"), V31), ConnAckPacket.of(false, 0));
    }

    @Test
    @DisplayName("CONNACK: session present does not exist in 3.1 and is refused")
    void connAckSessionPresentRefused() {
        assertEncodeInvalid(ConnAckPacket.of(true, 0), V31).hasMessageContaining("session present");
    }

    @Test
    @DisplayName("SUBACK: granted QoS 0, 1 and 2")
    void subAck() {
        assertGolden(SubAckPacket.of(1, List.of(0, 1, 2)), V31, hex(
                "90",                   // SUBACK, flags 0000
                "05",                   // remaining length 5
                "0001",                 // packet identifier 1
                "00",                   // granted QoS 0
                "01",                   // granted QoS 1
                "02"));                 // granted QoS 2
    }

    @Test
    @DisplayName("SUBACK: the failure code 0x80 exists only from 3.1.1 and is refused")
    void subAckFailureRefused() {
        assertEncodeInvalid(SubAckPacket.of(1, List.of(0x80)), V31).hasMessageContaining("does not exist");
    }

    @Test
    @DisplayName("PUBLISH is the same as in 3.1.1")
    void publish() {
        assertGolden(PublishPacket.of("a/b", new byte[] {'h', 'i'}, MqttQos.AT_LEAST_ONCE, true, true, 7), V31, hex(
                "3b",                   // PUBLISH, DUP 1, QoS 1, RETAIN 1
                "09",                   // remaining length 9
                "0003 612f62",          // topic name "a/b"
                "0007",                 // packet identifier 7
                "6869"));               // payload "hi"
    }

    @Test
    @DisplayName("PUBREL is the same as in 3.1.1, flags 0010")
    void pubRel() {
        assertGolden(AckPacket.of(MqttPacketType.PUBREL, 9), V31, hex(
                "62",                   // PUBREL, flags 0010
                "02",                   // remaining length 2
                "0009"));               // packet identifier 9
    }
}
