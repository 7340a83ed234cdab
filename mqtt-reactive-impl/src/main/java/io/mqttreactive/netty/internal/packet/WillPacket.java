package io.mqttreactive.netty.internal.packet;

import io.mqttreactive.MqttQos;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The will message carried in the CONNECT payload, with the MQTT 5 will properties (MQTT 5.0 section 3.1.3.2).
 * {@code messageExpiryInterval} is -1 when absent; {@code willDelayInterval} 0 is absent.
 */
public record WillPacket(
        String topic,
        byte[] payload,
        MqttQos qos,
        boolean retain,
        long willDelayInterval,
        long messageExpiryInterval,
        boolean payloadFormatUtf8,
        @Nullable String contentType,
        @Nullable String responseTopic,
        byte @Nullable [] correlationData,
        List<UserProperty> userProperties) {

    public WillPacket {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
        userProperties = List.copyOf(userProperties);
    }

    /** Returns a will with no MQTT 5 properties. */
    public static WillPacket of(String topic, byte[] payload, MqttQos qos, boolean retain) {
        return new WillPacket(topic, payload, qos, retain, 0, PublishPacket.NO_MESSAGE_EXPIRY, false, null, null, null,
                List.of());
    }
}
