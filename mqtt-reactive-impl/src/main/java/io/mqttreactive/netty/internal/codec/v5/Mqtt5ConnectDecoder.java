package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttBinary;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.mqttreactive.netty.internal.packet.WillPacket;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes CONNECT (MQTT 5.0 section 3.1). A protocol name other than "MQTT" or a level other than 5 is a
 * Protocol Error (a server would answer 0x84, Unsupported Protocol Version, [MQTT-3.1.2-1], [MQTT-3.1.2-2]).
 * Malformed: the reserved flag set ([MQTT-3.1.2-3]), Will QoS 3 ([MQTT-3.1.2-12]), Will QoS or Will Retain
 * set without the Will Flag ([MQTT-3.1.2-11], [MQTT-3.1.2-13]). Protocol Error: Authentication Data without
 * an Authentication Method (section 3.1.2.11.10), a Will Topic that is empty or has wildcards.
 */
final class Mqtt5ConnectDecoder implements PacketDecoder {

    private static final int RESERVED = 0b0000_0001;
    private static final int CLEAN_START = 0b0000_0010;
    private static final int WILL = 0b0000_0100;
    private static final int WILL_RETAIN = 0b0010_0000;
    private static final int PASSWORD = 0b0100_0000;
    private static final int USER_NAME = 0b1000_0000;

    @Override
    public ConnectPacket decode(int flags, ByteBuf body, DecodeContext context) {
        String protocolName = MqttUtf8.read(body);
        if (!MqttVersion.MQTT_5_0.protocolName().equals(protocolName)) {
            throw MqttDecodeException.protocolError("protocol name must be MQTT, was " + protocolName);
        }
        int level = Mqtt5Fields.readUnsignedByte(body, "protocol level");
        if (level != MqttVersion.MQTT_5_0.protocolLevel()) {
            throw MqttDecodeException.protocolError("protocol level must be 5, was " + level);
        }
        int connectFlags = Mqtt5Fields.readUnsignedByte(body, "connect flags");
        checkConnectFlags(connectFlags);
        int keepAlive = Mqtt5Fields.readUnsignedShort(body, "keep alive");
        ConnectBuilder connect = new ConnectBuilder();
        PropertyReader properties = PropertyReader.open(body, PropertyScope.CONNECT);
        while (properties.next()) {
            connect.accept(properties);
        }
        if (connect.authenticationData != null && connect.authenticationMethod == null) {
            throw MqttDecodeException.protocolError("Authentication Data without an Authentication Method");
        }
        String clientId = MqttUtf8.read(body);
        WillPacket will = (connectFlags & WILL) != 0 ? readWill(connectFlags, body) : null;
        String username = (connectFlags & USER_NAME) != 0 ? MqttUtf8.read(body) : null;
        byte[] password = (connectFlags & PASSWORD) != 0 ? MqttBinary.read(body) : null;
        return new ConnectPacket(MqttVersion.MQTT_5_0, clientId, (connectFlags & CLEAN_START) != 0, keepAlive,
                username, password, will, connect.sessionExpiryInterval, connect.receiveMaximum,
                connect.maximumPacketSize, connect.topicAliasMaximum, connect.requestResponseInformation,
                connect.requestProblemInformation, connect.userProperties, connect.authenticationMethod,
                connect.authenticationData);
    }

    private static void checkConnectFlags(int connectFlags) {
        if ((connectFlags & RESERVED) != 0) {
            throw MqttDecodeException.malformed("CONNECT reserved flag must be 0");
        }
        int willQos = connectFlags >> 3 & 0b11;
        if (willQos == 3) {
            throw MqttDecodeException.malformed("Will QoS 3");
        }
        if ((connectFlags & WILL) == 0 && (willQos != 0 || (connectFlags & WILL_RETAIN) != 0)) {
            throw MqttDecodeException.malformed("Will QoS and Will Retain must be 0 without the Will Flag");
        }
    }

    private static WillPacket readWill(int connectFlags, ByteBuf body) {
        WillBuilder will = new WillBuilder();
        PropertyReader properties = PropertyReader.open(body, PropertyScope.WILL);
        while (properties.next()) {
            will.accept(properties);
        }
        String topic = Mqtt5Fields.readTopicName("will topic", body);
        if (topic.isEmpty()) {
            throw MqttDecodeException.protocolError("will topic must not be empty");
        }
        byte[] payload = MqttBinary.read(body);
        return new WillPacket(topic, payload, MqttQos.fromCode(connectFlags >> 3 & 0b11),
                (connectFlags & WILL_RETAIN) != 0, will.willDelayInterval, will.messageExpiryInterval,
                will.payloadFormatUtf8, will.contentType, will.responseTopic, will.correlationData,
                will.userProperties);
    }

    private static final class ConnectBuilder {
        long sessionExpiryInterval;
        int receiveMaximum = ConnectPacket.DEFAULT_RECEIVE_MAXIMUM;
        long maximumPacketSize = ConnectPacket.NO_MAXIMUM_PACKET_SIZE;
        int topicAliasMaximum;
        boolean requestResponseInformation;
        boolean requestProblemInformation = true;
        final List<UserProperty> userProperties = new ArrayList<>();
        @Nullable String authenticationMethod;
        byte @Nullable [] authenticationData;

        void accept(PropertyReader properties) {
            switch (properties.property()) {
                case SESSION_EXPIRY_INTERVAL -> sessionExpiryInterval = properties.number();
                case RECEIVE_MAXIMUM -> receiveMaximum = properties.intValue();
                case MAXIMUM_PACKET_SIZE -> maximumPacketSize = properties.number();
                case TOPIC_ALIAS_MAXIMUM -> topicAliasMaximum = properties.intValue();
                case REQUEST_RESPONSE_INFORMATION -> requestResponseInformation = properties.flag();
                case REQUEST_PROBLEM_INFORMATION -> requestProblemInformation = properties.flag();
                case USER_PROPERTY -> userProperties.add(properties.userProperty());
                case AUTHENTICATION_METHOD -> authenticationMethod = properties.string();
                case AUTHENTICATION_DATA -> authenticationData = properties.binary();
                default -> throw new IllegalStateException(properties.property() + " passed the CONNECT scope");
            }
        }
    }

    private static final class WillBuilder {
        long willDelayInterval;
        long messageExpiryInterval = PublishPacket.NO_MESSAGE_EXPIRY;
        boolean payloadFormatUtf8;
        @Nullable String contentType;
        @Nullable String responseTopic;
        byte @Nullable [] correlationData;
        final List<UserProperty> userProperties = new ArrayList<>();

        void accept(PropertyReader properties) {
            switch (properties.property()) {
                case WILL_DELAY_INTERVAL -> willDelayInterval = properties.number();
                case PAYLOAD_FORMAT_INDICATOR -> payloadFormatUtf8 = properties.flag();
                case MESSAGE_EXPIRY_INTERVAL -> messageExpiryInterval = properties.number();
                case CONTENT_TYPE -> contentType = properties.string();
                case RESPONSE_TOPIC -> responseTopic = properties.string();
                case CORRELATION_DATA -> correlationData = properties.binary();
                case USER_PROPERTY -> userProperties.add(properties.userProperty());
                default -> throw new IllegalStateException(properties.property() + " passed the WILL scope");
            }
        }
    }
}
