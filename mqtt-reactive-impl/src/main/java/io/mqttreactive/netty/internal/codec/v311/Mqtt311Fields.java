package io.mqttreactive.netty.internal.codec.v311;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.netty.buffer.ByteBuf;
import java.util.Collection;

/**
 * Field rules shared by the MQTT 3.1 and 3.1.1 encoders and decoders: non-zero packet identifiers
 * ([MQTT-2.3.1-1] 3.1.1) and the refusal of MQTT 5-only content, which 3.x cannot carry and which would
 * otherwise be lost without a trace.
 */
final class Mqtt311Fields {

    static final int MAX_PACKET_ID = 65_535;

    private Mqtt311Fields() {
    }

    static void checkPacketId(String packet, int packetId) {
        if (packetId < 1 || packetId > MAX_PACKET_ID) {
            throw MqttEncodeException.invalid(packet + " packet identifier must be 1 to 65535, was " + packetId);
        }
    }

    static int readPacketId(String packet, ByteBuf body) {
        if (body.readableBytes() < 2) {
            throw MqttDecodeException.malformed(packet + " packet identifier truncated");
        }
        int packetId = body.readUnsignedShort();
        if (packetId == 0) {
            throw MqttDecodeException.protocolError(packet + " packet identifier must not be 0");
        }
        return packetId;
    }

    static void checkTwoByteValue(String field, int value) {
        if (value < 0 || value > 65_535) {
            throw MqttEncodeException.invalid(field + " must be 0 to 65535, was " + value);
        }
    }

    static void requireMqtt5Absent(boolean atDefault, String field, MqttVersion version) {
        if (!atDefault) {
            throw MqttEncodeException.invalid(field + " requires MQTT 5 and cannot be sent with " + version);
        }
    }

    static void requireMqtt5Absent(Collection<?> values, String field, MqttVersion version) {
        requireMqtt5Absent(values.isEmpty(), field, version);
    }

    static void requireNonEmpty(Collection<?> values, String packet, String what) {
        if (values.isEmpty()) {
            throw MqttEncodeException.invalid(packet + " must carry at least one " + what);
        }
    }

    static boolean isMqtt31(MqttVersion version) {
        return version == MqttVersion.MQTT_3_1;
    }
}
