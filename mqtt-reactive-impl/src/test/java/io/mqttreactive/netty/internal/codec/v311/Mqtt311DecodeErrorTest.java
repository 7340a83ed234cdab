package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertDecodeFails;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.hex;

import io.mqttreactive.MqttVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way an MQTT 3.1 or 3.1.1 packet can be refused by the decoders, with the reason code it is refused with:
 * 0x81 (malformed) for syntax, 0x82 (protocol error) for a well-formed value the version does not allow.
 */
class Mqtt311DecodeErrorTest {

    @ParameterizedTest(name = "{0} ({1}) -> {3}: {4}")
    @CsvSource(delimiter = '|', value = {
        "[MQTT-3.1.2-1] protocol name MQIsdp level 3 on a 3.1.1 connection | MQTT_3_1_1 | 10 0f 0006 4d5149736470 03 02 003c 0001 61 | 0x82 | is not MQTT_3_1_1",
        "[MQTT-3.1.2-2] protocol level 5                       | MQTT_3_1_1 | 10 0d 0004 4d515454 05 02 003c 0001 61 | 0x82 | level 5 is not",
        "[MQTT-3.1.2-2] protocol level 3 with name MQTT        | MQTT_3_1_1 | 10 0d 0004 4d515454 03 02 003c 0001 61 | 0x82 | level 3 is not",
        "[MQTT-3.1.2-1] protocol name MQTX                     | MQTT_3_1_1 | 10 0d 0004 4d515458 04 02 003c 0001 61 | 0x82 | MQTX",
        "protocol name MQTT level 4 on a 3.1 connection        | MQTT_3_1   | 10 0d 0004 4d515454 04 02 003c 0001 61 | 0x82 | is not MQTT_3_1",
        "protocol name MQIsdp level 4 on a 3.1 connection      | MQTT_3_1   | 10 0f 0006 4d5149736470 04 02 003c 0001 61 | 0x82 | is not MQTT_3_1",
        "CONNECT protocol name truncated                       | MQTT_3_1_1 | 10 03 0004 4d | 0x81 | UTF-8 string",
        "CONNECT variable header truncated                     | MQTT_3_1_1 | 10 08 0004 4d515454 04 02 | 0x81 | variable header truncated",
        "[MQTT-3.1.2-3] CONNECT reserved flag set              | MQTT_3_1_1 | 10 0d 0004 4d515454 04 03 003c 0001 61 | 0x81 | reserved flag",
        "[MQTT-3.1.2-3] CONNECT reserved flag set              | MQTT_3_1   | 10 0f 0006 4d5149736470 03 03 003c 0001 61 | 0x81 | reserved flag",
        "[MQTT-3.1.2-14] will QoS 3                            | MQTT_3_1_1 | 10 12 0004 4d515454 04 1e 003c 0001 61 0001 74 0000 | 0x81 | will QoS is 3",
        "[MQTT-3.1.2-13] will QoS 1 without will flag          | MQTT_3_1_1 | 10 0d 0004 4d515454 04 0a 003c 0001 61 | 0x81 | without the will flag",
        "[MQTT-3.1.2-15] will retain without will flag         | MQTT_3_1_1 | 10 0d 0004 4d515454 04 22 003c 0001 61 | 0x81 | without the will flag",
        "[MQTT-3.1.2-22] password flag without user name flag  | MQTT_3_1_1 | 10 10 0004 4d515454 04 42 003c 0001 61 0001 70 | 0x81 | without the user name flag",
        "[MQTT-3.1.2-22] password flag without user name flag  | MQTT_3_1   | 10 12 0006 4d5149736470 03 42 003c 0001 61 0001 70 | 0x81 | without the user name flag",
        "[MQTT-3.1.3-3] client id missing                      | MQTT_3_1_1 | 10 0a 0004 4d515454 04 02 003c | 0x81 | length truncated",
        "[MQTT-1.5.3-1] client id overlong UTF-8 C0 80         | MQTT_3_1_1 | 10 0e 0004 4d515454 04 02 003c 0002 c080 | 0x81 | ill-formed",
        "[MQTT-3.3.2-2] will topic with a wildcard             | MQTT_3_1_1 | 10 12 0004 4d515454 04 06 003c 0001 61 0001 23 0000 | 0x82 | will topic contains a wildcard",
        "[MQTT-3.1.2-9] will message truncated                 | MQTT_3_1_1 | 10 14 0004 4d515454 04 06 003c 0001 61 0001 74 0005 6869 | 0x81 | binary data of 5 bytes",
        "[MQTT-3.1.2-19] user name flag but no user name       | MQTT_3_1_1 | 10 0d 0004 4d515454 04 82 003c 0001 61 | 0x81 | length truncated",
        "[MQTT-3.1.2-21] password flag but no password         | MQTT_3_1_1 | 10 10 0004 4d515454 04 c2 003c 0001 61 0001 75 | 0x81 | binary data length truncated",
        "CONNACK without body                                  | MQTT_3_1_1 | 20 00 | 0x81 | CONNACK needs 2 bytes",
        "CONNACK truncated                                     | MQTT_3_1_1 | 20 01 00 | 0x81 | CONNACK needs 2 bytes",
        "CONNACK truncated                                     | MQTT_3_1   | 20 01 00 | 0x81 | CONNACK needs 2 bytes",
        "CONNACK reserved acknowledge flag bit 1               | MQTT_3_1_1 | 20 02 02 00 | 0x81 | reserved acknowledge flags",
        "CONNACK reserved acknowledge flag bit 7               | MQTT_3_1_1 | 20 02 80 00 | 0x81 | reserved acknowledge flags",
        "[MQTT-3.2.2-4] session present with return code 1     | MQTT_3_1_1 | 20 02 01 01 | 0x82 | session present with return code 1",
        "CONNACK return code 6                                 | MQTT_3_1_1 | 20 02 00 06 | 0x82 | return code 0x6 is not defined",
        "CONNACK MQTT 5 reason code 0x80                       | MQTT_3_1_1 | 20 02 00 80 | 0x82 | return code 0x80 is not defined",
        "CONNACK return code 6                                 | MQTT_3_1   | 20 02 00 06 | 0x82 | return code 0x6 is not defined",
        "[MQTT-3.3.1-4] PUBLISH QoS 3                          | MQTT_3_1_1 | 36 05 0001 74 0001 | 0x81 | QoS is 3",
        "[MQTT-3.3.1-4] PUBLISH QoS 3                          | MQTT_3_1   | 36 05 0001 74 0001 | 0x81 | QoS is 3",
        "[MQTT-3.3.1-2] PUBLISH DUP with QoS 0                 | MQTT_3_1_1 | 38 03 0001 74 | 0x81 | has DUP set",
        "[MQTT-3.3.2-2] PUBLISH topic '#'                      | MQTT_3_1_1 | 30 03 0001 23 | 0x82 | contains a wildcard",
        "[MQTT-3.3.2-2] PUBLISH topic with '+' level           | MQTT_3_1_1 | 30 05 0003 612f2b | 0x82 | contains a wildcard",
        "[MQTT-3.3.2-2] PUBLISH topic with '+' level           | MQTT_3_1   | 30 05 0003 612f2b | 0x82 | contains a wildcard",
        "[MQTT-4.7.3-1] PUBLISH empty topic                    | MQTT_3_1_1 | 30 02 0000 | 0x82 | topic is empty",
        "PUBLISH without body                                  | MQTT_3_1_1 | 30 00 | 0x81 | length truncated",
        "PUBLISH topic longer than the packet                  | MQTT_3_1_1 | 30 04 0005 6162 | 0x81 | UTF-8 string of 5 bytes",
        "[MQTT-1.5.3-1] PUBLISH topic CESU-8 surrogate         | MQTT_3_1_1 | 30 05 0003 eda080 | 0x81 | ill-formed",
        "[MQTT-1.5.3-2] PUBLISH topic U+0000                   | MQTT_3_1_1 | 30 03 0001 00 | 0x81 | U+0000",
        "PUBLISH QoS 1 packet identifier missing               | MQTT_3_1_1 | 32 03 0001 74 | 0x81 | packet identifier truncated",
        "PUBLISH QoS 1 packet identifier cut in half           | MQTT_3_1_1 | 32 04 0001 74 00 | 0x81 | packet identifier truncated",
        "[MQTT-2.3.1-1] PUBLISH QoS 1 packet identifier 0      | MQTT_3_1_1 | 32 05 0001 74 0000 | 0x82 | must not be 0",
        "[MQTT-2.3.1-1] PUBLISH QoS 2 packet identifier 0      | MQTT_3_1_1 | 34 05 0001 74 0000 | 0x82 | must not be 0",
        "[MQTT-2.3.1-1] PUBACK packet identifier 0             | MQTT_3_1_1 | 40 02 0000 | 0x82 | PUBACK packet identifier must not be 0",
        "[MQTT-2.3.1-1] PUBREC packet identifier 0             | MQTT_3_1_1 | 50 02 0000 | 0x82 | PUBREC packet identifier must not be 0",
        "[MQTT-2.3.1-1] PUBREL packet identifier 0             | MQTT_3_1_1 | 62 02 0000 | 0x82 | PUBREL packet identifier must not be 0",
        "[MQTT-2.3.1-1] PUBCOMP packet identifier 0            | MQTT_3_1   | 70 02 0000 | 0x82 | PUBCOMP packet identifier must not be 0",
        "PUBACK without body                                   | MQTT_3_1_1 | 40 00 | 0x81 | PUBACK packet identifier truncated",
        "PUBCOMP truncated                                     | MQTT_3_1_1 | 70 01 00 | 0x81 | PUBCOMP packet identifier truncated",
        "PUBACK with an MQTT 5 reason code                     | MQTT_3_1_1 | 40 03 0001 10 | 0x81 | beyond its content",
        "[MQTT-3.6.1-1] PUBREL flags 0000                      | MQTT_3_1_1 | 60 02 0001 | 0x81 | flags",
        "[MQTT-3-8.3-4] SUBSCRIBE requested QoS 3              | MQTT_3_1_1 | 82 06 0001 0001 61 03 | 0x81 | requested QoS byte 0x3",
        "[MQTT-3-8.3-4] SUBSCRIBE reserved bits set            | MQTT_3_1_1 | 82 06 0001 0001 61 04 | 0x81 | requested QoS byte 0x4",
        "[MQTT-3.8.3-3] SUBSCRIBE without a filter             | MQTT_3_1_1 | 82 02 0001 | 0x82 | no topic filter",
        "SUBSCRIBE requested QoS missing                       | MQTT_3_1_1 | 82 05 0001 0001 61 | 0x81 | requested QoS truncated",
        "SUBSCRIBE topic filter truncated                      | MQTT_3_1_1 | 82 05 0001 0005 61 | 0x81 | UTF-8 string of 5 bytes",
        "[MQTT-2.3.1-1] SUBSCRIBE packet identifier 0          | MQTT_3_1_1 | 82 06 0000 0001 61 00 | 0x82 | must not be 0",
        "[MQTT-3.8.1-1] SUBSCRIBE flags 0000                   | MQTT_3_1_1 | 80 06 0001 0001 61 00 | 0x81 | flags",
        "[MQTT-3.9.3-2] SUBACK return code 0x03                | MQTT_3_1_1 | 90 03 0001 03 | 0x82 | return code 0x3",
        "[MQTT-3.9.3-2] SUBACK MQTT 5 reason code 0x87         | MQTT_3_1_1 | 90 03 0001 87 | 0x82 | return code 0x87",
        "SUBACK failure 0x80 does not exist in 3.1             | MQTT_3_1   | 90 03 0001 80 | 0x82 | return code 0x80 is not defined in MQTT_3_1",
        "SUBACK without a return code                          | MQTT_3_1_1 | 90 02 0001 | 0x82 | no return code",
        "SUBACK packet identifier 0                            | MQTT_3_1_1 | 90 03 0000 00 | 0x82 | must not be 0",
        "SUBACK truncated                                      | MQTT_3_1_1 | 90 01 00 | 0x81 | packet identifier truncated",
        "[MQTT-3.10.3-2] UNSUBSCRIBE without a filter          | MQTT_3_1_1 | a2 02 0001 | 0x82 | no topic filter",
        "UNSUBSCRIBE topic filter truncated                    | MQTT_3_1_1 | a2 05 0001 0003 61 | 0x81 | UTF-8 string of 3 bytes",
        "[MQTT-2.3.1-1] UNSUBSCRIBE packet identifier 0        | MQTT_3_1_1 | a2 05 0000 0001 61 | 0x82 | must not be 0",
        "[MQTT-3.10.1-1] UNSUBSCRIBE flags 0000                | MQTT_3_1_1 | a0 05 0001 0001 61 | 0x81 | flags",
        "UNSUBACK packet identifier 0                          | MQTT_3_1_1 | b0 02 0000 | 0x82 | must not be 0",
        "UNSUBACK truncated                                    | MQTT_3_1_1 | b0 01 00 | 0x81 | packet identifier truncated",
        "UNSUBACK with an MQTT 5 reason code                   | MQTT_3_1_1 | b0 03 0001 00 | 0x81 | beyond its content",
        "PINGREQ with a body                                   | MQTT_3_1   | c0 01 00 | 0x81 | beyond its content",
        "PINGRESP with a body                                  | MQTT_3_1_1 | d0 01 00 | 0x81 | beyond its content",
        "DISCONNECT with an MQTT 5 reason code                 | MQTT_3_1_1 | e0 01 04 | 0x81 | beyond its content",
        "[MQTT-3.14.1-1] DISCONNECT reserved bits set          | MQTT_3_1   | e2 00 | 0x81 | flags",
        "AUTH does not exist in 3.1                            | MQTT_3_1   | f0 00 | 0x81 | reserved",
        "AUTH does not exist in 3.1.1                          | MQTT_3_1_1 | f0 00 | 0x81 | reserved",
    })
    void refused(String description, MqttVersion version, String bytes, String reasonCode, String message) {
        assertDecodeFails(hex(bytes), version, Integer.decode(reasonCode)).hasMessageContaining(message);
    }
}
