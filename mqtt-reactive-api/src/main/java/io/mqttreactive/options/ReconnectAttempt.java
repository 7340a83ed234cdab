package io.mqttreactive.options;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.internal.Checks;

import java.util.Objects;

/**
 * What a {@link ReconnectHook} is told before a reconnect attempt.
 *
 * @param number      the number of the attempt since the connection was lost, starting at 1
 * @param lastFailure why the client reconnects: for attempt 1 the error that ended the connection, for later
 *                    attempts the failure of the previous attempt
 * @param options     the options of the previous connection or attempt: the client's options, or what the hook
 *                    returned for an earlier attempt
 */
public record ReconnectAttempt(long number, Throwable lastFailure, MqttClientOptions options) {

    /**
     * Creates the description of an attempt.
     *
     * @param number      the number of the attempt since the connection was lost, starting at 1
     * @param lastFailure why the client reconnects: for attempt 1 the error that ended the connection, for later
     *                    attempts the failure of the previous attempt
     * @param options     the options of the previous connection or attempt: the client's options, or what the hook
     *                    returned for an earlier attempt
     * @throws NullPointerException     if {@code lastFailure} or {@code options} is {@code null}
     * @throws IllegalArgumentException if {@code number} is less than 1
     */
    public ReconnectAttempt {
        Checks.requireRange(number, 1, Long.MAX_VALUE, "attempt number");
        Objects.requireNonNull(lastFailure, "lastFailure");
        Objects.requireNonNull(options, "options");
    }
}
