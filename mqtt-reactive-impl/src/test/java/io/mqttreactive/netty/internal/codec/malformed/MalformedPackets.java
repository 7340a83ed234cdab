package io.mqttreactive.netty.internal.codec.malformed;

import static io.mqttreactive.MqttVersion.MQTT_3_1;
import static io.mqttreactive.MqttVersion.MQTT_3_1_1;
import static io.mqttreactive.MqttVersion.MQTT_5_0;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import java.util.List;

/**
 * The table of malformed inputs for {@link MalformedPacketTest}: one packet each, as hex with '|' between fields,
 * the version of the connection, the reason code the decoder must throw with and the standard's statement it
 * breaks. The classification follows MQTT 5.0 section 1.2 (Malformed Packet: cannot be parsed according to the
 * specification; Protocol Error: parsed, but carries data the protocol does not allow), the explicit statements of
 * sections 1.5.4, 2.1.3 and 2.2.2.2 (ill-formed UTF-8, invalid fixed-header flags and a property identifier not
 * valid for the packet type are Malformed Packets) and section 4.13. MQTT 3.1 and 3.1.1 only say "close the
 * connection"; their cases follow the rule the 3.x codec documents, 0x81 for syntax and 0x82 for a well-formed value
 * the version does not allow, which counts an invalid combination of flags (DUP with QoS 0, a password flag without
 * the user name flag) as syntax. DUP with QoS 0, which no version classifies, follows both codecs' documented choice,
 * Malformed, in 5.0 too, although section 1.2 reads as Protocol Error. Packet Too Large (0x95) is the size check of
 * section 3.1.2.11.4, made on the fixed header before the body has arrived.
 */
final class MalformedPackets {

    static final int MALFORMED = ReasonCode.MALFORMED_PACKET;
    static final int PROTOCOL_ERROR = ReasonCode.PROTOCOL_ERROR;
    static final int TOO_LARGE = ReasonCode.PACKET_TOO_LARGE;

    /** One malformed input. {@code maximumPacketSize} is the size this side accepts. */
    record Case(MqttVersion version, String statement, int reasonCode, String hex, int maximumPacketSize) {

        @Override
        public String toString() {
            return version + ": " + statement;
        }
    }

    private MalformedPackets() {
    }

    static List<Case> all() {
        return List.of(
                c(MQTT_3_1_1, "CONNECT client id length 5 past the end [MQTT-3.1.3-3] (3.1.1)", MALFORMED,
                        "10 0C | 00 04 4D 51 54 54 | 04 | 02 | 00 3C | 00 05"),
                c(MQTT_3_1_1, "CONNACK with one byte of two [MQTT-3.2.2-1] (3.1.1)", MALFORMED, "20 01 | 00"),
                c(MQTT_3_1_1, "PUBLISH topic length 5 with 1 byte left [MQTT-3.3.2-1] (3.1.1)", MALFORMED,
                        "30 03 | 00 05 61"),
                c(MQTT_3_1_1, "PUBLISH QoS 1 without its packet id [MQTT-2.3.1-1] (3.1.1)", MALFORMED,
                        "32 03 | 00 01 61"),
                c(MQTT_3_1_1, "PUBACK with one byte of its packet id (3.1.1 section 3.4)", MALFORMED, "40 01 | 00"),
                c(MQTT_3_1_1, "PUBREC with one byte of its packet id (3.1.1 section 3.5)", MALFORMED, "50 01 | 00"),
                c(MQTT_3_1_1, "PUBREL with one byte of its packet id (3.1.1 section 3.6)", MALFORMED, "62 01 | 00"),
                c(MQTT_3_1_1, "PUBCOMP with one byte of its packet id (3.1.1 section 3.7)", MALFORMED, "70 01 | 00"),
                c(MQTT_3_1_1, "SUBSCRIBE filter without its QoS byte [MQTT-3.8.3-3] (3.1.1)", MALFORMED,
                        "82 05 | 00 01 | 00 01 61"),
                c(MQTT_3_1_1, "SUBACK with one byte of its packet id [MQTT-2.3.1-7] (3.1.1)", MALFORMED, "90 01 | 00"),
                c(MQTT_3_1_1, "UNSUBSCRIBE filter length 3 past the end [MQTT-3.10.3-1] (3.1.1)", MALFORMED,
                        "A2 04 | 00 01 | 00 03"),
                c(MQTT_3_1_1, "UNSUBACK with one byte of its packet id [MQTT-2.3.1-7] (3.1.1)", MALFORMED, "B0 01 | 00"),
                c(MQTT_3_1, "PUBLISH topic length 2 with 1 byte left (3.1 section 3.3)", MALFORMED, "30 03 | 00 02 61"),
                c(MQTT_3_1_1, "CONNECT with a byte after the client id (3.1.1 section 3.1.3)", MALFORMED,
                        "10 0E | 00 04 4D 51 54 54 | 04 | 02 | 00 3C | 00 01 61 | FF"),
                c(MQTT_3_1_1, "CONNACK with a third byte (3.1.1 section 3.2)", MALFORMED, "20 03 | 00 00 | 00"),
                c(MQTT_3_1_1, "PUBACK with a third byte (3.1.1 section 3.4)", MALFORMED, "40 03 | 00 01 | 00"),
                c(MQTT_3_1_1, "UNSUBACK with a third byte (3.1.1 section 3.11)", MALFORMED, "B0 03 | 00 01 | 00"),
                c(MQTT_3_1_1, "PINGREQ with a body (3.1.1 section 3.12)", MALFORMED, "C0 01 | 00"),
                c(MQTT_3_1_1, "PINGRESP with a body (3.1.1 section 3.13)", MALFORMED, "D0 01 | 00"),
                c(MQTT_3_1_1, "DISCONNECT with a body (3.1.1 section 3.14)", MALFORMED, "E0 01 | 00"),
                c(MQTT_5_0, "PUBACK with a byte after its properties (5.0 section 3.4)", MALFORMED,
                        "40 05 | 00 01 | 00 | 00 | 00"),
                c(MQTT_3_1_1, "CONNECT flags 0001 [MQTT-2.2.2-2] (3.1.1)", MALFORMED,
                        "11 0D | 00 04 4D 51 54 54 | 04 | 02 | 00 3C | 00 01 61"),
                c(MQTT_3_1_1, "CONNACK flags 0001 [MQTT-2.2.2-2] (3.1.1)", MALFORMED, "21 02 | 00 00"),
                c(MQTT_3_1_1, "PUBACK flags 0001 [MQTT-2.2.2-2] (3.1.1)", MALFORMED, "41 02 | 00 01"),
                c(MQTT_3_1_1, "PUBREC flags 1000 [MQTT-2.2.2-2] (3.1.1)", MALFORMED, "58 02 | 00 01"),
                c(MQTT_3_1_1, "PUBREL flags 0000 [MQTT-3.6.1-1] [MQTT-2.2.2-2] (3.1.1)", MALFORMED, "60 02 | 00 01"),
                c(MQTT_3_1_1, "PUBCOMP flags 0010 [MQTT-2.2.2-2] (3.1.1)", MALFORMED, "72 02 | 00 01"),
                c(MQTT_3_1_1, "SUBSCRIBE flags 0000 [MQTT-3.8.1-1] [MQTT-2.2.2-2] (3.1.1)", MALFORMED,
                        "80 06 | 00 01 | 00 01 61 | 00"),
                c(MQTT_3_1_1, "SUBACK flags 0010 [MQTT-2.2.2-2] (3.1.1)", MALFORMED, "92 03 | 00 01 | 00"),
                c(MQTT_3_1_1, "UNSUBSCRIBE flags 0000 [MQTT-3.10.1-1] [MQTT-2.2.2-2] (3.1.1)", MALFORMED,
                        "A0 05 | 00 01 | 00 01 61"),
                c(MQTT_3_1_1, "UNSUBACK flags 0100 [MQTT-2.2.2-2] (3.1.1)", MALFORMED, "B4 02 | 00 01"),
                c(MQTT_3_1_1, "PINGREQ flags 0001 [MQTT-2.2.2-2] (3.1.1)", MALFORMED, "C1 00"),
                c(MQTT_3_1_1, "PINGRESP flags 1000 [MQTT-2.2.2-2] (3.1.1)", MALFORMED, "D8 00"),
                c(MQTT_3_1_1, "DISCONNECT flags 0010 [MQTT-3.14.1-1] [MQTT-2.2.2-2] (3.1.1)", MALFORMED, "E2 00"),
                c(MQTT_5_0, "DISCONNECT flags 0001 [MQTT-3.14.1-1] (5.0)", MALFORMED, "E1 00"),
                c(MQTT_5_0, "AUTH flags 0001 [MQTT-3.15.1-1] (5.0)", MALFORMED, "F1 00"),
                c(MQTT_5_0, "PUBREL flags 0011 [MQTT-3.6.1-1] [MQTT-2.1.3-1] (5.0)", MALFORMED, "63 02 | 00 01"),
                c(MQTT_3_1_1, "reserved packet type 0 (3.1.1 section 2.2.1)", MALFORMED, "00 00"),
                c(MQTT_3_1_1, "reserved packet type 15 (3.1.1 section 2.2.1)", MALFORMED, "F0 00"),
                c(MQTT_3_1, "reserved packet type 15 (3.1 section 2.1)", MALFORMED, "F0 00"),
                c(MQTT_5_0, "reserved packet type 0 (5.0 section 2.1.2)", MALFORMED, "00 00"),
                c(MQTT_3_1_1, "AUTH does not exist in 3.1.1 (3.1.1 section 2.2.1)", MALFORMED,
                        "F0 02 | 18 | 00"),
                c(MQTT_3_1_1, "remaining length of 5 bytes (3.1.1 section 2.2.3)", MALFORMED, "30 | FF FF FF FF 7F"),
                c(MQTT_5_0, "remaining length of 5 bytes [MQTT-1.5.5-1] (5.0 section 1.5.5)", MALFORMED,
                        "30 | FF FF FF FF 7F"),
                c(MQTT_5_0, "DISCONNECT property length of 5 bytes (5.0 section 1.5.5)", MALFORMED,
                        "E0 06 | 00 | FF FF FF FF 7F"),
                tooLarge(MQTT_3_1_1, "remaining length 16,383 above the maximum of 100, body not yet arrived", 100,
                        "30 FF 7F"),
                tooLarge(MQTT_5_0, "packet of 129 bytes above the maximum of 128, body not yet arrived "
                        + "(5.0 section 3.1.2.11.4)", 128, "30 7F"),
                c(MQTT_3_1_1, "PUBLISH QoS 3 [MQTT-3.3.1-4] (3.1.1)", MALFORMED, "36 05 | 00 01 61 | 00 01"),
                c(MQTT_5_0, "PUBLISH QoS 3 [MQTT-3.3.1-4] (5.0)", MALFORMED, "36 06 | 00 01 61 | 00 01 | 00"),
                c(MQTT_3_1_1, "PUBLISH QoS 0 with DUP [MQTT-3.3.1-2] (3.1.1)", MALFORMED, "38 03 | 00 01 61"),
                c(MQTT_5_0, "PUBLISH QoS 0 with DUP [MQTT-3.3.1-2] (5.0)", MALFORMED, "38 04 | 00 01 61 | 00"),
                c(MQTT_3_1_1, "PUBLISH QoS 1 with packet id 0 [MQTT-2.3.1-1] (3.1.1)", PROTOCOL_ERROR,
                        "32 05 | 00 01 61 | 00 00"),
                c(MQTT_3_1_1, "PUBACK with packet id 0 [MQTT-2.3.1-1] (3.1.1)", PROTOCOL_ERROR, "40 02 | 00 00"),
                c(MQTT_3_1_1, "SUBACK with packet id 0 [MQTT-2.3.1-1] (3.1.1)", PROTOCOL_ERROR, "90 03 | 00 00 | 00"),
                c(MQTT_5_0, "PUBLISH QoS 2 with packet id 0 [MQTT-2.2.1-3] (5.0)", PROTOCOL_ERROR,
                        "34 06 | 00 01 61 | 00 00 | 00"),
                c(MQTT_5_0, "UNSUBACK with packet id 0 [MQTT-2.2.1-6] (5.0)", PROTOCOL_ERROR,
                        "B0 04 | 00 00 | 00 | 00"),
                c(MQTT_3_1_1, "PUBLISH topic name '#' [MQTT-3.3.2-2] (3.1.1)", PROTOCOL_ERROR, "30 03 | 00 01 23"),
                c(MQTT_5_0, "PUBLISH topic name 'a/+' [MQTT-3.3.2-2] (5.0)", PROTOCOL_ERROR,
                        "30 06 | 00 03 61 2F 2B | 00"),
                c(MQTT_3_1_1, "PUBLISH topic with C3 28, an ill-formed sequence [MQTT-1.5.3-1] (3.1.1)", MALFORMED,
                        "30 04 | 00 02 C3 28"),
                c(MQTT_5_0, "PUBLISH topic with C0 AF, an overlong '/' [MQTT-1.5.4-1] (5.0)", MALFORMED,
                        "30 05 | 00 02 C0 AF | 00"),
                c(MQTT_3_1_1, "PUBLISH topic with U+0000 [MQTT-1.5.3-2] (3.1.1)", MALFORMED, "30 05 | 00 03 61 00 62"),
                c(MQTT_5_0, "reason string with U+0000 [MQTT-1.5.4-2] (5.0)", MALFORMED,
                        "40 09 | 00 01 | 10 | 05 | 1F 00 02 61 00"),
                c(MQTT_3_1_1, "PUBLISH topic with the encoded surrogate U+D800 [MQTT-1.5.3-1] (3.1.1)", MALFORMED,
                        "30 05 | 00 03 ED A0 80"),
                c(MQTT_5_0, "user property name with the encoded surrogate U+DFFF [MQTT-1.5.4-1] (5.0)", MALFORMED,
                        "40 0D | 00 01 | 00 | 09 | 26 00 03 ED BF BF 00 01 78"),
                c(MQTT_3_1_1, "CONNECT reserved flag set [MQTT-3.1.2-3] (3.1.1)", MALFORMED,
                        "10 0D | 00 04 4D 51 54 54 | 04 | 03 | 00 3C | 00 01 61"),
                c(MQTT_5_0, "CONNECT reserved flag set [MQTT-3.1.2-3] (5.0)", MALFORMED,
                        "10 0E | 00 04 4D 51 54 54 | 05 | 03 | 00 3C | 00 | 00 01 61"),
                c(MQTT_3_1_1, "CONNECT will QoS 3 [MQTT-3.1.2-14] (3.1.1)", MALFORMED,
                        "10 14 | 00 04 4D 51 54 54 | 04 | 1E | 00 3C | 00 01 61 | 00 01 74 | 00 02 68 69"),
                c(MQTT_3_1_1, "CONNECT password without user name [MQTT-3.1.2-22] (3.1.1)", MALFORMED,
                        "10 10 | 00 04 4D 51 54 54 | 04 | 42 | 00 3C | 00 01 61 | 00 01 70"),
                c(MQTT_3_1_1, "CONNACK return code 6 is undefined (3.1.1 section 3.2.2.3)", PROTOCOL_ERROR,
                        "20 02 | 00 | 06"),
                c(MQTT_3_1, "CONNACK return code 6 is undefined (3.1 section 3.2)", PROTOCOL_ERROR, "20 02 | 00 | 06"),
                c(MQTT_3_1_1, "CONNACK session present with return code 5 [MQTT-3.2.2-4] (3.1.1)", PROTOCOL_ERROR,
                        "20 02 | 01 | 05"),
                c(MQTT_3_1_1, "CONNACK acknowledge flags bit 1 set (3.1.1 section 3.2.2.1)", MALFORMED,
                        "20 02 | 02 | 00"),
                c(MQTT_5_0, "CONNACK session present with reason code 0x80 [MQTT-3.2.2-6] (5.0)", PROTOCOL_ERROR,
                        "20 03 | 01 | 80 | 00"),
                c(MQTT_5_0, "CONNACK reason code 0x05, a 3.1.1 code (5.0 section 3.2.2.2)", PROTOCOL_ERROR,
                        "20 03 | 00 | 05 | 00"),
                c(MQTT_5_0, "CONNACK without its property length (5.0 section 3.2.2.3)", MALFORMED, "20 02 | 00 | 00"),
                c(MQTT_3_1_1, "SUBACK return code 3 [MQTT-3.9.3-2] (3.1.1)", PROTOCOL_ERROR, "90 03 | 00 01 | 03"),
                c(MQTT_5_0, "SUBACK reason code 0x03 (5.0 section 3.9.3)", PROTOCOL_ERROR, "90 04 | 00 01 | 00 | 03"),
                c(MQTT_3_1_1, "SUBSCRIBE options with reserved bit 2 set [MQTT-3-8.3-4] (3.1.1)", MALFORMED,
                        "82 06 | 00 01 | 00 01 61 | 04"),
                c(MQTT_5_0, "SUBSCRIBE options with Retain Handling 3 (5.0 section 3.8.3.1)", PROTOCOL_ERROR,
                        "82 07 | 00 01 | 00 | 00 01 61 | 30"),
                c(MQTT_5_0, "SUBSCRIBE options with reserved bit 6 set [MQTT-3.8.3-5] (5.0)", MALFORMED,
                        "82 07 | 00 01 | 00 | 00 01 61 | 40"),
                c(MQTT_5_0, "SUBSCRIBE No Local on a shared subscription [MQTT-3.8.3-4] (5.0)", PROTOCOL_ERROR,
                        "82 10 | 00 01 | 00 | 00 0A 24 73 68 61 72 65 2F 67 2F 74 | 04"),
                c(MQTT_5_0, "Subscription Identifier twice in SUBSCRIBE (5.0 section 3.8.2.1.2)", PROTOCOL_ERROR,
                        "82 0B | 00 01 | 04 | 0B 01 0B 02 | 00 01 61 | 00"),
                c(MQTT_5_0, "SUBACK without a reason code (5.0 section 3.9.3)", PROTOCOL_ERROR, "90 03 | 00 01 | 00"),
                c(MQTT_5_0, "unknown property identifier 0x7F (5.0 section 2.2.2.2)", MALFORMED,
                        "40 06 | 00 01 | 00 | 02 | 7F 00"),
                c(MQTT_5_0, "Topic Alias in PUBACK (5.0 section 2.2.2.2)", MALFORMED,
                        "40 07 | 00 01 | 00 | 03 | 23 00 01"),
                c(MQTT_5_0, "Session Expiry Interval in PUBLISH (5.0 section 2.2.2.2)", MALFORMED,
                        "30 09 | 00 01 61 | 05 | 11 00 00 00 0A"),
                c(MQTT_5_0, "Content Type twice in PUBLISH (5.0 section 3.3.2.3.9)", PROTOCOL_ERROR,
                        "30 0C | 00 01 61 | 08 | 03 00 01 78 | 03 00 01 79"),
                c(MQTT_5_0, "Receive Maximum twice in CONNACK (5.0 section 3.2.2.3.3)", PROTOCOL_ERROR,
                        "20 09 | 00 | 00 | 06 | 21 00 0A | 21 00 0A"),
                c(MQTT_5_0, "PUBACK property length 5 with 1 byte left (5.0 section 2.2.2.1)", MALFORMED,
                        "40 05 | 00 01 | 00 | 05 | 1F"),
                c(MQTT_5_0, "reason string length 5 past the property length of 4 (5.0 section 1.5.4)", MALFORMED,
                        "40 08 | 00 01 | 00 | 04 | 1F 00 05 61"),
                c(MQTT_5_0, "PUBACK reason code 0x92 (5.0 section 3.4.2.1)", PROTOCOL_ERROR, "40 03 | 00 01 | 92"),
                c(MQTT_5_0, "PUBREL reason code 0x10 (5.0 section 3.6.2.1)", PROTOCOL_ERROR, "62 03 | 00 01 | 10"),
                c(MQTT_5_0, "UNSUBACK reason code 0x01 (5.0 section 3.11.3)", PROTOCOL_ERROR,
                        "B0 04 | 00 01 | 00 | 01"),
                c(MQTT_5_0, "DISCONNECT reason code 0x05 (5.0 section 3.14.2.1)", PROTOCOL_ERROR, "E0 01 | 05"),
                c(MQTT_5_0, "AUTH reason code 0x01 (5.0 section 3.15.2.1)", PROTOCOL_ERROR, "F0 02 | 01 | 00"),
                c(MQTT_5_0, "AUTH with Authentication Data but no Authentication Method (5.0 section 3.15.2.2.2)",
                        PROTOCOL_ERROR, "F0 06 | 18 | 04 | 16 00 01 AA"),
                c(MQTT_5_0, "Receive Maximum 0 in CONNACK (5.0 section 3.2.2.3.3)", PROTOCOL_ERROR,
                        "20 06 | 00 | 00 | 03 | 21 00 00"),
                c(MQTT_5_0, "Maximum QoS 2 in CONNACK (5.0 section 3.2.2.3.4)", PROTOCOL_ERROR,
                        "20 05 | 00 | 00 | 02 | 24 02"),
                c(MQTT_5_0, "Retain Available 2 in CONNACK (5.0 section 3.2.2.3.5)", PROTOCOL_ERROR,
                        "20 05 | 00 | 00 | 02 | 25 02"),
                c(MQTT_5_0, "Maximum Packet Size 0 in CONNACK (5.0 section 3.2.2.3.6)", PROTOCOL_ERROR,
                        "20 08 | 00 | 00 | 05 | 27 00 00 00 00"),
                c(MQTT_5_0, "Authentication Data without Authentication Method (5.0 section 3.2.2.3.18)",
                        PROTOCOL_ERROR, "20 06 | 00 | 00 | 03 | 16 00 00"),
                c(MQTT_5_0, "Topic Alias 0 in PUBLISH [MQTT-3.3.2-8] (5.0)", PROTOCOL_ERROR,
                        "30 07 | 00 01 61 | 03 | 23 00 00"),
                c(MQTT_5_0, "empty topic name without Topic Alias (5.0 section 3.3.2.1)", PROTOCOL_ERROR,
                        "30 03 | 00 00 | 00"),
                c(MQTT_5_0, "Subscription Identifier 0 in PUBLISH (5.0 section 3.3.2.3.8)", PROTOCOL_ERROR,
                        "30 06 | 00 01 61 | 02 | 0B 00"),
                c(MQTT_5_0, "Payload Format Indicator 2 in PUBLISH (5.0 section 3.3.2.3.2)", PROTOCOL_ERROR,
                        "30 06 | 00 01 61 | 02 | 01 02"));
    }

    private static Case c(MqttVersion version, String statement, int reasonCode, String hex) {
        return new Case(version, statement, reasonCode, hex, DecodeContext.PROTOCOL_MAXIMUM_PACKET_SIZE);
    }

    private static Case tooLarge(MqttVersion version, String statement, int maximumPacketSize, String hex) {
        return new Case(version, statement, TOO_LARGE, hex, maximumPacketSize);
    }
}
