package io.mqttreactive.netty.internal.packet;

import io.mqttreactive.MqttQos;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * PUBLISH (MQTT 3.1.1 section 3.3, MQTT 5.0 section 3.3): the wire form of a message, with its packet id
 * (0 for QoS 0) and DUP flag. Absent MQTT 5 properties: {@code messageExpiryInterval} -1, {@code topicAlias} 0.
 * {@code topic} is empty when an MQTT 5 topic alias stands for it. The payload is a buffer whose remaining bytes
 * are the payload, so that an outgoing packet can share its message's bytes instead of copying them; it is never
 * read through its position, only through duplicates.
 */
public record PublishPacket(
        String topic,
        ByteBuffer payloadBuffer,
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
        Objects.requireNonNull(payloadBuffer, "payloadBuffer");
        Objects.requireNonNull(qos, "qos");
        userProperties = List.copyOf(userProperties);
        subscriptionIdentifiers = List.copyOf(subscriptionIdentifiers);
    }

    /** Creates a PUBLISH owning {@code payload}. */
    public PublishPacket(String topic, byte[] payload, MqttQos qos, boolean retain, boolean dup, int packetId,
            long messageExpiryInterval, boolean payloadFormatUtf8, @Nullable String contentType,
            @Nullable String responseTopic, byte @Nullable [] correlationData, List<UserProperty> userProperties,
            int topicAlias, List<Integer> subscriptionIdentifiers) {
        this(topic, ByteBuffer.wrap(payload), qos, retain, dup, packetId, messageExpiryInterval, payloadFormatUtf8,
                contentType, responseTopic, correlationData, userProperties, topicAlias, subscriptionIdentifiers);
    }

    /** Returns the payload bytes: the array the packet was created with, or a copy of a shared payload. */
    public byte[] payload() {
        ByteBuffer view = payloadBuffer;
        if (view.hasArray() && view.arrayOffset() == 0 && view.position() == 0
                && view.remaining() == view.array().length) {
            return view.array();
        }
        byte[] copy = new byte[view.remaining()];
        view.duplicate().get(copy);
        return copy;
    }

    public int payloadSize() {
        return payloadBuffer.remaining();
    }

    /** Returns a PUBLISH with no MQTT 5 properties. */
    public static PublishPacket of(String topic, byte[] payload, MqttQos qos, boolean retain, boolean dup, int packetId) {
        return new PublishPacket(topic, payload, qos, retain, dup, packetId, NO_MESSAGE_EXPIRY, false, null, null, null,
                List.of(), 0, List.of());
    }

    /** Returns this packet with the DUP flag set, as it is re-sent ([MQTT-3.3.1-1]). */
    public PublishPacket asDuplicate() {
        return new PublishPacket(topic, payloadBuffer, qos, retain, true, packetId, messageExpiryInterval,
                payloadFormatUtf8, contentType, responseTopic, correlationData, userProperties, topicAlias,
                subscriptionIdentifiers);
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.PUBLISH;
    }
}
