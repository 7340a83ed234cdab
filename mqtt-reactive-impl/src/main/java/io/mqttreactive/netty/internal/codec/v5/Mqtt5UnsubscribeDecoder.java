package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes UNSUBSCRIBE (MQTT 5.0 section 3.10). No topic filter (section 3.10.3) or an empty one
 * ([MQTT-4.7.3-1]) is a Protocol Error.
 */
final class Mqtt5UnsubscribeDecoder implements PacketDecoder {

    @Override
    public UnsubscribePacket decode(int flags, ByteBuf body, DecodeContext context) {
        int packetId = Mqtt5Fields.readPacketId(MqttPacketType.UNSUBSCRIBE, body);
        List<UserProperty> userProperties = new ArrayList<>();
        PropertyReader properties = PropertyReader.open(body, PropertyScope.UNSUBSCRIBE);
        while (properties.next()) {
            userProperties.add(properties.userProperty());
        }
        if (!body.isReadable()) {
            throw MqttDecodeException.protocolError("UNSUBSCRIBE without a topic filter");
        }
        List<String> filters = new ArrayList<>();
        while (body.isReadable()) {
            filters.add(Mqtt5Fields.readTopicFilter(body));
        }
        return new UnsubscribePacket(packetId, filters, userProperties);
    }
}
