package io.mqttreactive.exception;

import org.jspecify.annotations.Nullable;

/**
 * A {@link io.mqttreactive.spi.PayloadCodec} could not encode a value or decode a payload.
 */
public class MqttPayloadCodecException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be encoded or decoded
     * @param cause   the cause, or {@code null}
     */
    public MqttPayloadCodecException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
