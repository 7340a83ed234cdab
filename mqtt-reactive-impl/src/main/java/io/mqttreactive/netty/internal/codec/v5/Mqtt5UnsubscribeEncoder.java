package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import io.netty.buffer.ByteBuf;

/**
 * Encodes UNSUBSCRIBE (MQTT 5.0 section 3.10): packet identifier, User Properties, then at least one non-empty
 * topic filter ([MQTT-3.10.3-2] 5.0).
 */
final class Mqtt5UnsubscribeEncoder extends FixedHeaderEncoder<UnsubscribePacket> {

    @Override
    protected int remainingLength(UnsubscribePacket packet, EncodeContext context) {
        Mqtt5Fields.checkPacketId(MqttPacketType.UNSUBSCRIBE, packet.packetId());
        if (packet.topicFilters().isEmpty()) {
            throw MqttEncodeException.invalid("UNSUBSCRIBE needs at least one topic filter");
        }
        long length = 2 + PropertySizer.sizeWithLength(PropertySizer.measure(sink -> properties(packet, sink)));
        for (String filter : packet.topicFilters()) {
            length += Mqtt5Fields.topicFilterSize(filter);
        }
        return Mqtt5Fields.saturatedLength(length);
    }

    @Override
    protected void writeBody(UnsubscribePacket packet, ByteBuf out, EncodeContext context) {
        out.writeShort(packet.packetId());
        PropertyWriter.write(out, PropertySizer.measure(sink -> properties(packet, sink)),
                sink -> properties(packet, sink));
        for (String filter : packet.topicFilters()) {
            MqttUtf8.write(out, filter);
        }
    }

    private static void properties(UnsubscribePacket packet, PropertySink sink) {
        sink.userProperties(packet.userProperties());
    }
}
