package io.mqttreactive.netty.internal.packet;

import io.mqttreactive.MqttQos;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * PUBLISH (MQTT 3.1.1 section 3.3, MQTT 5.0 section 3.3): the wire form of a message, with its packet id
 * (0 for QoS 0) and DUP flag. Absent MQTT 5 properties: {@code messageExpiryInterval} -1, {@code topicAlias} 0.
 * {@code topic} is empty when an MQTT 5 topic alias stands for it.
 */
public record PublishPacket(
        String topic,
        byte[] payload,
        MqttQos qos,
        boolean retain,
        boolean dup,
        int packetId,
        long messageExpiryInterval,
        boolean payloadFormatUtf8,
        @Nullable String contentType,
        @Nullable String responseTopic,
        byte @Nullable [] correlationData,
        List<UserProperty> userProperties,
        int topicAlias,
        List<Integer> subscriptionIdentifiers) implements MqttPacket {

    public static final long NO_MESSAGE_EXPIRY = -1;

    public PublishPacket {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
        userProperties = List.copyOf(userProperties);
        subscriptionIdentifiers = List.copyOf(subscriptionIdentifiers);
    }

    /** Returns a PUBLISH with no MQTT 5 properties. */
    public static PublishPacket of(String topic, byte[] payload, MqttQos qos, boolean retain, boolean dup, int packetId) {
        return new PublishPacket(topic, payload, qos, retain, dup, packetId, NO_MESSAGE_EXPIRY, false, null, null, null,
                List.of(), 0, List.of());
    }

    /** Returns this packet with the DUP flag set, as it is re-sent ([MQTT-3.3.1-1]). */
    public PublishPacket asDuplicate() {
        return new PublishPacket(topic, payload, qos, retain, true, packetId, messageExpiryInterval, payloadFormatUtf8,
                contentType, responseTopic, correlationData, userProperties, topicAlias, subscriptionIdentifiers);
    }

    /**
     * Returns this packet as it goes with an MQTT 5 topic alias: {@code topic} is the topic name that sets the
     * alias up, or empty when the alias, set up before on the connection, stands for it.
     */
    public PublishPacket withTopicAlias(String topic, int topicAlias) {
        return new PublishPacket(topic, payload, qos, retain, dup, packetId, messageExpiryInterval, payloadFormatUtf8,
                contentType, responseTopic, correlationData, userProperties, topicAlias, subscriptionIdentifiers);
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.PUBLISH;
    }
}
