package io.mqttreactive.netty.internal.packet;

/**
 * The MQTT control packet types with their fixed-header code (MQTT 3.1.1 section 2.2.1, MQTT 5.0 section 2.1.2).
 */
public enum MqttPacketType {
    CONNECT(1),
    CONNACK(2),
    PUBLISH(3),
    PUBACK(4),
    PUBREC(5),
    PUBREL(6),
    PUBCOMP(7),
    SUBSCRIBE(8),
    SUBACK(9),
    UNSUBSCRIBE(10),
    UNSUBACK(11),
    PINGREQ(12),
    PINGRESP(13),
    DISCONNECT(14),
    AUTH(15);

    private static final MqttPacketType[] BY_CODE = new MqttPacketType[16];

    static {
        for (MqttPacketType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    MqttPacketType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * Returns the reserved fixed-header flags every packet of this type carries ([MQTT-2.2.2-1] 3.1.1,
     * [MQTT-2.1.3-1] 5.0); PUBLISH has no fixed value and returns -1.
     */
    public int requiredFlags() {
        return switch (this) {
            case PUBLISH -> -1;
            case PUBREL, SUBSCRIBE, UNSUBSCRIBE -> 0b0010;
            default -> 0;
        };
    }

    /** Returns the type with a fixed-header code, or {@code null} for the reserved code 0. */
    public static MqttPacketType fromCode(int code) {
        return BY_CODE[code & 0x0F];
    }
}
