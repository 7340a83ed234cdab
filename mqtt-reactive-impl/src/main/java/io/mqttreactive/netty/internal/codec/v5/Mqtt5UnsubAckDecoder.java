package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes UNSUBACK (MQTT 5.0 section 3.11). No reason code, or one outside the UNSUBACK table
 * (section 3.11.3), is a Protocol Error.
 */
final class Mqtt5UnsubAckDecoder implements PacketDecoder {

    @Override
    public UnsubAckPacket decode(int flags, ByteBuf body, DecodeContext context) {
        int packetId = Mqtt5Fields.readPacketId(MqttPacketType.UNSUBACK, body);
        @Nullable String reasonString = null;
        List<UserProperty> userProperties = new ArrayList<>();
        PropertyReader properties = PropertyReader.open(body, PropertyScope.UNSUBACK);
        while (properties.next()) {
            switch (properties.property()) {
                case REASON_STRING -> reasonString = properties.string();
                case USER_PROPERTY -> userProperties.add(properties.userProperty());
                default -> throw new IllegalStateException(properties.property() + " passed the UNSUBACK scope");
            }
        }
        if (!body.isReadable()) {
            throw MqttDecodeException.protocolError("UNSUBACK without a reason code");
        }
        List<Integer> reasonCodes = new ArrayList<>(body.readableBytes());
        while (body.isReadable()) {
            reasonCodes.add(ReasonCodes.checkReceived(MqttPacketType.UNSUBACK, body.readUnsignedByte()));
        }
        return new UnsubAckPacket(packetId, reasonCodes, reasonString, userProperties);
    }
}
