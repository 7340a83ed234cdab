package io.mqttreactive.netty.internal.packet;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * UNSUBACK (MQTT 3.1.1 section 3.11, MQTT 5.0 section 3.11). 3.x carries no reason codes: the list is empty.
 */
public record UnsubAckPacket(
        int packetId,
        List<Integer> reasonCodes,
        @Nullable String reasonString,
        List<UserProperty> userProperties) implements MqttPacket {

    public UnsubAckPacket {
        reasonCodes = List.copyOf(reasonCodes);
        userProperties = List.copyOf(userProperties);
    }

    public static UnsubAckPacket of(int packetId, List<Integer> reasonCodes) {
        return new UnsubAckPacket(packetId, reasonCodes, null, List.of());
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.UNSUBACK;
    }
}
