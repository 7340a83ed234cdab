package io.mqttreactive.netty.internal.codec.v5;

import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertGolden;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertInvalid;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertMalformed;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertProtocolError;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.hex;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.packet;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.mqttreactive.netty.internal.packet.WillPacket;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mqtt5ConnectCodecTest {

    private static final String HEADER = "0004 4d515454 05";

    private static final WillPacket FULL_WILL = new WillPacket("w/t", Mqtt5Wire.utf8("bye"), MqttQos.AT_LEAST_ONCE,
            true, 5, 120, true, "text", "r/t", new byte[] {(byte) 0xC0}, List.of(new UserProperty("x", "y")));

    private static final ConnectPacket FULL = new ConnectPacket(MqttVersion.MQTT_5_0, "client", false, 300, "user",
            Mqtt5Wire.utf8("pw"), FULL_WILL, 3600, 20, 1_048_576, 10, true, false,
            List.of(new UserProperty("a", "1"), new UserProperty("a", "1")), "SCRAM", new byte[] {1, 2});

    @Test
    @DisplayName("CONNECT without properties: Property Length 0 [MQTT-2.2.2-1] (5.0); user name and password flags 0 "
            + "and neither in the payload [MQTT-3.1.2-16] [MQTT-3.1.2-18] (5.0)")
    void minimal() {
        assertGolden(ConnectPacket.of(MqttVersion.MQTT_5_0, "c1", true, 60), hex(
                "10",                  // CONNECT, flags 0000
                "0f",                  // remaining length 15
                "0004 4d515454",       // protocol name "MQTT"
                "05",                  // protocol level 5
                "02",                  // connect flags: clean start
                "003c",                // keep alive 60
                "00",                  // property length 0
                "0002 6331"));         // client identifier "c1"
    }

    @Test
    @DisplayName("CONNECT with every CONNECT property, a will with every will property, user name and password; "
            + "user name flag 1 and the user name in the payload [MQTT-3.1.2-17] (5.0)")
    void everyProperty() {
        assertGolden(FULL, hex(
                "10",                  // CONNECT
                "7b",                  // remaining length 123
                "0004 4d515454",       // protocol name "MQTT"
                "05",                  // protocol level 5
                "ec",                  // user name, password, will retain, will QoS 1, will flag; clean start 0
                "012c",                // keep alive 300
                "2f",                  // property length 47
                "11 00000e10",         // Session Expiry Interval 3600
                "21 0014",             // Receive Maximum 20
                "27 00100000",         // Maximum Packet Size 1,048,576
                "22 000a",             // Topic Alias Maximum 10
                "19 01",               // Request Response Information 1
                "17 00",               // Request Problem Information 0
                "26 0001 61 0001 31",  // User Property a=1
                "26 0001 61 0001 31",  // User Property a=1 again, kept as a duplicate
                "15 0005 534352414d",  // Authentication Method "SCRAM"
                "16 0002 0102",        // Authentication Data 01 02
                "0006 636c69656e74",   // client identifier "client"
                "24",                  // will property length 36
                "18 00000005",         // Will Delay Interval 5
                "01 01",               // Payload Format Indicator 1 (UTF-8)
                "02 00000078",         // Message Expiry Interval 120
                "03 0004 74657874",    // Content Type "text"
                "08 0003 722f74",      // Response Topic "r/t"
                "09 0001 c0",          // Correlation Data c0
                "26 0001 78 0001 79",  // User Property x=y
                "0003 772f74",         // will topic "w/t"
                "0003 627965",         // will payload "bye"
                "0004 75736572",       // user name "user"
                "0002 7077"));         // password "pw"
    }

    @Test
    @DisplayName("a non-ASCII client identifier, will topic and user name go as UTF-8 strings and decode back "
            + "[MQTT-3.1.3-4] [MQTT-3.1.3-11] [MQTT-3.1.3-12] (5.0)")
    void nonAsciiStrings() {
        String clientId = "\u00e9\u65e5\ud83d\ude00"; // e-acute, a CJK ideograph, an emoji outside the BMP
        ConnectPacket packet = new ConnectPacket(MqttVersion.MQTT_5_0, clientId, true, 0, "\u00fc", null,
                WillPacket.of("\u00e9/\u65e5", new byte[0], MqttQos.AT_MOST_ONCE, false), 0,
                ConnectPacket.DEFAULT_RECEIVE_MAXIMUM, 0, 0, false, true, List.of(), null, null);
        assertGolden(packet, hex(
                "10 25",               // CONNECT, remaining length 37
                "0004 4d515454 05",    // "MQTT", level 5
                "86",                  // user name, will QoS 0, will flag, clean start
                "0000",                // keep alive 0
                "00",                  // property length 0
                "0009 c3a9 e697a5 f09f9880", // client identifier: 9 UTF-8 bytes, the emoji as one 4-byte sequence
                "00",                  // will property length 0
                "0006 c3a9 2f e697a5", // will topic "e-acute/ideograph" in UTF-8
                "0000",                // empty will payload
                "0002 c3bc"));         // user name "u-umlaut" in UTF-8
    }

    @Test
    @DisplayName("CONNECT with a password and no user name is allowed in 5.0 (section 3.1.2.9)")
    void passwordWithoutUserName() {
        ConnectPacket packet = new ConnectPacket(MqttVersion.MQTT_5_0, "", true, 0, null, new byte[] {9}, null, 0,
                ConnectPacket.DEFAULT_RECEIVE_MAXIMUM, 0, 0, false, true, List.of(), null, null);
        assertGolden(packet, hex(
                "10 10",               // CONNECT, remaining length 16
                "0004 4d515454 05",    // "MQTT", level 5
                "42",                  // connect flags: password, clean start
                "0000",                // keep alive 0
                "00",                  // property length 0
                "0000",                // empty client identifier
                "0001 09"));           // password 09
    }

    @Test
    @DisplayName("CONNECT with a QoS 2 will without properties: will property length 0")
    void willWithoutProperties() {
        ConnectPacket packet = new ConnectPacket(MqttVersion.MQTT_5_0, "c", true, 10, null, null,
                WillPacket.of("t", new byte[0], MqttQos.EXACTLY_ONCE, false), 0,
                ConnectPacket.DEFAULT_RECEIVE_MAXIMUM, 0, 0, false, true, List.of(), null, null);
        assertGolden(packet, hex(
                "10 14",               // CONNECT, remaining length 20
                "0004 4d515454 05",    // "MQTT", level 5
                "16",                  // will QoS 2, will flag, clean start
                "000a",                // keep alive 10
                "00",                  // property length 0
                "0001 63",             // client identifier "c"
                "00",                  // will property length 0
                "0001 74",             // will topic "t"
                "0000"));              // empty will payload
    }

    @ParameterizedTest(name = "protocol name/level {0} is a Protocol Error")
    @ValueSource(strings = {"0004 4d515458 05", "0004 4d515454 04", "0006 4d5149736470 05"})
    void wrongProtocol(String nameAndLevel) {
        assertProtocolError(packet("10", nameAndLevel, "02 003c 00 0000"));
    }

    @Test
    @DisplayName("CONNECT reserved flag set is Malformed [MQTT-3.1.2-3] (5.0)")
    void reservedFlag() {
        assertMalformed(packet("10", HEADER, "03 003c 00 0000"));
    }

    @Test
    @DisplayName("Will QoS 3 is Malformed [MQTT-3.1.2-12] (5.0)")
    void willQos3() {
        assertMalformed(packet("10", HEADER, "1e 003c 00 0000 00 0001 74 0000"));
    }

    @ParameterizedTest(name = "connect flags {0} without will flag: Malformed [MQTT-3.1.2-11]/[MQTT-3.1.2-13] (5.0)")
    @ValueSource(strings = {"0a", "12", "22"})
    void willBitsWithoutWillFlag(String flags) {
        assertMalformed(packet("10", HEADER, flags, "003c 00 0000"));
    }

    @Test
    @DisplayName("Authentication Data without Authentication Method is a Protocol Error (section 3.1.2.11.10)")
    void authenticationDataWithoutMethod() {
        assertProtocolError(packet("10", HEADER, "02 003c 03 16 0000 0000"));
    }

    @ParameterizedTest(name = "property {0} breaks its value rule: Protocol Error")
    @ValueSource(strings = {"03 21 0000", "05 27 00000000", "02 17 02", "02 19 02"})
    void propertyValueRules(String properties) {
        assertProtocolError(packet("10", HEADER, "02 003c", properties, "0000"));
    }

    @Test
    @DisplayName("Session Expiry Interval twice is a Protocol Error (section 3.1.2.11.2)")
    void duplicatedSessionExpiry() {
        assertProtocolError(packet("10", HEADER, "02 003c 0a 11 00000001 11 00000002 0000"));
    }

    @Test
    @DisplayName("Session Expiry Interval in the Will Properties is not valid there: Malformed (section 2.2.2.2)")
    void sessionExpiryInWillProperties() {
        assertMalformed(packet("10", HEADER, "06 003c 00 0000 05 11 00000001 0001 74 0000"));
    }

    @Test
    @DisplayName("Will Payload Format Indicator 2 is a Protocol Error")
    void willPayloadFormatIndicator2() {
        assertProtocolError(packet("10", HEADER, "06 003c 00 0000 02 01 02 0001 74 0000"));
    }

    @ParameterizedTest(name = "will topic {0} is a Protocol Error")
    @ValueSource(strings = {"0003 612f23", "0003 2b2f61", "0000"})
    void invalidWillTopic(String topic) {
        assertProtocolError(packet("10", HEADER, "06 003c 00 0000 00", topic, "0000"));
    }

    @Test
    @DisplayName("user name flag set but the payload ends: Malformed")
    void missingUserName() {
        assertMalformed(packet("10", HEADER, "82 003c 00 0000"));
    }

    @Test
    @DisplayName("encoder refuses a 3.1.1 CONNECT")
    void encoderRefusesOtherVersion() {
        assertInvalid(ConnectPacket.of(MqttVersion.MQTT_3_1_1, "c", true, 60));
    }

    @Test
    @DisplayName("encoder refuses Authentication Data without Authentication Method")
    void encoderRefusesDataWithoutMethod() {
        assertInvalid(new ConnectPacket(MqttVersion.MQTT_5_0, "c", true, 0, null, null, null, 0, 65_535, 0, 0,
                false, true, List.of(), null, new byte[] {1}));
    }

    @ParameterizedTest(name = "encoder refuses keep alive {0}")
    @ValueSource(ints = {-1, 65_536})
    void encoderRefusesKeepAlive(int keepAlive) {
        assertInvalid(ConnectPacket.of(MqttVersion.MQTT_5_0, "c", true, keepAlive));
    }

    @ParameterizedTest(name = "encoder refuses Receive Maximum {0}")
    @ValueSource(ints = {0, 65_536})
    void encoderRefusesReceiveMaximum(int receiveMaximum) {
        assertInvalid(new ConnectPacket(MqttVersion.MQTT_5_0, "c", true, 0, null, null, null, 0, receiveMaximum, 0,
                0, false, true, List.of(), null, null));
    }

    @ParameterizedTest(name = "encoder refuses will topic \"{0}\"")
    @ValueSource(strings = {"", "a/+", "#"})
    void encoderRefusesWillTopic(String topic) {
        ConnectPacket packet = new ConnectPacket(MqttVersion.MQTT_5_0, "c", true, 0, null, null,
                WillPacket.of(topic, new byte[0], MqttQos.AT_MOST_ONCE, false), 0, 65_535, 0, 0, false, true,
                List.of(), null, null);
        assertInvalid(packet);
    }

    @Test
    @DisplayName("encoder refuses a will Response Topic with wildcards [MQTT-3.3.2-14] (5.0)")
    void encoderRefusesWillResponseTopicWildcard() {
        WillPacket will = new WillPacket("t", new byte[0], MqttQos.AT_MOST_ONCE, false, 0, -1, false, null, "r/#",
                null, List.of());
        assertInvalid(new ConnectPacket(MqttVersion.MQTT_5_0, "c", true, 0, null, null, will, 0, 65_535, 0, 0,
                false, true, List.of(), null, null));
    }

    @Test
    @DisplayName("encoder refuses a Session Expiry Interval above 0xFFFFFFFF")
    void encoderRefusesSessionExpiry() {
        assertInvalid(new ConnectPacket(MqttVersion.MQTT_5_0, "c", true, 0, null, null, null, 0x1_0000_0000L,
                65_535, 0, 0, false, true, List.of(), null, null));
    }
}
