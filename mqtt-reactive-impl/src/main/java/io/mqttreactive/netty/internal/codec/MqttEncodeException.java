package io.mqttreactive.netty.internal.codec;

import io.mqttreactive.netty.internal.packet.ReasonCode;

/**
 * A packet cannot be encoded: a field breaks the rules of the version in use, or the packet exceeds the
 * peer's maximum packet size ([MQTT-3.2.2-15] 5.0). Thrown before anything is allocated or written.
 */
public final class MqttEncodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int reasonCode;
    private final long packetSize;
    private final long maximumPacketSize;

    private MqttEncodeException(int reasonCode, String message, long packetSize, long maximumPacketSize) {
        super(message);
        this.reasonCode = reasonCode;
        this.packetSize = packetSize;
        this.maximumPacketSize = maximumPacketSize;
    }

    public static MqttEncodeException invalid(String message) {
        return new MqttEncodeException(ReasonCode.MALFORMED_PACKET, message, -1, -1);
    }

    public static MqttEncodeException tooLarge(String packet, long packetSize, long maximumPacketSize) {
        return new MqttEncodeException(ReasonCode.PACKET_TOO_LARGE, packet + " of " + packetSize
                + " bytes exceeds the peer's maximum packet size of " + maximumPacketSize, packetSize,
                maximumPacketSize);
    }

    /** Returns the size of the refused packet, or -1 if it was not refused for its size. */
    public long packetSize() {
        return packetSize;
    }

    /** Returns the peer's maximum packet size that refused the packet, or -1. */
    public long maximumPacketSize() {
        return maximumPacketSize;
    }

    /** Returns 0x95 (Packet Too Large) for an oversize packet, 0x81 (Malformed Packet) otherwise. */
    public int reasonCode() {
        return reasonCode;
    }
}
