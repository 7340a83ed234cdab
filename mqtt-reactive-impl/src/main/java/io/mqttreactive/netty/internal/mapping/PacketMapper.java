package io.mqttreactive.netty.internal.mapping;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.mqttreactive.netty.internal.packet.WillPacket;
import io.mqttreactive.options.WillMessage;
import io.mqttreactive.topic.MqttTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the user's values to the wire model and back: a {@link MqttMessage} never carries a packet id or DUP;
 * those are added here, when the message becomes a PUBLISH. A received message takes the decoded payload array
 * as it is, since nothing changes a packet's payload.
 */
public final class PacketMapper {

    private PacketMapper() {
    }

    public static PublishPacket toPublish(MqttMessage message, int packetId) {
        return new PublishPacket(message.topic().toString(), OwnedPayloads.read(message), message.qos(),
                message.retain(), false, packetId,
                message.messageExpiryInterval().map(Duration::toSeconds).orElse(PublishPacket.NO_MESSAGE_EXPIRY),
                message.payloadFormatIndicator() == PayloadFormatIndicator.UTF_8, message.contentType().orElse(null),
                message.responseTopic().map(MqttTopic::toString).orElse(null), message.correlationData().orElse(null),
                toWire(message.userProperties()), 0, List.of());
    }

    public static MqttMessage toMessage(PublishPacket packet, String topic) {
        MqttMessage.Builder builder = OwnedPayloads.adopt(MqttMessage.builder().topic(topic), packet.payload())
                .qos(packet.qos())
                .retain(packet.retain())
                .userProperties(toApi(packet.userProperties()))
                .subscriptionIdentifiers(packet.subscriptionIdentifiers());
        if (packet.messageExpiryInterval() != PublishPacket.NO_MESSAGE_EXPIRY) {
            builder.messageExpiryInterval(Duration.ofSeconds(packet.messageExpiryInterval()));
        }
        if (packet.payloadFormatUtf8()) {
            builder.payloadFormatIndicator(PayloadFormatIndicator.UTF_8);
        }
        return builder.contentType(packet.contentType())
                .responseTopic(packet.responseTopic())
                .correlationData(packet.correlationData())
                .build();
    }

    public static WillPacket toWill(WillMessage will) {
        MqttMessage message = will.message();
        return new WillPacket(message.topic().toString(), message.payload(), message.qos(), message.retain(),
                will.delayInterval().toSeconds(),
                message.messageExpiryInterval().map(Duration::toSeconds).orElse(PublishPacket.NO_MESSAGE_EXPIRY),
                message.payloadFormatIndicator() == PayloadFormatIndicator.UTF_8, message.contentType().orElse(null),
                message.responseTopic().map(MqttTopic::toString).orElse(null), message.correlationData().orElse(null),
                toWire(message.userProperties()));
    }

    public static List<UserProperty> toWire(UserProperties properties) {
        if (properties.isEmpty()) {
            return List.of();
        }
        List<UserProperty> wire = new ArrayList<>(properties.size());
        properties.forEach(property -> wire.add(new UserProperty(property.name(), property.value())));
        return wire;
    }

    public static UserProperties toApi(List<UserProperty> properties) {
        if (properties.isEmpty()) {
            return UserProperties.empty();
        }
        List<io.mqttreactive.message.UserProperty> api = new ArrayList<>(properties.size());
        properties.forEach(property -> api.add(new io.mqttreactive.message.UserProperty(property.name(),
                property.value())));
        return UserProperties.of(api);
    }
}
