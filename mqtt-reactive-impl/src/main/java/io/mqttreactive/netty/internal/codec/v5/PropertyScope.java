package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.packet.MqttPacketType;

/**
 * Where a set of MQTT 5 properties sits: the variable header of one of the thirteen packet types that carry
 * properties, or the Will Properties in the CONNECT payload (MQTT 5.0 section 2.2.2 and table 2-4).
 */
enum PropertyScope {
    CONNECT,
    WILL,
    CONNACK,
    PUBLISH,
    PUBACK,
    PUBREC,
    PUBREL,
    PUBCOMP,
    SUBSCRIBE,
    SUBACK,
    UNSUBSCRIBE,
    UNSUBACK,
    DISCONNECT,
    AUTH;

    /** Returns the scope of a packet type's variable header properties. */
    static PropertyScope of(MqttPacketType type) {
        return switch (type) {
            case PINGREQ, PINGRESP -> throw new IllegalArgumentException(type + " has no properties");
            default -> valueOf(type.name());
        };
    }
}
