package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.netty.buffer.ByteBuf;

/**
 * The fixed-size fields and topic rules shared by the MQTT 5 encoders and decoders: packet identifiers
 * 1..65,535 ([MQTT-2.2.1-3] 5.0; 0 received is a Protocol Error), Topic Names without wildcards
 * ([MQTT-3.3.2-2] 5.0) and Topic Names and Filters of at least one character ([MQTT-4.7.3-1] 5.0).
 */
final class Mqtt5Fields {

    static final String SHARED_SUBSCRIPTION_PREFIX = "$share/";

    private Mqtt5Fields() {
    }

    static void checkPacketId(MqttPacketType type, int packetId) {
        if (packetId < 1 || packetId > 0xFFFF) {
            throw MqttEncodeException.invalid(type + " packet identifier must be between 1 and 65535, was "
                    + packetId);
        }
    }

    static int readPacketId(MqttPacketType type, ByteBuf body) {
        if (body.readableBytes() < 2) {
            throw MqttDecodeException.malformed(type + " packet identifier truncated");
        }
        int packetId = body.readUnsignedShort();
        if (packetId == 0) {
            throw MqttDecodeException.protocolError(type + " packet identifier must not be 0");
        }
        return packetId;
    }

    static int readUnsignedByte(ByteBuf body, String field) {
        if (!body.isReadable()) {
            throw MqttDecodeException.malformed(field + " missing");
        }
        return body.readUnsignedByte();
    }

    static int readUnsignedShort(ByteBuf body, String field) {
        if (body.readableBytes() < 2) {
            throw MqttDecodeException.malformed(field + " truncated");
        }
        return body.readUnsignedShort();
    }

    static byte[] readRemaining(ByteBuf body) {
        byte[] bytes = new byte[body.readableBytes()];
        body.readBytes(bytes);
        return bytes;
    }

    static boolean hasWildcard(String topic) {
        return topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0;
    }

    /** Returns the encoded size of a Topic Name that may be empty only when a Topic Alias stands for it. */
    static int topicNameSize(String field, String topic, boolean mayBeEmpty) {
        if (topic.isEmpty() && !mayBeEmpty) {
            throw MqttEncodeException.invalid(field + " must not be empty");
        }
        if (hasWildcard(topic)) {
            throw MqttEncodeException.invalid(field + " must not contain wildcards: " + topic);
        }
        return MqttUtf8.size(topic);
    }

    static String readTopicName(String field, ByteBuf body) {
        String topic = MqttUtf8.read(body);
        if (hasWildcard(topic)) {
            throw MqttDecodeException.protocolError(field + " contains wildcards: " + topic);
        }
        return topic;
    }

    static int topicFilterSize(String filter) {
        if (filter.isEmpty()) {
            throw MqttEncodeException.invalid("topic filter must not be empty");
        }
        return MqttUtf8.size(filter);
    }

    static String readTopicFilter(ByteBuf body) {
        String filter = MqttUtf8.read(body);
        if (filter.isEmpty()) {
            throw MqttDecodeException.protocolError("topic filter must not be empty");
        }
        return filter;
    }

    /** Returns a body length as a remaining length, saturated so that an oversize packet stays oversize. */
    static int saturatedLength(long bodyLength) {
        return (int) Math.min(bodyLength, Integer.MAX_VALUE);
    }
}
