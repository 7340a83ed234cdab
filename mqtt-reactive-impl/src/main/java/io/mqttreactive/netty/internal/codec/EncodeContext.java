package io.mqttreactive.netty.internal.codec;

import io.mqttreactive.MqttVersion;
import java.util.Objects;

/**
 * What the encoders of one connection need to know: the protocol version and the peer's maximum packet size
 * in bytes (from CONNACK, or the protocol limit when the peer gave none).
 */
public record EncodeContext(MqttVersion version, long maximumPacketSize) {

    public EncodeContext {
        Objects.requireNonNull(version, "version");
        if (maximumPacketSize < 2) {
            throw new IllegalArgumentException("maximumPacketSize must be at least 2, was " + maximumPacketSize);
        }
    }

    public static EncodeContext of(MqttVersion version) {
        return new EncodeContext(version, DecodeContext.PROTOCOL_MAXIMUM_PACKET_SIZE);
    }

    /** Returns the whole packet size for a remaining length: fixed header byte, length bytes and body. */
    public static int packetSize(int remainingLength) {
        return 1 + VariableByteInteger.size(remainingLength) + remainingLength;
    }

    /** Tells whether a packet with this remaining length fits the peer's maximum packet size. */
    public boolean fits(long remainingLength) {
        return remainingLength <= VariableByteInteger.MAX_VALUE
                && packetSize((int) remainingLength) <= maximumPacketSize;
    }

    /** Refuses a packet whose remaining length does not fit the peer's maximum packet size. */
    public void checkFits(String packet, long remainingLength) {
        if (!fits(remainingLength)) {
            long size = remainingLength > VariableByteInteger.MAX_VALUE
                    ? 1 + 4 + remainingLength
                    : packetSize((int) remainingLength);
            throw MqttEncodeException.tooLarge(packet, size, maximumPacketSize);
        }
    }
}
