package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.v311.Mqtt311Fields.requireMqtt5Absent;

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
 * Encodes CONNECT (MQTT 3.1.1 section 3.1; MQTT 3.1 with protocol name "MQIsdp" and level 3). The packet's
 * version must be the connection's. Refuses a zero-byte client id in 3.1 and, in 3.1.1, without Clean Session
 * ([MQTT-3.1.3-7] 3.1.1), a password without a user name ([MQTT-3.1.2-22] 3.1.1), an invalid will topic, and any
 * MQTT 5 property or will property that is not at its default.
 */
final class Mqtt311ConnectEncoder extends FixedHeaderEncoder<ConnectPacket> {

    static final int USER_NAME_FLAG = 0x80;
    static final int PASSWORD_FLAG = 0x40;
    static final int WILL_RETAIN_FLAG = 0x20;
    static final int WILL_QOS_SHIFT = 3;
    static final int WILL_FLAG = 0x04;
    static final int CLEAN_SESSION_FLAG = 0x02;

    @Override
    protected int remainingLength(ConnectPacket packet, EncodeContext context) {
        MqttVersion version = context.version();
        if (packet.version() != version) {
            throw MqttEncodeException.invalid("CONNECT for " + packet.version() + " cannot be sent on a " + version
                    + " connection");
        }
        checkMqtt5PropertiesAbsent(packet, version);
        Mqtt311Fields.checkTwoByteValue("CONNECT keep alive", packet.keepAliveSeconds());
        checkClientId(packet, version);
        if (packet.password() != null && packet.username() == null) {
            throw MqttEncodeException.invalid("CONNECT password requires a user name in " + version);
        }
        int length = MqttUtf8.size(version.protocolName()) + 1 + 1 + 2 + MqttUtf8.size(packet.clientId());
        WillPacket will = packet.will();
        if (will != null) {
            checkMqtt5WillPropertiesAbsent(will, version);
            length += Mqtt311Topics.topicNameSize("will topic", will.topic()) + MqttBinary.size(will.payload());
        }
        if (packet.username() != null) {
            length += MqttUtf8.size(packet.username());
        }
        if (packet.password() != null) {
            length += MqttBinary.size(packet.password());
        }
        return length;
    }

    @Override
    protected void writeBody(ConnectPacket packet, ByteBuf out, EncodeContext context) {
        MqttUtf8.write(out, context.version().protocolName());
        out.writeByte(context.version().protocolLevel());
        out.writeByte(connectFlags(packet));
        out.writeShort(packet.keepAliveSeconds());
        MqttUtf8.write(out, packet.clientId());
        WillPacket will = packet.will();
        if (will != null) {
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
        int flags = packet.cleanStart() ? CLEAN_SESSION_FLAG : 0;
        WillPacket will = packet.will();
        if (will != null) {
            flags |= WILL_FLAG | will.qos().code() << WILL_QOS_SHIFT | (will.retain() ? WILL_RETAIN_FLAG : 0);
        }
        if (packet.username() != null) {
            flags |= USER_NAME_FLAG;
        }
        if (packet.password() != null) {
            flags |= PASSWORD_FLAG;
        }
        return flags;
    }

    private static void checkClientId(ConnectPacket packet, MqttVersion version) {
        if (!packet.clientId().isEmpty()) {
            return;
        }
        if (Mqtt311Fields.isMqtt31(version)) {
            throw MqttEncodeException.invalid("CONNECT client id must not be empty in " + version);
        }
        if (!packet.cleanStart()) {
            throw MqttEncodeException.invalid("CONNECT with an empty client id requires Clean Session in " + version);
        }
    }

    private static void checkMqtt5PropertiesAbsent(ConnectPacket packet, MqttVersion version) {
        requireMqtt5Absent(packet.sessionExpiryInterval() == 0, "CONNECT session expiry interval", version);
        requireMqtt5Absent(packet.receiveMaximum() == ConnectPacket.DEFAULT_RECEIVE_MAXIMUM,
                "CONNECT receive maximum", version);
        requireMqtt5Absent(packet.maximumPacketSize() == ConnectPacket.NO_MAXIMUM_PACKET_SIZE,
                "CONNECT maximum packet size", version);
        requireMqtt5Absent(packet.topicAliasMaximum() == 0, "CONNECT topic alias maximum", version);
        requireMqtt5Absent(!packet.requestResponseInformation(), "CONNECT request response information", version);
        requireMqtt5Absent(packet.requestProblemInformation(), "CONNECT request problem information", version);
        requireMqtt5Absent(packet.userProperties(), "CONNECT user properties", version);
        requireMqtt5Absent(packet.authenticationMethod() == null, "CONNECT authentication method", version);
        requireMqtt5Absent(packet.authenticationData() == null, "CONNECT authentication data", version);
    }

    private static void checkMqtt5WillPropertiesAbsent(WillPacket will, MqttVersion version) {
        requireMqtt5Absent(will.willDelayInterval() == 0, "will delay interval", version);
        requireMqtt5Absent(will.messageExpiryInterval() == PublishPacket.NO_MESSAGE_EXPIRY,
                "will message expiry interval", version);
        requireMqtt5Absent(!will.payloadFormatUtf8(), "will payload format indicator", version);
        requireMqtt5Absent(will.contentType() == null, "will content type", version);
        requireMqtt5Absent(will.responseTopic() == null, "will response topic", version);
        requireMqtt5Absent(will.correlationData() == null, "will correlation data", version);
        requireMqtt5Absent(will.userProperties(), "will user properties", version);
    }
}
