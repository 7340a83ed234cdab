package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.MqttQos;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes SUBSCRIBE (MQTT 5.0 section 3.8). Malformed: reserved subscription option bits set
 * ([MQTT-3.8.3-5]). Protocol Error: no topic filter (section 3.8.3), an empty filter ([MQTT-4.7.3-1]), Maximum
 * QoS 3 or Retain Handling 3 (section 3.8.3.1), No Local on a shared subscription ([MQTT-3.8.3-4]), a repeated
 * or zero Subscription Identifier.
 */
final class Mqtt5SubscribeDecoder implements PacketDecoder {

    @Override
    public SubscribePacket decode(int flags, ByteBuf body, DecodeContext context) {
        int packetId = Mqtt5Fields.readPacketId(MqttPacketType.SUBSCRIBE, body);
        int subscriptionIdentifier = 0;
        List<UserProperty> userProperties = new ArrayList<>();
        PropertyReader properties = PropertyReader.open(body, PropertyScope.SUBSCRIBE);
        while (properties.next()) {
            switch (properties.property()) {
                case SUBSCRIPTION_IDENTIFIER -> subscriptionIdentifier = properties.intValue();
                case USER_PROPERTY -> userProperties.add(properties.userProperty());
                default -> throw new IllegalStateException(properties.property() + " passed the SUBSCRIBE scope");
            }
        }
        if (!body.isReadable()) {
            throw MqttDecodeException.protocolError("SUBSCRIBE without a topic filter");
        }
        List<SubscriptionRequest> subscriptions = new ArrayList<>();
        while (body.isReadable()) {
            subscriptions.add(readSubscription(body));
        }
        return new SubscribePacket(packetId, subscriptions, subscriptionIdentifier, userProperties);
    }

    private static SubscriptionRequest readSubscription(ByteBuf body) {
        String filter = Mqtt5Fields.readTopicFilter(body);
        int options = Mqtt5Fields.readUnsignedByte(body, "subscription options of " + filter);
        if ((options & 0b1100_0000) != 0) {
            throw MqttDecodeException.malformed("reserved subscription option bits set for " + filter);
        }
        int qos = options & 0b11;
        if (qos == 3) {
            throw MqttDecodeException.protocolError("Maximum QoS 3 for " + filter);
        }
        int retainHandling = options >> 4 & 0b11;
        if (retainHandling == 3) {
            throw MqttDecodeException.protocolError("Retain Handling 3 for " + filter);
        }
        boolean noLocal = (options & 0b0100) != 0;
        if (noLocal && filter.startsWith(Mqtt5Fields.SHARED_SUBSCRIPTION_PREFIX)) {
            throw MqttDecodeException.protocolError("No Local on the shared subscription " + filter);
        }
        return new SubscriptionRequest(filter, MqttQos.fromCode(qos), noLocal, (options & 0b1000) != 0,
                retainHandling);
    }
}
