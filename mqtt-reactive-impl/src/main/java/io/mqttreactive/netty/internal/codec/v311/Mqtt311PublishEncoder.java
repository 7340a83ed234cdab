package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.v311.Mqtt311Fields.requireMqtt5Absent;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.netty.buffer.ByteBuf;

/**
 * Encodes PUBLISH (MQTT 3.1.1 section 3.3): DUP, QoS and RETAIN in the fixed header, a topic name without
 * wildcards ([MQTT-3.3.2-2] 3.1.1), a packet identifier 1 to 65535 only for QoS 1 and 2 ([MQTT-2.3.1-1],
 * [MQTT-2.3.1-5] 3.1.1), then the payload. A QoS 0 PUBLISH must have DUP 0 and packet id 0 ([MQTT-3.3.1-2]).
 * Refuses any MQTT 5 property, including a topic alias, that is not at its default.
 */
final class Mqtt311PublishEncoder extends FixedHeaderEncoder<PublishPacket> {

    static final int DUP_FLAG = 0x08;
    static final int QOS_SHIFT = 1;
    static final int RETAIN_FLAG = 0x01;

    @Override
    protected int remainingLength(PublishPacket packet, EncodeContext context) {
        checkMqtt5PropertiesAbsent(packet, context.version());
        long length = Mqtt311Topics.topicNameSize("PUBLISH topic", packet.topic()) + (long) packet.payload().length;
        if (packet.qos() == MqttQos.AT_MOST_ONCE) {
            if (packet.dup()) {
                throw MqttEncodeException.invalid("PUBLISH with QoS 0 must not have DUP set");
            }
            if (packet.packetId() != 0) {
                throw MqttEncodeException.invalid("PUBLISH with QoS 0 has no packet identifier, was "
                        + packet.packetId());
            }
        } else {
            Mqtt311Fields.checkPacketId("PUBLISH", packet.packetId());
            length += 2;
        }
        context.checkFits(MqttPacketType.PUBLISH.name(), length);
        return (int) length;
    }

    @Override
    protected int firstByte(PublishPacket packet) {
        return MqttPacketType.PUBLISH.code() << 4 | (packet.dup() ? DUP_FLAG : 0) | packet.qos().code() << QOS_SHIFT
                | (packet.retain() ? RETAIN_FLAG : 0);
    }

    @Override
    protected void writeBody(PublishPacket packet, ByteBuf out, EncodeContext context) {
        MqttUtf8.write(out, packet.topic());
        if (packet.qos() != MqttQos.AT_MOST_ONCE) {
            out.writeShort(packet.packetId());
        }
        out.writeBytes(packet.payload());
    }

    private static void checkMqtt5PropertiesAbsent(PublishPacket packet, MqttVersion version) {
        requireMqtt5Absent(packet.messageExpiryInterval() == PublishPacket.NO_MESSAGE_EXPIRY,
                "PUBLISH message expiry interval", version);
        requireMqtt5Absent(!packet.payloadFormatUtf8(), "PUBLISH payload format indicator", version);
        requireMqtt5Absent(packet.contentType() == null, "PUBLISH content type", version);
        requireMqtt5Absent(packet.responseTopic() == null, "PUBLISH response topic", version);
        requireMqtt5Absent(packet.correlationData() == null, "PUBLISH correlation data", version);
        requireMqtt5Absent(packet.userProperties(), "PUBLISH user properties", version);
        requireMqtt5Absent(packet.topicAlias() == 0, "PUBLISH topic alias", version);
        requireMqtt5Absent(packet.subscriptionIdentifiers(), "PUBLISH subscription identifiers", version);
    }
}
