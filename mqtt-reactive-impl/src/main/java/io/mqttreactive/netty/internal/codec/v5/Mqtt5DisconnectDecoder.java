package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes DISCONNECT (MQTT 5.0 section 3.14). Remaining length 0 means reason 0x00 (Normal disconnection),
 * 1 means a reason code and no properties (sections 3.14.2.1 and 3.14.2.2.1). A reason code outside the
 * DISCONNECT table is a Protocol Error.
 */
final class Mqtt5DisconnectDecoder implements PacketDecoder {

    @Override
    public DisconnectPacket decode(int flags, ByteBuf body, DecodeContext context) {
        if (!body.isReadable()) {
            return DisconnectPacket.NORMAL;
        }
        int reasonCode = ReasonCodes.checkReceived(MqttPacketType.DISCONNECT, body.readUnsignedByte());
        if (!body.isReadable()) {
            return DisconnectPacket.of(reasonCode);
        }
        long sessionExpiryInterval = ConnAckPacket.ABSENT_SESSION_EXPIRY;
        @Nullable String reasonString = null;
        List<UserProperty> userProperties = new ArrayList<>();
        @Nullable String serverReference = null;
        PropertyReader properties = PropertyReader.open(body, PropertyScope.DISCONNECT);
        while (properties.next()) {
            switch (properties.property()) {
                case SESSION_EXPIRY_INTERVAL -> sessionExpiryInterval = properties.number();
                case REASON_STRING -> reasonString = properties.string();
                case USER_PROPERTY -> userProperties.add(properties.userProperty());
                case SERVER_REFERENCE -> serverReference = properties.string();
                default -> throw new IllegalStateException(properties.property() + " passed the DISCONNECT scope");
            }
        }
        return new DisconnectPacket(reasonCode, sessionExpiryInterval, reasonString, userProperties,
                serverReference);
    }
}
