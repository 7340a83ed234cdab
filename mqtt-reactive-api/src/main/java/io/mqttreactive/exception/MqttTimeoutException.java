package io.mqttreactive.exception;

import java.time.Duration;
import java.util.Objects;

/**
 * An operation did not complete in time: for example no CONNACK within the connect timeout, or no PINGRESP
 * within the keep alive.
 */
public class MqttTimeoutException extends MqttTransientException {

    private static final long serialVersionUID = 1L;

    /** The time limit that passed. */
    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param operation what timed out, as in {@code "CONNACK"} or {@code "connect to broker:1883"}
     * @param timeout   the time limit that passed
     */
    public MqttTimeoutException(String operation, Duration timeout) {
        super(operation + " timed out after " + timeout.toMillis() + " ms", null);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Returns the time limit that passed.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }
}
