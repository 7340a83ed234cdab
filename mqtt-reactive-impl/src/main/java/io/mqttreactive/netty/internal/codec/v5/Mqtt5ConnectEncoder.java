package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.codec.MqttBinary;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.WillPacket;
import io.netty.buffer.ByteBuf;

/**
 * Encodes CONNECT (MQTT 5.0 section 3.1): protocol name "MQTT", level 5, the connect flags derived from the
 * fields present so that the will and credential flags always match the payload ([MQTT-3.1.2-9],
 * [MQTT-3.1.2-11], [MQTT-3.1.2-13], [MQTT-3.1.2-16] to [MQTT-3.1.2-19] 5.0; a password without a user name is
 * allowed), the CONNECT properties, then Client Identifier, Will Properties, Will Topic, Will Payload, User Name
 * and Password in that order ([MQTT-3.1.3-1] 5.0). Authentication Data needs an Authentication Method.
 */
final class Mqtt5ConnectEncoder extends FixedHeaderEncoder<ConnectPacket> {

    private static final int PROTOCOL_HEADER_LENGTH = 2 + 4 + 1 + 1 + 2;

    @Override
    protected int remainingLength(ConnectPacket packet, EncodeContext context) {
        if (packet.version() != MqttVersion.MQTT_5_0) {
            throw MqttEncodeException.invalid("the MQTT 5 encoder cannot send a " + packet.version() + " CONNECT");
        }
        if (packet.keepAliveSeconds() < 0 || packet.keepAliveSeconds() > 0xFFFF) {
            throw MqttEncodeException.invalid("keep alive must be between 0 and 65535, was "
                    + packet.keepAliveSeconds());
        }
        if (packet.authenticationData() != null && packet.authenticationMethod() == null) {
            throw MqttEncodeException.invalid("Authentication Data requires an Authentication Method");
        }
        long length = PROTOCOL_HEADER_LENGTH
                + PropertySizer.sizeWithLength(PropertySizer.measure(sink -> properties(packet, sink)))
                + MqttUtf8.size(packet.clientId());
        WillPacket will = packet.will();
        if (will != null) {
            length += willLength(will);
        }
        if (packet.username() != null) {
            length += MqttUtf8.size(packet.username());
        }
        if (packet.password() != null) {
            length += MqttBinary.size(packet.password());
        }
        return Mqtt5Fields.saturatedLength(length);
    }

    private static long willLength(WillPacket will) {
        if (will.responseTopic() != null) {
            Mqtt5Fields.topicNameSize("will response topic", will.responseTopic(), false);
        }
        return PropertySizer.sizeWithLength(PropertySizer.measure(sink -> willProperties(will, sink)))
                + Mqtt5Fields.topicNameSize("will topic", will.topic(), false)
                + MqttBinary.size(will.payload());
    }

    @Override
    protected void writeBody(ConnectPacket packet, ByteBuf out, EncodeContext context) {
        MqttUtf8.write(out, MqttVersion.MQTT_5_0.protocolName());
        out.writeByte(MqttVersion.MQTT_5_0.protocolLevel());
        out.writeByte(connectFlags(packet));
        out.writeShort(packet.keepAliveSeconds());
        PropertyWriter.write(out, PropertySizer.measure(sink -> properties(packet, sink)),
                sink -> properties(packet, sink));
        MqttUtf8.write(out, packet.clientId());
        WillPacket will = packet.will();
        if (will != null) {
            PropertyWriter.write(out, PropertySizer.measure(sink -> willProperties(will, sink)),
                    sink -> willProperties(will, sink));
            MqttUtf8.write(out, will.topic());
            MqttBinary.write(out, will.payload());
        }
        if (packet.username() != null) {
            MqttUtf8.write(out, packet.username());
        }
        if (packet.password() != null) {
            MqttBinary.write(out, packet.password());
        }
    }

    private static int connectFlags(ConnectPacket packet) {
        int flags = packet.cleanStart() ? 0b0000_0010 : 0;
        WillPacket will = packet.will();
        if (will != null) {
            flags |= 0b0000_0100 | will.qos().code() << 3 | (will.retain() ? 0b0010_0000 : 0);
        }
        if (packet.password() != null) {
            flags |= 0b0100_0000;
        }
        if (packet.username() != null) {
            flags |= 0b1000_0000;
        }
        return flags;
    }

    private static void properties(ConnectPacket packet, PropertySink sink) {
        if (packet.sessionExpiryInterval() != 0) {
            sink.fourByteInteger(Mqtt5Property.SESSION_EXPIRY_INTERVAL, packet.sessionExpiryInterval());
        }
        if (packet.receiveMaximum() != ConnectPacket.DEFAULT_RECEIVE_MAXIMUM) {
            sink.twoByteInteger(Mqtt5Property.RECEIVE_MAXIMUM, packet.receiveMaximum());
        }
        if (packet.maximumPacketSize() != ConnectPacket.NO_MAXIMUM_PACKET_SIZE) {
            sink.fourByteInteger(Mqtt5Property.MAXIMUM_PACKET_SIZE, packet.maximumPacketSize());
        }
        if (packet.topicAliasMaximum() != 0) {
            sink.twoByteInteger(Mqtt5Property.TOPIC_ALIAS_MAXIMUM, packet.topicAliasMaximum());
        }
        if (packet.requestResponseInformation()) {
            sink.flag(Mqtt5Property.REQUEST_RESPONSE_INFORMATION, true);
        }
        if (!packet.requestProblemInformation()) {
            sink.flag(Mqtt5Property.REQUEST_PROBLEM_INFORMATION, false);
        }
        sink.userProperties(packet.userProperties());
        sink.stringIfPresent(Mqtt5Property.AUTHENTICATION_METHOD, packet.authenticationMethod());
        sink.binaryIfPresent(Mqtt5Property.AUTHENTICATION_DATA, packet.authenticationData());
    }

    private static void willProperties(WillPacket will, PropertySink sink) {
        if (will.willDelayInterval() != 0) {
            sink.fourByteInteger(Mqtt5Property.WILL_DELAY_INTERVAL, will.willDelayInterval());
        }
        if (will.payloadFormatUtf8()) {
            sink.flag(Mqtt5Property.PAYLOAD_FORMAT_INDICATOR, true);
        }
        if (will.messageExpiryInterval() != PublishPacket.NO_MESSAGE_EXPIRY) {
            sink.fourByteInteger(Mqtt5Property.MESSAGE_EXPIRY_INTERVAL, will.messageExpiryInterval());
        }
        sink.stringIfPresent(Mqtt5Property.CONTENT_TYPE, will.contentType());
        sink.stringIfPresent(Mqtt5Property.RESPONSE_TOPIC, will.responseTopic());
        sink.binaryIfPresent(Mqtt5Property.CORRELATION_DATA, will.correlationData());
        sink.userProperties(will.userProperties());
    }
}
