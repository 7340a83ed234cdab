package io.mqttreactive.netty.internal.codec;

import io.mqttreactive.MqttVersion;
import java.util.Objects;

/**
 * What the decoders of one connection need to know: the protocol version and the largest packet, in bytes
 * including its fixed header, that this side accepts (the Maximum Packet Size it advertised in CONNECT).
 */
public record DecodeContext(MqttVersion version, int maximumPacketSize) {

    /** The largest packet MQTT can express: a 5-byte fixed header and a remaining length of 268,435,455. */
    public static final int PROTOCOL_MAXIMUM_PACKET_SIZE = 1 + 4 + VariableByteInteger.MAX_VALUE;

    public DecodeContext {
        Objects.requireNonNull(version, "version");
        if (maximumPacketSize < 2) {
            throw new IllegalArgumentException("maximumPacketSize must be at least 2, was " + maximumPacketSize);
        }
    }

    public static DecodeContext of(MqttVersion version) {
        return new DecodeContext(version, PROTOCOL_MAXIMUM_PACKET_SIZE);
    }
}
