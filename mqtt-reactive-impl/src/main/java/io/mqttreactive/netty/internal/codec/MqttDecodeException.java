package io.mqttreactive.netty.internal.codec;

import io.mqttreactive.netty.internal.packet.ReasonCode;

/**
 * A packet from the peer could not be decoded. Carries the MQTT 5 reason code the connection is closed
 * with: Malformed Packet (0x81), Protocol Error (0x82) or Packet Too Large (0x95) (MQTT 5.0 section 4.13).
 */
public final class MqttDecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int reasonCode;
    private final long packetSize;
    private final long maximumPacketSize;

    private MqttDecodeException(int reasonCode, String message) {
        this(reasonCode, message, 0, 0);
    }

    private MqttDecodeException(int reasonCode, String message, long packetSize, long maximumPacketSize) {
        super(message);
        this.reasonCode = reasonCode;
        this.packetSize = packetSize;
        this.maximumPacketSize = maximumPacketSize;
    }

    public static MqttDecodeException malformed(String message) {
        return new MqttDecodeException(ReasonCode.MALFORMED_PACKET, message);
    }

    public static MqttDecodeException protocolError(String message) {
        return new MqttDecodeException(ReasonCode.PROTOCOL_ERROR, message);
    }

    public static MqttDecodeException tooLarge(long packetSize, long maximumPacketSize) {
        return new MqttDecodeException(ReasonCode.PACKET_TOO_LARGE,
                "packet of " + packetSize + " bytes exceeds the maximum packet size of " + maximumPacketSize,
                packetSize, maximumPacketSize);
    }

    /** Returns the MQTT 5 reason code: 0x81, 0x82 or 0x95. */
    public int reasonCode() {
        return reasonCode;
    }

    /** Returns the announced size of a packet too large, or 0 for any other decode error. */
    public long packetSize() {
        return packetSize;
    }

    /** Returns the maximum a packet too large exceeds, or 0 for any other decode error. */
    public long maximumPacketSize() {
        return maximumPacketSize;
    }
}
