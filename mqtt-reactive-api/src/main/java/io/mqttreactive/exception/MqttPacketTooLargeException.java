package io.mqttreactive.exception;

import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.UserProperties;

/**
 * A packet exceeds a maximum packet size: one the client would send is larger than the broker's Maximum
 * Packet Size [MQTT-3.2.2-15] (5.0), or one the broker sent is larger than the client's. Reason code
 * {@link DisconnectReasonCode#PACKET_TOO_LARGE} (0x95).
 */
public class MqttPacketTooLargeException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    /** The size of the packet in bytes. */
    private final long packetSize;
    /** The maximum packet size in bytes that the packet exceeds. */
    private final long maximumPacketSize;

    /**
     * Creates the exception.
     *
     * @param packetSize        the size of the packet in bytes
     * @param maximumPacketSize the maximum it exceeds
     */
    public MqttPacketTooLargeException(long packetSize, long maximumPacketSize) {
        super("A packet of " + packetSize + " bytes exceeds the maximum packet size of " + maximumPacketSize
                + " bytes", DisconnectReasonCode.PACKET_TOO_LARGE.code(), null, UserProperties.empty(), null);
        this.packetSize = packetSize;
        this.maximumPacketSize = maximumPacketSize;
    }

    /**
     * Returns the size of the packet.
     *
     * @return the size in bytes
     */
    public long packetSize() {
        return packetSize;
    }

    /**
     * Returns the maximum packet size the packet exceeds.
     *
     * @return the maximum in bytes
     */
    public long maximumPacketSize() {
        return maximumPacketSize;
    }
}
