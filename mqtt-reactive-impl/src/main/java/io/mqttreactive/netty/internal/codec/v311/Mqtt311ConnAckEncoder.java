package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.v311.Mqtt311Fields.requireMqtt5Absent;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.netty.buffer.ByteBuf;

/**
 * Encodes CONNACK (MQTT 3.1.1 section 3.2): acknowledge flags and a return code 0 to 5. Session Present must be 0
 * with a non-zero return code ([MQTT-3.2.2-4] 3.1.1) and always in MQTT 3.1, whose first byte is reserved.
 * Refuses any MQTT 5 property that is not at its default.
 */
final class Mqtt311ConnAckEncoder extends FixedHeaderEncoder<ConnAckPacket> {

    static final int MAX_RETURN_CODE = 5;
    static final int SESSION_PRESENT_FLAG = 0x01;

    @Override
    protected int remainingLength(ConnAckPacket packet, EncodeContext context) {
        MqttVersion version = context.version();
        if (packet.reasonCode() < 0 || packet.reasonCode() > MAX_RETURN_CODE) {
            throw MqttEncodeException.invalid("CONNACK return code must be 0 to 5 in " + version + ", was 0x"
                    + Integer.toHexString(packet.reasonCode()));
        }
        if (packet.sessionPresent() && packet.reasonCode() != 0) {
            throw MqttEncodeException.invalid("CONNACK session present requires return code 0");
        }
        if (packet.sessionPresent() && Mqtt311Fields.isMqtt31(version)) {
            throw MqttEncodeException.invalid("CONNACK session present does not exist in " + version);
        }
        checkMqtt5PropertiesAbsent(packet, version);
        return 2;
    }

    @Override
    protected void writeBody(ConnAckPacket packet, ByteBuf out, EncodeContext context) {
        out.writeByte(packet.sessionPresent() ? SESSION_PRESENT_FLAG : 0);
        out.writeByte(packet.reasonCode());
    }

    private static void checkMqtt5PropertiesAbsent(ConnAckPacket packet, MqttVersion version) {
        requireMqtt5Absent(packet.sessionExpiryInterval() == ConnAckPacket.ABSENT_SESSION_EXPIRY,
                "CONNACK session expiry interval", version);
        requireMqtt5Absent(packet.receiveMaximum() == ConnectPacket.DEFAULT_RECEIVE_MAXIMUM,
                "CONNACK receive maximum", version);
        requireMqtt5Absent(packet.maximumQos() == 2, "CONNACK maximum QoS", version);
        requireMqtt5Absent(packet.retainAvailable(), "CONNACK retain available", version);
        requireMqtt5Absent(packet.maximumPacketSize() == ConnectPacket.NO_MAXIMUM_PACKET_SIZE,
                "CONNACK maximum packet size", version);
        requireMqtt5Absent(packet.assignedClientIdentifier() == null, "CONNACK assigned client identifier", version);
        requireMqtt5Absent(packet.topicAliasMaximum() == 0, "CONNACK topic alias maximum", version);
        requireMqtt5Absent(packet.reasonString() == null, "CONNACK reason string", version);
        requireMqtt5Absent(packet.userProperties(), "CONNACK user properties", version);
        requireMqtt5Absent(packet.wildcardSubscriptionAvailable(), "CONNACK wildcard subscription available", version);
        requireMqtt5Absent(packet.subscriptionIdentifiersAvailable(), "CONNACK subscription identifiers available",
                version);
        requireMqtt5Absent(packet.sharedSubscriptionAvailable(), "CONNACK shared subscription available", version);
        requireMqtt5Absent(packet.serverKeepAlive() == ConnAckPacket.ABSENT_SERVER_KEEP_ALIVE,
                "CONNACK server keep alive", version);
        requireMqtt5Absent(packet.responseInformation() == null, "CONNACK response information", version);
        requireMqtt5Absent(packet.serverReference() == null, "CONNACK server reference", version);
        requireMqtt5Absent(packet.authenticationMethod() == null, "CONNACK authentication method", version);
        requireMqtt5Absent(packet.authenticationData() == null, "CONNACK authentication data", version);
    }
}
