package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The reason codes each MQTT 5 packet type may carry: CONNACK (section 3.2.2.2), PUBACK (3.4.2.1), PUBREC
 * (3.5.2.1), PUBREL (3.6.2.1), PUBCOMP (3.7.2.1), SUBACK (3.9.3), UNSUBACK (3.11.3), DISCONNECT (3.14.2.1)
 * and AUTH (3.15.2.1). A sender must use a code of its packet's table ([MQTT-3.2.2-8], [MQTT-3.4.2-1],
 * [MQTT-3.5.2-1], [MQTT-3.6.2-1], [MQTT-3.7.2-1], [MQTT-3.9.3-2], [MQTT-3.11.3-2], [MQTT-3.14.2-1],
 * [MQTT-3.15.2-1] 5.0). A received code outside the table is a one-byte field that parsed but holds data the
 * protocol does not allow, which section 1.2 defines as a Protocol Error (0x82).
 */
public final class ReasonCodes {

    private static final Set<Integer> PUBLISH_RESPONSE = Set.of(0x00, 0x10, 0x80, 0x83, 0x87, 0x90, 0x91, 0x97, 0x99);
    private static final Set<Integer> PUBLISH_RELEASE = Set.of(0x00, 0x92);

    private static final Map<MqttPacketType, Set<Integer>> BY_TYPE = new EnumMap<>(Map.of(
            MqttPacketType.CONNACK, Set.of(0x00, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A,
                    0x8C, 0x90, 0x95, 0x97, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9F),
            MqttPacketType.PUBACK, PUBLISH_RESPONSE,
            MqttPacketType.PUBREC, PUBLISH_RESPONSE,
            MqttPacketType.PUBREL, PUBLISH_RELEASE,
            MqttPacketType.PUBCOMP, PUBLISH_RELEASE,
            MqttPacketType.SUBACK, Set.of(0x00, 0x01, 0x02, 0x80, 0x83, 0x87, 0x8F, 0x91, 0x97, 0x9E, 0xA1, 0xA2),
            MqttPacketType.UNSUBACK, Set.of(0x00, 0x11, 0x80, 0x83, 0x87, 0x8F, 0x91),
            MqttPacketType.DISCONNECT, Set.of(0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x87, 0x89, 0x8B, 0x8C, 0x8D, 0x8E,
                    0x8F, 0x90, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xA0,
                    0xA1, 0xA2),
            MqttPacketType.AUTH, Set.of(0x00, 0x18, 0x19)));

    private ReasonCodes() {
    }

    /** Tells whether {@code reasonCode} is one the standard allows in a packet of {@code type}. */
    public static boolean isValid(MqttPacketType type, int reasonCode) {
        Set<Integer> allowed = BY_TYPE.get(type);
        if (allowed == null) {
            throw new IllegalArgumentException(type + " carries no reason code");
        }
        return allowed.contains(reasonCode);
    }

    /** Returns a received reason code, or throws a Protocol Error if its packet type does not allow it. */
    static int checkReceived(MqttPacketType type, int reasonCode) {
        if (!isValid(type, reasonCode)) {
            throw MqttDecodeException.protocolError("reason code 0x" + Integer.toHexString(reasonCode)
                    + " is not a " + type + " reason code");
        }
        return reasonCode;
    }

    /** Refuses to send a reason code its packet type does not allow. */
    static void checkSendable(MqttPacketType type, int reasonCode) {
        if (!isValid(type, reasonCode)) {
            throw MqttEncodeException.invalid("reason code 0x" + Integer.toHexString(reasonCode)
                    + " is not a " + type + " reason code");
        }
    }
}
