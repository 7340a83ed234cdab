package io.mqttreactive.exception;

import io.mqttreactive.message.UserProperties;

import org.jspecify.annotations.Nullable;

/**
 * An error after which retrying the same operation unchanged will fail again: a refused authentication, a
 * rejected publish or subscription, a protocol violation, a closed client.
 */
public abstract class MqttNonTransientException extends MqttException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception without reason code.
     *
     * @param message the detail message
     * @param cause   the cause, or {@code null}
     */
    protected MqttNonTransientException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates an exception carrying what an MQTT packet said.
     *
     * @param message        the detail message
     * @param reasonCode     the reason code, or {@link #NO_REASON_CODE}
     * @param reasonString   the reason string, or {@code null}
     * @param userProperties the user properties
     * @param cause          the cause, or {@code null}
     */
    protected MqttNonTransientException(String message, int reasonCode, @Nullable String reasonString,
            UserProperties userProperties, @Nullable Throwable cause) {
        super(message, reasonCode, reasonString, userProperties, cause);
    }
}
