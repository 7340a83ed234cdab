package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes CONNACK (MQTT 5.0 section 3.2). Reserved acknowledge flag bits set are Malformed ([MQTT-3.2.2-1]);
 * a reason code outside the CONNACK table, or Session Present with a non-zero reason code ([MQTT-3.2.2-6]),
 * is a Protocol Error. Missing properties take their defaults as documented on {@link ConnAckPacket}.
 */
final class Mqtt5ConnAckDecoder implements PacketDecoder {

    @Override
    public ConnAckPacket decode(int flags, ByteBuf body, DecodeContext context) {
        int acknowledgeFlags = Mqtt5Fields.readUnsignedByte(body, "CONNACK acknowledge flags");
        if ((acknowledgeFlags & 0xFE) != 0) {
            throw MqttDecodeException.malformed("CONNACK reserved acknowledge flags must be 0");
        }
        boolean sessionPresent = acknowledgeFlags == 1;
        int reasonCode = ReasonCodes.checkReceived(MqttPacketType.CONNACK,
                Mqtt5Fields.readUnsignedByte(body, "CONNACK reason code"));
        if (sessionPresent && reasonCode != ReasonCode.SUCCESS) {
            throw MqttDecodeException.protocolError("Session Present with reason code 0x"
                    + Integer.toHexString(reasonCode));
        }
        Builder connAck = new Builder();
        PropertyReader properties = PropertyReader.open(body, PropertyScope.CONNACK);
        while (properties.next()) {
            connAck.accept(properties);
        }
        if (connAck.authenticationData != null && connAck.authenticationMethod == null) {
            throw MqttDecodeException.protocolError("Authentication Data without an Authentication Method");
        }
        return new ConnAckPacket(sessionPresent, reasonCode, connAck.sessionExpiryInterval, connAck.receiveMaximum,
                connAck.maximumQos, connAck.retainAvailable, connAck.maximumPacketSize,
                connAck.assignedClientIdentifier, connAck.topicAliasMaximum, connAck.reasonString,
                connAck.userProperties, connAck.wildcardSubscriptionAvailable,
                connAck.subscriptionIdentifiersAvailable, connAck.sharedSubscriptionAvailable,
                connAck.serverKeepAlive, connAck.responseInformation, connAck.serverReference,
                connAck.authenticationMethod, connAck.authenticationData);
    }

    private static final class Builder {
        long sessionExpiryInterval = ConnAckPacket.ABSENT_SESSION_EXPIRY;
        int receiveMaximum = ConnectPacket.DEFAULT_RECEIVE_MAXIMUM;
        int maximumQos = 2;
        boolean retainAvailable = true;
        long maximumPacketSize = ConnectPacket.NO_MAXIMUM_PACKET_SIZE;
        @Nullable String assignedClientIdentifier;
        int topicAliasMaximum;
        @Nullable String reasonString;
        final List<UserProperty> userProperties = new ArrayList<>();
        boolean wildcardSubscriptionAvailable = true;
        boolean subscriptionIdentifiersAvailable = true;
        boolean sharedSubscriptionAvailable = true;
        int serverKeepAlive = ConnAckPacket.ABSENT_SERVER_KEEP_ALIVE;
        @Nullable String responseInformation;
        @Nullable String serverReference;
        @Nullable String authenticationMethod;
        byte @Nullable [] authenticationData;

        void accept(PropertyReader properties) {
            switch (properties.property()) {
                case SESSION_EXPIRY_INTERVAL -> sessionExpiryInterval = properties.number();
                case RECEIVE_MAXIMUM -> receiveMaximum = properties.intValue();
                case MAXIMUM_QOS -> maximumQos = properties.intValue();
                case RETAIN_AVAILABLE -> retainAvailable = properties.flag();
                case MAXIMUM_PACKET_SIZE -> maximumPacketSize = properties.number();
                case ASSIGNED_CLIENT_IDENTIFIER -> assignedClientIdentifier = properties.string();
                case TOPIC_ALIAS_MAXIMUM -> topicAliasMaximum = properties.intValue();
                case REASON_STRING -> reasonString = properties.string();
                case USER_PROPERTY -> userProperties.add(properties.userProperty());
                case WILDCARD_SUBSCRIPTION_AVAILABLE -> wildcardSubscriptionAvailable = properties.flag();
                case SUBSCRIPTION_IDENTIFIERS_AVAILABLE -> subscriptionIdentifiersAvailable = properties.flag();
                case SHARED_SUBSCRIPTION_AVAILABLE -> sharedSubscriptionAvailable = properties.flag();
                case SERVER_KEEP_ALIVE -> serverKeepAlive = properties.intValue();
                case RESPONSE_INFORMATION -> responseInformation = properties.string();
                case SERVER_REFERENCE -> serverReference = properties.string();
                case AUTHENTICATION_METHOD -> authenticationMethod = properties.string();
                case AUTHENTICATION_DATA -> authenticationData = properties.binary();
                default -> throw new IllegalStateException(properties.property() + " passed the CONNACK scope");
            }
        }
    }
}
