package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.AuthPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes AUTH (MQTT 5.0 section 3.15). Remaining length 0 means reason 0x00 (Success) and no properties
 * (section 3.15.2.1); otherwise the Property Length must follow the reason code. A reason code outside the AUTH
 * table, or a missing Authentication Method (section 3.15.2.2.2), is a Protocol Error.
 */
final class Mqtt5AuthDecoder implements PacketDecoder {

    @Override
    public AuthPacket decode(int flags, ByteBuf body, DecodeContext context) {
        if (!body.isReadable()) {
            return new AuthPacket(ReasonCode.SUCCESS, null, null, null, List.of());
        }
        int reasonCode = ReasonCodes.checkReceived(MqttPacketType.AUTH, body.readUnsignedByte());
        @Nullable String method = null;
        byte @Nullable [] data = null;
        @Nullable String reasonString = null;
        List<UserProperty> userProperties = new ArrayList<>();
        PropertyReader properties = PropertyReader.open(body, PropertyScope.AUTH);
        while (properties.next()) {
            switch (properties.property()) {
                case AUTHENTICATION_METHOD -> method = properties.string();
                case AUTHENTICATION_DATA -> data = properties.binary();
                case REASON_STRING -> reasonString = properties.string();
                case USER_PROPERTY -> userProperties.add(properties.userProperty());
                default -> throw new IllegalStateException(properties.property() + " passed the AUTH scope");
            }
        }
        if (method == null) {
            throw MqttDecodeException.protocolError("AUTH without an Authentication Method");
        }
        return new AuthPacket(reasonCode, method, data, reasonString, userProperties);
    }
}
