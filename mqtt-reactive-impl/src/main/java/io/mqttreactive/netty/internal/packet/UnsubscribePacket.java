package io.mqttreactive.netty.internal.packet;

import java.util.List;

/** UNSUBSCRIBE (MQTT 3.1.1 section 3.10, MQTT 5.0 section 3.10). */
public record UnsubscribePacket(
        int packetId,
        List<String> topicFilters,
        List<UserProperty> userProperties) implements MqttPacket {

    public UnsubscribePacket {
        topicFilters = List.copyOf(topicFilters);
        userProperties = List.copyOf(userProperties);
    }

    public static UnsubscribePacket of(int packetId, List<String> topicFilters) {
        return new UnsubscribePacket(packetId, topicFilters, List.of());
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.UNSUBSCRIBE;
    }
}
