package io.mqttreactive.netty.internal.codec.v311;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import io.netty.buffer.ByteBuf;

/**
 * Encodes UNSUBSCRIBE (MQTT 3.1.1 section 3.10): flags 0010 ([MQTT-3.10.1-1] 3.1.1), a packet identifier 1 to
 * 65535, then at least one topic filter ([MQTT-3.10.3-2]). User properties exist only in MQTT 5 and are refused.
 */
final class Mqtt311UnsubscribeEncoder extends FixedHeaderEncoder<UnsubscribePacket> {

    @Override
    protected int remainingLength(UnsubscribePacket packet, EncodeContext context) {
        Mqtt311Fields.checkPacketId("UNSUBSCRIBE", packet.packetId());
        Mqtt311Fields.requireMqtt5Absent(packet.userProperties(), "UNSUBSCRIBE user properties", context.version());
        Mqtt311Fields.requireNonEmpty(packet.topicFilters(), "UNSUBSCRIBE", "topic filter");
        long length = 2;
        for (String topicFilter : packet.topicFilters()) {
            length += Mqtt311Topics.topicFilterSize("UNSUBSCRIBE topic filter", topicFilter);
        }
        context.checkFits("UNSUBSCRIBE", length);
        return (int) length;
    }

    @Override
    protected void writeBody(UnsubscribePacket packet, ByteBuf out, EncodeContext context) {
        out.writeShort(packet.packetId());
        for (String topicFilter : packet.topicFilters()) {
            MqttUtf8.write(out, topicFilter);
        }
    }
}
