package io.mqttreactive.netty.internal.codec.v311;

import io.mqttreactive.MqttQos;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes SUBSCRIBE (MQTT 3.1.1 section 3.8). Requested QoS 3 or set reserved bits ([MQTT-3-8.3-4] 3.1.1) are
 * malformed; a SUBSCRIBE without a topic filter is a protocol error ([MQTT-3.8.3-3]). The syntax of a filter is
 * left to the server, which refuses a bad one in SUBACK rather than by closing the connection.
 */
final class Mqtt311SubscribeDecoder implements PacketDecoder {

    @Override
    public MqttPacket decode(int flags, ByteBuf body, DecodeContext context) {
        int packetId = Mqtt311Fields.readPacketId("SUBSCRIBE", body);
        List<SubscriptionRequest> subscriptions = new ArrayList<>();
        while (body.isReadable()) {
            String topicFilter = MqttUtf8.read(body);
            if (!body.isReadable()) {
                throw MqttDecodeException.malformed("SUBSCRIBE requested QoS truncated");
            }
            int requestedQos = body.readUnsignedByte();
            if (requestedQos > 2) {
                throw MqttDecodeException.malformed("SUBSCRIBE requested QoS byte 0x" + Integer.toHexString(requestedQos)
                        + " is invalid");
            }
            subscriptions.add(SubscriptionRequest.of(topicFilter, MqttQos.fromCode(requestedQos)));
        }
        if (subscriptions.isEmpty()) {
            throw MqttDecodeException.protocolError("SUBSCRIBE carries no topic filter");
        }
        return SubscribePacket.of(packetId, subscriptions);
    }
}
