package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.v311.Mqtt311Fields.requireMqtt5Absent;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.netty.buffer.ByteBuf;

/**
 * Encodes SUBSCRIBE (MQTT 3.1.1 section 3.8): flags 0010 ([MQTT-3.8.1-1] 3.1.1), a packet identifier 1 to 65535,
 * then at least one topic filter and requested QoS pair ([MQTT-3.8.3-3]). The MQTT 5 subscription options
 * (No Local, Retain As Published, Retain Handling), the subscription identifier and user properties are
 * refused unless at their defaults.
 */
final class Mqtt311SubscribeEncoder extends FixedHeaderEncoder<SubscribePacket> {

    @Override
    protected int remainingLength(SubscribePacket packet, EncodeContext context) {
        MqttVersion version = context.version();
        Mqtt311Fields.checkPacketId("SUBSCRIBE", packet.packetId());
        requireMqtt5Absent(packet.subscriptionIdentifier() == 0, "SUBSCRIBE subscription identifier", version);
        requireMqtt5Absent(packet.userProperties(), "SUBSCRIBE user properties", version);
        Mqtt311Fields.requireNonEmpty(packet.subscriptions(), "SUBSCRIBE", "topic filter");
        long length = 2;
        for (SubscriptionRequest subscription : packet.subscriptions()) {
            requireMqtt5Absent(!subscription.noLocal(), "SUBSCRIBE no local option", version);
            requireMqtt5Absent(!subscription.retainAsPublished(), "SUBSCRIBE retain as published option", version);
            requireMqtt5Absent(subscription.retainHandling() == 0, "SUBSCRIBE retain handling option", version);
            length += Mqtt311Topics.topicFilterSize("SUBSCRIBE topic filter", subscription.topicFilter()) + 1;
        }
        context.checkFits("SUBSCRIBE", length);
        return (int) length;
    }

    @Override
    protected void writeBody(SubscribePacket packet, ByteBuf out, EncodeContext context) {
        out.writeShort(packet.packetId());
        for (SubscriptionRequest subscription : packet.subscriptions()) {
            MqttUtf8.write(out, subscription.topicFilter());
            out.writeByte(subscription.maximumQos().code());
        }
    }
}
