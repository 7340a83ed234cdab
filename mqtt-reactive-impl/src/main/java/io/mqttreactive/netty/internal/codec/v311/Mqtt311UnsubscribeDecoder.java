package io.mqttreactive.netty.internal.codec.v311;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes UNSUBSCRIBE (MQTT 3.1.1 section 3.10): a packet identifier and contiguous topic filters; none at all
 * is a protocol error ([MQTT-3.10.3-2] 3.1.1).
 */
final class Mqtt311UnsubscribeDecoder implements PacketDecoder {

    @Override
    public MqttPacket decode(int flags, ByteBuf body, DecodeContext context) {
        int packetId = Mqtt311Fields.readPacketId("UNSUBSCRIBE", body);
        List<String> topicFilters = new ArrayList<>();
        while (body.isReadable()) {
            topicFilters.add(MqttUtf8.read(body));
        }
        if (topicFilters.isEmpty()) {
            throw MqttDecodeException.protocolError("UNSUBSCRIBE carries no topic filter");
        }
        return UnsubscribePacket.of(packetId, topicFilters);
    }
}
