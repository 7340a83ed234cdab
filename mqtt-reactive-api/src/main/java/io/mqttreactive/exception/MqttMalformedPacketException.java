package io.mqttreactive.exception;

import io.mqttreactive.message.DisconnectReasonCode;

import org.jspecify.annotations.Nullable;

/**
 * The broker sent a packet that cannot be decoded: bad flags, a length that runs past the packet, ill-formed
 * UTF-8, an unknown property. Reason code {@link DisconnectReasonCode#MALFORMED_PACKET} (0x81).
 */
public class MqttMalformedPacketException extends MqttProtocolException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is malformed
     */
    public MqttMalformedPacketException(String message) {
        this(message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is malformed
     * @param cause   the cause, or {@code null}
     */
    public MqttMalformedPacketException(String message, @Nullable Throwable cause) {
        super(message, DisconnectReasonCode.MALFORMED_PACKET, cause);
    }
}
