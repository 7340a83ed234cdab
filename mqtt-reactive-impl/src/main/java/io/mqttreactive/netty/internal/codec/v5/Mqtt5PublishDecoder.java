package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.MqttQos;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes PUBLISH (MQTT 5.0 section 3.3) and copies its payload. Malformed: QoS 3 ([MQTT-3.3.1-4]), DUP with
 * QoS 0 ([MQTT-3.3.1-2]). Protocol Error: a Topic Name with wildcards ([MQTT-3.3.2-2]), an empty Topic Name
 * without a Topic Alias (section 3.3.2.1), packet identifier 0, a Topic Alias or Subscription Identifier of 0.
 * Several Subscription Identifiers are kept in wire order. A PUBLISH without properties (Property Length 0, the
 * common case) is decoded without a property reader and shares the empty property lists.
 */
final class Mqtt5PublishDecoder implements PacketDecoder {

    @Override
    public PublishPacket decode(int flags, ByteBuf body, DecodeContext context) {
        int qosCode = flags >> 1 & 0b11;
        if (qosCode == 3) {
            throw MqttDecodeException.malformed("PUBLISH with QoS 3");
        }
        MqttQos qos = MqttQos.fromCode(qosCode);
        boolean dup = (flags & 0b1000) != 0;
        if (dup && qos == MqttQos.AT_MOST_ONCE) {
            throw MqttDecodeException.malformed("PUBLISH with DUP set and QoS 0");
        }
        String topic = Mqtt5Fields.readTopicName("topic name", body);
        int packetId = qos == MqttQos.AT_MOST_ONCE ? 0 : Mqtt5Fields.readPacketId(MqttPacketType.PUBLISH, body);
        boolean retain = (flags & 1) != 0;
        int propertyLength = PropertyReader.readLength(body, PropertyScope.PUBLISH);
        if (propertyLength == 0) {
            requireTopicOrAlias(topic, 0);
            return PublishPacket.of(topic, Mqtt5Fields.readRemaining(body), qos, retain, dup, packetId);
        }
        Builder publish = new Builder();
        PropertyReader properties = PropertyReader.over(body, propertyLength, PropertyScope.PUBLISH);
        while (properties.next()) {
            publish.accept(properties);
        }
        requireTopicOrAlias(topic, publish.topicAlias);
        return new PublishPacket(topic, Mqtt5Fields.readRemaining(body), qos, retain, dup, packetId,
                publish.messageExpiryInterval, publish.payloadFormatUtf8, publish.contentType, publish.responseTopic,
                publish.correlationData, listOrEmpty(publish.userProperties), publish.topicAlias,
                listOrEmpty(publish.subscriptionIdentifiers));
    }

    private static void requireTopicOrAlias(String topic, int topicAlias) {
        if (topic.isEmpty() && topicAlias == 0) {
            throw MqttDecodeException.protocolError("PUBLISH with an empty topic name and no topic alias");
        }
    }

    private static <T> List<T> listOrEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    private static final class Builder {
        long messageExpiryInterval = PublishPacket.NO_MESSAGE_EXPIRY;
        boolean payloadFormatUtf8;
        @Nullable String contentType;
        @Nullable String responseTopic;
        byte @Nullable [] correlationData;
        @Nullable List<UserProperty> userProperties;
        int topicAlias;
        @Nullable List<Integer> subscriptionIdentifiers;

        void accept(PropertyReader properties) {
            switch (properties.property()) {
                case PAYLOAD_FORMAT_INDICATOR -> payloadFormatUtf8 = properties.flag();
                case MESSAGE_EXPIRY_INTERVAL -> messageExpiryInterval = properties.number();
                case TOPIC_ALIAS -> topicAlias = properties.intValue();
                case RESPONSE_TOPIC -> responseTopic = properties.string();
                case CORRELATION_DATA -> correlationData = properties.binary();
                case USER_PROPERTY -> {
                    if (userProperties == null) {
                        userProperties = new ArrayList<>();
                    }
                    userProperties.add(properties.userProperty());
                }
                case SUBSCRIPTION_IDENTIFIER -> {
                    if (subscriptionIdentifiers == null) {
                        subscriptionIdentifiers = new ArrayList<>(1);
                    }
                    subscriptionIdentifiers.add(properties.intValue());
                }
                case CONTENT_TYPE -> contentType = properties.string();
                default -> throw new IllegalStateException(properties.property() + " passed the PUBLISH scope");
            }
        }
    }
}
