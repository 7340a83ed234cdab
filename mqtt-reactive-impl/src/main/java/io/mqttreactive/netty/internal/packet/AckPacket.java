package io.mqttreactive.netty.internal.packet;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * PUBACK, PUBREC, PUBREL or PUBCOMP (MQTT 5.0 sections 3.4 to 3.7): the four packets of the QoS 1 and
 * QoS 2 flows share one shape. In 3.x only {@code packetId} is on the wire and {@code reasonCode} is 0.
 */
public record AckPacket(
        MqttPacketType type,
        int packetId,
        int reasonCode,
        @Nullable String reasonString,
        List<UserProperty> userProperties) implements MqttPacket {

    public AckPacket {
        Objects.requireNonNull(type, "type");
        if (type != MqttPacketType.PUBACK && type != MqttPacketType.PUBREC && type != MqttPacketType.PUBREL
                && type != MqttPacketType.PUBCOMP) {
            throw new IllegalArgumentException("not a publish acknowledgement type: " + type);
        }
        userProperties = List.copyOf(userProperties);
    }

    /** Returns a successful acknowledgement of a type without properties. */
    public static AckPacket of(MqttPacketType type, int packetId) {
        return new AckPacket(type, packetId, ReasonCode.SUCCESS, null, List.of());
    }

    /** Returns an acknowledgement of a type with a reason code and no properties. */
    public static AckPacket of(MqttPacketType type, int packetId, int reasonCode) {
        return new AckPacket(type, packetId, reasonCode, null, List.of());
    }
}
