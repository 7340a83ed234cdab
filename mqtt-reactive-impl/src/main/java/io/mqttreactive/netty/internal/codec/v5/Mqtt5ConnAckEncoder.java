package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Encodes CONNACK (MQTT 5.0 section 3.2): the acknowledge flags, a CONNACK reason code ([MQTT-3.2.2-8] 5.0),
 * Session Present only with reason 0x00 ([MQTT-3.2.2-6] 5.0), then the properties that differ from their
 * default. Maximum QoS is sent only as 0 or 1 (2 is its absent value).
 */
final class Mqtt5ConnAckEncoder extends DiagnosticsOmittingEncoder<ConnAckPacket> {

    @Override
    protected int remainingLength(ConnAckPacket packet, EncodeContext context) {
        ReasonCodes.checkSendable(MqttPacketType.CONNACK, packet.reasonCode());
        if (packet.sessionPresent() && packet.reasonCode() != ReasonCode.SUCCESS) {
            throw MqttEncodeException.invalid("Session Present must be 0 with reason code 0x"
                    + Integer.toHexString(packet.reasonCode()));
        }
        if (packet.authenticationData() != null && packet.authenticationMethod() == null) {
            throw MqttEncodeException.invalid("Authentication Data requires an Authentication Method");
        }
        long propertyLength = PropertySizer.measure(sink -> properties(packet, sink));
        return Mqtt5Fields.saturatedLength(2 + PropertySizer.sizeWithLength(propertyLength));
    }

    @Override
    protected void writeBody(ConnAckPacket packet, ByteBuf out, EncodeContext context) {
        out.writeByte(packet.sessionPresent() ? 1 : 0);
        out.writeByte(packet.reasonCode());
        PropertyWriter.write(out, PropertySizer.measure(sink -> properties(packet, sink)),
                sink -> properties(packet, sink));
    }

    private static void properties(ConnAckPacket packet, PropertySink sink) {
        if (packet.sessionExpiryInterval() != ConnAckPacket.ABSENT_SESSION_EXPIRY) {
            sink.fourByteInteger(Mqtt5Property.SESSION_EXPIRY_INTERVAL, packet.sessionExpiryInterval());
        }
        if (packet.receiveMaximum() != ConnectPacket.DEFAULT_RECEIVE_MAXIMUM) {
            sink.twoByteInteger(Mqtt5Property.RECEIVE_MAXIMUM, packet.receiveMaximum());
        }
        if (packet.maximumQos() != 2) {
            sink.byteValue(Mqtt5Property.MAXIMUM_QOS, packet.maximumQos());
        }
        if (!packet.retainAvailable()) {
            sink.flag(Mqtt5Property.RETAIN_AVAILABLE, false);
        }
        if (packet.maximumPacketSize() != ConnectPacket.NO_MAXIMUM_PACKET_SIZE) {
            sink.fourByteInteger(Mqtt5Property.MAXIMUM_PACKET_SIZE, packet.maximumPacketSize());
        }
        sink.stringIfPresent(Mqtt5Property.ASSIGNED_CLIENT_IDENTIFIER, packet.assignedClientIdentifier());
        if (packet.topicAliasMaximum() != 0) {
            sink.twoByteInteger(Mqtt5Property.TOPIC_ALIAS_MAXIMUM, packet.topicAliasMaximum());
        }
        sink.stringIfPresent(Mqtt5Property.REASON_STRING, packet.reasonString());
        sink.userProperties(packet.userProperties());
        if (!packet.wildcardSubscriptionAvailable()) {
            sink.flag(Mqtt5Property.WILDCARD_SUBSCRIPTION_AVAILABLE, false);
        }
        if (!packet.subscriptionIdentifiersAvailable()) {
            sink.flag(Mqtt5Property.SUBSCRIPTION_IDENTIFIERS_AVAILABLE, false);
        }
        if (!packet.sharedSubscriptionAvailable()) {
            sink.flag(Mqtt5Property.SHARED_SUBSCRIPTION_AVAILABLE, false);
        }
        if (packet.serverKeepAlive() != ConnAckPacket.ABSENT_SERVER_KEEP_ALIVE) {
            sink.twoByteInteger(Mqtt5Property.SERVER_KEEP_ALIVE, packet.serverKeepAlive());
        }
        sink.stringIfPresent(Mqtt5Property.RESPONSE_INFORMATION, packet.responseInformation());
        sink.stringIfPresent(Mqtt5Property.SERVER_REFERENCE, packet.serverReference());
        sink.stringIfPresent(Mqtt5Property.AUTHENTICATION_METHOD, packet.authenticationMethod());
        sink.binaryIfPresent(Mqtt5Property.AUTHENTICATION_DATA, packet.authenticationData());
    }

    @Override
    protected boolean hasReasonString(ConnAckPacket packet) {
        return packet.reasonString() != null;
    }

    @Override
    protected boolean hasUserProperties(ConnAckPacket packet) {
        return !packet.userProperties().isEmpty();
    }

    @Override
    protected ConnAckPacket withoutReasonString(ConnAckPacket p) {
        return new ConnAckPacket(p.sessionPresent(), p.reasonCode(), p.sessionExpiryInterval(), p.receiveMaximum(),
                p.maximumQos(), p.retainAvailable(), p.maximumPacketSize(), p.assignedClientIdentifier(),
                p.topicAliasMaximum(), null, p.userProperties(), p.wildcardSubscriptionAvailable(),
                p.subscriptionIdentifiersAvailable(), p.sharedSubscriptionAvailable(), p.serverKeepAlive(),
                p.responseInformation(), p.serverReference(), p.authenticationMethod(), p.authenticationData());
    }

    @Override
    protected ConnAckPacket withoutUserProperties(ConnAckPacket p) {
        return new ConnAckPacket(p.sessionPresent(), p.reasonCode(), p.sessionExpiryInterval(), p.receiveMaximum(),
                p.maximumQos(), p.retainAvailable(), p.maximumPacketSize(), p.assignedClientIdentifier(),
                p.topicAliasMaximum(), p.reasonString(), List.of(), p.wildcardSubscriptionAvailable(),
                p.subscriptionIdentifiersAvailable(), p.sharedSubscriptionAvailable(), p.serverKeepAlive(),
                p.responseInformation(), p.serverReference(), p.authenticationMethod(), p.authenticationData());
    }
}
