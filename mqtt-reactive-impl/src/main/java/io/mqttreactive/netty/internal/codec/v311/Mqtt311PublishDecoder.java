package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.v311.Mqtt311PublishEncoder.DUP_FLAG;
import static io.mqttreactive.netty.internal.codec.v311.Mqtt311PublishEncoder.QOS_SHIFT;
import static io.mqttreactive.netty.internal.codec.v311.Mqtt311PublishEncoder.RETAIN_FLAG;

import io.mqttreactive.MqttQos;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.netty.buffer.ByteBuf;

/**
 * Decodes PUBLISH (MQTT 3.1.1 section 3.3). QoS 3 ([MQTT-3.3.1-4] 3.1.1) and DUP with QoS 0 ([MQTT-3.3.1-2])
 * are malformed; an empty topic name or one with a wildcard ([MQTT-3.3.2-2], [MQTT-4.7.3-1]) and a zero packet
 * identifier ([MQTT-2.3.1-1]) are protocol errors. The payload is copied out of the buffer.
 */
final class Mqtt311PublishDecoder implements PacketDecoder {

    private static final int QOS_MASK = 0x06;

    @Override
    public MqttPacket decode(int flags, ByteBuf body, DecodeContext context) {
        int qosCode = (flags & QOS_MASK) >> QOS_SHIFT;
        if (qosCode == 3) {
            throw MqttDecodeException.malformed("PUBLISH QoS is 3");
        }
        MqttQos qos = MqttQos.fromCode(qosCode);
        boolean dup = (flags & DUP_FLAG) != 0;
        if (dup && qos == MqttQos.AT_MOST_ONCE) {
            throw MqttDecodeException.malformed("PUBLISH with QoS 0 has DUP set");
        }
        String topic = Mqtt311Topics.checkReceivedTopicName("PUBLISH topic", MqttUtf8.read(body));
        int packetId = qos == MqttQos.AT_MOST_ONCE ? 0 : Mqtt311Fields.readPacketId("PUBLISH", body);
        byte[] payload = new byte[body.readableBytes()];
        body.readBytes(payload);
        return PublishPacket.of(topic, payload, qos, (flags & RETAIN_FLAG) != 0, dup, packetId);
    }
}
