package io.mqttreactive.exception;

import io.mqttreactive.message.UserProperties;

import org.jspecify.annotations.Nullable;

/**
 * The network connection closed, or was lost, before an operation completed. Transient: with automatic
 * reconnect the client resumes the session and re-sends unacknowledged messages; without it the caller may
 * retry after {@code connect()}.
 */
public class MqttConnectionClosedException extends MqttTransientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the detail message
     */
    public MqttConnectionClosedException(String message) {
        super(message, null);
    }

    /**
     * Creates the exception with the I/O error that closed the connection.
     *
     * @param message the detail message
     * @param cause   the cause, or {@code null}
     */
    public MqttConnectionClosedException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception carrying the reason the peer gave.
     *
     * @param message        the detail message
     * @param reasonCode     the reason code, or {@link #NO_REASON_CODE}
     * @param reasonString   the reason string, or {@code null}
     * @param userProperties the user properties
     */
    protected MqttConnectionClosedException(String message, int reasonCode, @Nullable String reasonString,
            UserProperties userProperties) {
        super(message, reasonCode, reasonString, userProperties, null);
    }
}
