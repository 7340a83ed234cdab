package io.mqttreactive.exception;

import io.mqttreactive.message.UserProperties;

import org.jspecify.annotations.Nullable;

/**
 * An error after which the same operation may succeed if retried, typically once the client has reconnected:
 * a lost connection, a timeout, a full buffer, a broker that is temporarily unavailable.
 */
public abstract class MqttTransientException extends MqttException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception without reason code.
     *
     * @param message the detail message
     * @param cause   the cause, or {@code null}
     */
    protected MqttTransientException(String message, @Nullable Throwable cause) {
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
    protected MqttTransientException(String message, int reasonCode, @Nullable String reasonString,
            UserProperties userProperties, @Nullable Throwable cause) {
        super(message, reasonCode, reasonString, userProperties, cause);
    }
}
