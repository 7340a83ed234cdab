package io.mqttreactive.netty.internal.packet;

import java.util.List;

/** SUBSCRIBE (MQTT 3.1.1 section 3.8, MQTT 5.0 section 3.8). {@code subscriptionIdentifier} 0 is absent. */
public record SubscribePacket(
        int packetId,
        List<SubscriptionRequest> subscriptions,
        int subscriptionIdentifier,
        List<UserProperty> userProperties) implements MqttPacket {

    public SubscribePacket {
        subscriptions = List.copyOf(subscriptions);
        userProperties = List.copyOf(userProperties);
    }

    public static SubscribePacket of(int packetId, List<SubscriptionRequest> subscriptions) {
        return new SubscribePacket(packetId, subscriptions, 0, List.of());
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.SUBSCRIBE;
    }
}
