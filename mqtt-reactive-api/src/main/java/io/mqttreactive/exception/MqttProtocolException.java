package io.mqttreactive.exception;

import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.UserProperties;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The broker violated the MQTT protocol, for example with an unexpected packet, an unknown packet identifier
 * or an invalid topic alias. The client closes the connection (sending DISCONNECT with
 * {@link #disconnectReasonCode()} in MQTT 5.0) [MQTT-4.8.0-1].
 */
public class MqttProtocolException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    /** The reason code the client sends in its DISCONNECT. */
    private final DisconnectReasonCode disconnectReasonCode;

    /**
     * Creates the exception with reason code {@link DisconnectReasonCode#PROTOCOL_ERROR} (0x82).
     *
     * @param message what the broker did wrong
     */
    public MqttProtocolException(String message) {
        this(message, DisconnectReasonCode.PROTOCOL_ERROR, null);
    }

    /**
     * Creates the exception with a specific reason code, such as {@link DisconnectReasonCode#TOPIC_ALIAS_INVALID}
     * or {@link DisconnectReasonCode#RECEIVE_MAXIMUM_EXCEEDED}.
     *
     * @param message    what the broker did wrong
     * @param reasonCode the reason code the client sends in its DISCONNECT
     * @param cause      the cause, or {@code null}
     */
    public MqttProtocolException(String message, DisconnectReasonCode reasonCode, @Nullable Throwable cause) {
        super(message, reasonCode.code(), null, UserProperties.empty(), cause);
        this.disconnectReasonCode = Objects.requireNonNull(reasonCode, "reasonCode");
    }

    /**
     * Returns the reason code the client sends in its DISCONNECT.
     *
     * @return the reason code
     */
    public DisconnectReasonCode disconnectReasonCode() {
        return disconnectReasonCode;
    }
}
