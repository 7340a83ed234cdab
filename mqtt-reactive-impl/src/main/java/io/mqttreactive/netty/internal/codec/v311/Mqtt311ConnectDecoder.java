package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.v311.Mqtt311ConnectEncoder.CLEAN_SESSION_FLAG;
import static io.mqttreactive.netty.internal.codec.v311.Mqtt311ConnectEncoder.PASSWORD_FLAG;
import static io.mqttreactive.netty.internal.codec.v311.Mqtt311ConnectEncoder.USER_NAME_FLAG;
import static io.mqttreactive.netty.internal.codec.v311.Mqtt311ConnectEncoder.WILL_FLAG;
import static io.mqttreactive.netty.internal.codec.v311.Mqtt311ConnectEncoder.WILL_QOS_SHIFT;
import static io.mqttreactive.netty.internal.codec.v311.Mqtt311ConnectEncoder.WILL_RETAIN_FLAG;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttBinary;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.WillPacket;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Decodes CONNECT (MQTT 3.1.1 section 3.1; MQTT 3.1). A protocol name or level other than the connection's
 * version is a protocol error ([MQTT-3.1.2-1], [MQTT-3.1.2-2] 3.1.1); the reserved flag ([MQTT-3.1.2-3]),
 * Will QoS 3 ([MQTT-3.1.2-14]), will QoS or retain without the will flag ([MQTT-3.1.2-11/13/15]) and a password
 * flag without the user name flag ([MQTT-3.1.2-22]) are malformed. The client id is not judged here: a server
 * answers an unacceptable one with CONNACK return code 2 ([MQTT-3.1.3-8] 3.1.1), not by closing the connection.
 */
final class Mqtt311ConnectDecoder implements PacketDecoder {

    private static final int RESERVED_FLAG = 0x01;
    private static final int WILL_QOS_MASK = 0x18;

    @Override
    public MqttPacket decode(int flags, ByteBuf body, DecodeContext context) {
        MqttVersion version = context.version();
        String protocolName = MqttUtf8.read(body);
        if (body.readableBytes() < 4) {
            throw MqttDecodeException.malformed("CONNECT variable header truncated");
        }
        int protocolLevel = body.readUnsignedByte();
        if (!protocolName.equals(version.protocolName()) || protocolLevel != version.protocolLevel()) {
            throw MqttDecodeException.protocolError("CONNECT protocol " + protocolName + " level " + protocolLevel
                    + " is not " + version);
        }
        int connectFlags = body.readUnsignedByte();
        checkConnectFlags(connectFlags);
        int keepAlive = body.readUnsignedShort();
        String clientId = MqttUtf8.read(body);
        WillPacket will = (connectFlags & WILL_FLAG) == 0 ? null : readWill(body, connectFlags);
        String username = (connectFlags & USER_NAME_FLAG) == 0 ? null : MqttUtf8.read(body);
        byte[] password = (connectFlags & PASSWORD_FLAG) == 0 ? null : MqttBinary.read(body);
        return new ConnectPacket(version, clientId, (connectFlags & CLEAN_SESSION_FLAG) != 0, keepAlive, username,
                password, will, 0, ConnectPacket.DEFAULT_RECEIVE_MAXIMUM, ConnectPacket.NO_MAXIMUM_PACKET_SIZE, 0,
                false, true, List.of(), null, null);
    }

    private static void checkConnectFlags(int connectFlags) {
        if ((connectFlags & RESERVED_FLAG) != 0) {
            throw MqttDecodeException.malformed("CONNECT reserved flag is set");
        }
        int willQos = (connectFlags & WILL_QOS_MASK) >> WILL_QOS_SHIFT;
        if (willQos == 3) {
            throw MqttDecodeException.malformed("CONNECT will QoS is 3");
        }
        if ((connectFlags & WILL_FLAG) == 0 && (willQos != 0 || (connectFlags & WILL_RETAIN_FLAG) != 0)) {
            throw MqttDecodeException.malformed("CONNECT will QoS or will retain set without the will flag");
        }
        if ((connectFlags & PASSWORD_FLAG) != 0 && (connectFlags & USER_NAME_FLAG) == 0) {
            throw MqttDecodeException.malformed("CONNECT password flag set without the user name flag");
        }
    }

    private static WillPacket readWill(ByteBuf body, int connectFlags) {
        String topic = Mqtt311Topics.checkReceivedTopicName("CONNECT will topic", MqttUtf8.read(body));
        byte[] payload = MqttBinary.read(body);
        MqttQos qos = MqttQos.fromCode((connectFlags & WILL_QOS_MASK) >> WILL_QOS_SHIFT);
        return WillPacket.of(topic, payload, qos, (connectFlags & WILL_RETAIN_FLAG) != 0);
    }
}
