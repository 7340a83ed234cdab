package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.MqttQos;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.netty.buffer.ByteBuf;

/**
 * Encodes PUBLISH (MQTT 5.0 section 3.3). A QoS 0 PUBLISH has no packet identifier and DUP 0
 * ([MQTT-2.2.1-2], [MQTT-3.3.1-2] 5.0); a QoS 1 or 2 PUBLISH has one from 1 to 65,535. The Topic Name has no
 * wildcards ([MQTT-3.3.2-2]) and is empty only when a Topic Alias stands for it; a Topic Alias of 0 is never
 * sent, it means absent ([MQTT-3.3.2-8]); the Response Topic is a Topic Name too ([MQTT-3.3.2-14]). Subscription
 * Identifiers are encoded as given: that a client must not send them ([MQTT-3.3.4-6]) is the client's rule.
 */
final class Mqtt5PublishEncoder extends FixedHeaderEncoder<PublishPacket> {

    @Override
    protected int firstByte(PublishPacket packet) {
        return MqttPacketType.PUBLISH.code() << 4 | (packet.dup() ? 0b1000 : 0) | packet.qos().code() << 1
                | (packet.retain() ? 1 : 0);
    }

    @Override
    protected int remainingLength(PublishPacket packet, EncodeContext context) {
        long length = Mqtt5Fields.topicNameSize("topic name", packet.topic(), packet.topicAlias() != 0);
        if (packet.qos() == MqttQos.AT_MOST_ONCE) {
            if (packet.packetId() != 0 || packet.dup()) {
                throw MqttEncodeException.invalid("a QoS 0 PUBLISH has no packet identifier and DUP 0, had "
                        + packet.packetId() + " and " + packet.dup());
            }
        } else {
            Mqtt5Fields.checkPacketId(MqttPacketType.PUBLISH, packet.packetId());
            length += 2;
        }
        if (packet.responseTopic() != null) {
            Mqtt5Fields.topicNameSize("response topic", packet.responseTopic(), false);
        }
        length += PropertySizer.sizeWithLength(PropertySizer.measure(sink -> properties(packet, sink)));
        return Mqtt5Fields.saturatedLength(length + packet.payload().length);
    }

    @Override
    protected void writeBody(PublishPacket packet, ByteBuf out, EncodeContext context) {
        MqttUtf8.write(out, packet.topic());
        if (packet.qos() != MqttQos.AT_MOST_ONCE) {
            out.writeShort(packet.packetId());
        }
        PropertyWriter.write(out, PropertySizer.measure(sink -> properties(packet, sink)),
                sink -> properties(packet, sink));
        out.writeBytes(packet.payload());
    }

    private static void properties(PublishPacket packet, PropertySink sink) {
        if (packet.payloadFormatUtf8()) {
            sink.flag(Mqtt5Property.PAYLOAD_FORMAT_INDICATOR, true);
        }
        if (packet.messageExpiryInterval() != PublishPacket.NO_MESSAGE_EXPIRY) {
            sink.fourByteInteger(Mqtt5Property.MESSAGE_EXPIRY_INTERVAL, packet.messageExpiryInterval());
        }
        if (packet.topicAlias() != 0) {
            sink.twoByteInteger(Mqtt5Property.TOPIC_ALIAS, packet.topicAlias());
        }
        sink.stringIfPresent(Mqtt5Property.RESPONSE_TOPIC, packet.responseTopic());
        sink.binaryIfPresent(Mqtt5Property.CORRELATION_DATA, packet.correlationData());
        sink.userProperties(packet.userProperties());
        for (int subscriptionIdentifier : packet.subscriptionIdentifiers()) {
            sink.variableByteInteger(Mqtt5Property.SUBSCRIPTION_IDENTIFIER, subscriptionIdentifier);
        }
        sink.stringIfPresent(Mqtt5Property.CONTENT_TYPE, packet.contentType());
    }
}
