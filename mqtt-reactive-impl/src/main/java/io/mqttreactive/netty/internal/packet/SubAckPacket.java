package io.mqttreactive.netty.internal.packet;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** SUBACK (MQTT 3.1.1 section 3.9, MQTT 5.0 section 3.9): one return or reason code per requested filter, in order. */
public record SubAckPacket(
        int packetId,
        List<Integer> reasonCodes,
        @Nullable String reasonString,
        List<UserProperty> userProperties) implements MqttPacket {

    public SubAckPacket {
        reasonCodes = List.copyOf(reasonCodes);
        userProperties = List.copyOf(userProperties);
    }

    public static SubAckPacket of(int packetId, List<Integer> reasonCodes) {
        return new SubAckPacket(packetId, reasonCodes, null, List.of());
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.SUBACK;
    }
}
