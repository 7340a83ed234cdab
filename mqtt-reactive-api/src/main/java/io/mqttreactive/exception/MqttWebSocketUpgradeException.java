package io.mqttreactive.exception;

import org.jspecify.annotations.Nullable;

/**
 * The broker's HTTP server refused to upgrade the connection to WebSocket in a way a retry will not change: a
 * client error status (for example 404 for a wrong path or 401 for missing credentials), or an answer that does
 * not accept the offered subprotocol (MQTT 5.0 section 6). The client does not reconnect after
 * it; fix the WebSocket options. A server error status (5xx) is transient and signalled as
 * {@link MqttConnectionClosedException} instead.
 */
public class MqttWebSocketUpgradeException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    /** The {@link #httpStatus()} of a refusal that had no HTTP status of its own. */
    public static final int NO_HTTP_STATUS = -1;

    /** The HTTP status of the refusal, or {@link #NO_HTTP_STATUS}. */
    private final int httpStatus;

    /**
     * Creates the exception.
     *
     * @param message    what was refused, with the broker's address
     * @param httpStatus the HTTP status of the answer, or {@link #NO_HTTP_STATUS}
     * @param cause      the underlying failure, or {@code null}
     */
    public MqttWebSocketUpgradeException(String message, int httpStatus, @Nullable Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /**
     * Returns the HTTP status the server answered the upgrade request with.
     *
     * @return the status, or {@link #NO_HTTP_STATUS} when the refusal was not a status (such as a missing
     *         subprotocol in a 101 answer)
     */
    public int httpStatus() {
        return httpStatus;
    }
}
