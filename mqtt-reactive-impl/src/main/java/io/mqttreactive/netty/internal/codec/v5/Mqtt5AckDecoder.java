package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes PUBACK, PUBREC, PUBREL or PUBCOMP (MQTT 5.0 sections 3.4 to 3.7). A remaining length of 2 means
 * reason 0x00 and no properties, 3 means a reason code and no properties (sections 3.4.2.1 and 3.4.2.2.1);
 * the reason code must belong to the packet type, else Protocol Error.
 */
final class Mqtt5AckDecoder implements PacketDecoder {

    private final MqttPacketType type;

    Mqtt5AckDecoder(MqttPacketType type) {
        this.type = type;
    }

    @Override
    public AckPacket decode(int flags, ByteBuf body, DecodeContext context) {
        int packetId = Mqtt5Fields.readPacketId(type, body);
        if (!body.isReadable()) {
            return AckPacket.of(type, packetId);
        }
        int reasonCode = ReasonCodes.checkReceived(type, body.readUnsignedByte());
        if (!body.isReadable()) {
            return AckPacket.of(type, packetId, reasonCode);
        }
        String reasonString = null;
        List<UserProperty> userProperties = new ArrayList<>();
        PropertyReader properties = PropertyReader.open(body, PropertyScope.of(type));
        while (properties.next()) {
            switch (properties.property()) {
                case REASON_STRING -> reasonString = properties.string();
                case USER_PROPERTY -> userProperties.add(properties.userProperty());
                default -> throw new IllegalStateException(properties.property() + " passed the " + type + " scope");
            }
        }
        return new AckPacket(type, packetId, reasonCode, reasonString, userProperties);
    }
}
