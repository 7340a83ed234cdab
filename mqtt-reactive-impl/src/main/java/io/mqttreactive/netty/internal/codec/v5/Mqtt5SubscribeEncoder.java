package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.netty.buffer.ByteBuf;

/**
 * Encodes SUBSCRIBE (MQTT 5.0 section 3.8): packet identifier, properties (a Subscription Identifier from 1 to
 * 268,435,455 when not 0, User Properties), then at least one topic filter with its subscription options
 * ([MQTT-3.8.3-2] 5.0). No Local is refused on a shared subscription ([MQTT-3.8.3-4]), Retain Handling must be
 * 0, 1 or 2, and the reserved option bits are always 0 ([MQTT-3.8.3-5]).
 */
final class Mqtt5SubscribeEncoder extends FixedHeaderEncoder<SubscribePacket> {

    @Override
    protected int remainingLength(SubscribePacket packet, EncodeContext context) {
        Mqtt5Fields.checkPacketId(MqttPacketType.SUBSCRIBE, packet.packetId());
        if (packet.subscriptions().isEmpty()) {
            throw MqttEncodeException.invalid("SUBSCRIBE needs at least one topic filter");
        }
        long length = 2 + PropertySizer.sizeWithLength(PropertySizer.measure(sink -> properties(packet, sink)));
        for (SubscriptionRequest subscription : packet.subscriptions()) {
            checkOptions(subscription);
            length += Mqtt5Fields.topicFilterSize(subscription.topicFilter()) + 1;
        }
        return Mqtt5Fields.saturatedLength(length);
    }

    private static void checkOptions(SubscriptionRequest subscription) {
        if (subscription.noLocal() && subscription.topicFilter().startsWith(Mqtt5Fields.SHARED_SUBSCRIPTION_PREFIX)) {
            throw MqttEncodeException.invalid("No Local must not be set on the shared subscription "
                    + subscription.topicFilter());
        }
        if (subscription.retainHandling() < 0 || subscription.retainHandling() > 2) {
            throw MqttEncodeException.invalid("Retain Handling must be 0, 1 or 2, was "
                    + subscription.retainHandling());
        }
    }

    @Override
    protected void writeBody(SubscribePacket packet, ByteBuf out, EncodeContext context) {
        out.writeShort(packet.packetId());
        PropertyWriter.write(out, PropertySizer.measure(sink -> properties(packet, sink)),
                sink -> properties(packet, sink));
        for (SubscriptionRequest subscription : packet.subscriptions()) {
            MqttUtf8.write(out, subscription.topicFilter());
            out.writeByte(subscription.maximumQos().code()
                    | (subscription.noLocal() ? 0b0000_0100 : 0)
                    | (subscription.retainAsPublished() ? 0b0000_1000 : 0)
                    | subscription.retainHandling() << 4);
        }
    }

    private static void properties(SubscribePacket packet, PropertySink sink) {
        if (packet.subscriptionIdentifier() != 0) {
            sink.variableByteInteger(Mqtt5Property.SUBSCRIPTION_IDENTIFIER, packet.subscriptionIdentifier());
        }
        sink.userProperties(packet.userProperties());
    }
}
