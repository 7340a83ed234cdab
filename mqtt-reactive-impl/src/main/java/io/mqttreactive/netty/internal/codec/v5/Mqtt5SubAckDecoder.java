package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes SUBACK (MQTT 5.0 section 3.9). No reason code, or one outside the SUBACK table (section 3.9.3), is a
 * Protocol Error.
 */
final class Mqtt5SubAckDecoder implements PacketDecoder {

    @Override
    public SubAckPacket decode(int flags, ByteBuf body, DecodeContext context) {
        int packetId = Mqtt5Fields.readPacketId(MqttPacketType.SUBACK, body);
        @Nullable String reasonString = null;
        List<UserProperty> userProperties = new ArrayList<>();
        PropertyReader properties = PropertyReader.open(body, PropertyScope.SUBACK);
        while (properties.next()) {
            switch (properties.property()) {
                case REASON_STRING -> reasonString = properties.string();
                case USER_PROPERTY -> userProperties.add(properties.userProperty());
                default -> throw new IllegalStateException(properties.property() + " passed the SUBACK scope");
            }
        }
        if (!body.isReadable()) {
            throw MqttDecodeException.protocolError("SUBACK without a reason code");
        }
        List<Integer> reasonCodes = new ArrayList<>(body.readableBytes());
        while (body.isReadable()) {
            reasonCodes.add(ReasonCodes.checkReceived(MqttPacketType.SUBACK, body.readUnsignedByte()));
        }
        return new SubAckPacket(packetId, reasonCodes, reasonString, userProperties);
    }
}
