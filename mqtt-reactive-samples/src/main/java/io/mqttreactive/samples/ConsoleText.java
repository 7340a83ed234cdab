package io.mqttreactive.samples;

import io.mqttreactive.MqttVersion;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Words for the console: durations, MQTT versions and errors as a person would write them.
 */
final class ConsoleText {

    private ConsoleText() {
    }

    /**
     * Formats a duration briefly: {@code 10 s}, {@code 1.5 s}, {@code 250 ms}, {@code 2 min}.
     */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return (millis % 1_000 == 0 ? String.valueOf(millis / 1_000) : String.valueOf(millis / 1_000.0)) + " s";
    }

    /**
     * Names a version as the specifications do: {@code 3.1}, {@code 3.1.1}, {@code 5.0}.
     */
    static String version(MqttVersion version) {
        return switch (version) {
            case MQTT_3_1 -> "3.1";
            case MQTT_3_1_1 -> "3.1.1";
            case MQTT_5_0 -> "5.0";
        };
    }

    /**
     * Describes an error and its causes in one line, without stack traces.
     *
     * @param error   the error
     * @param timeout the timeout a {@link TimeoutException} means
     */
    static String error(Throwable error, Duration timeout) {
        if (error instanceof TimeoutException) {
            return "no answer within " + duration(timeout);
        }
        StringBuilder text = new StringBuilder(oneLine(error));
        String previous = error.getMessage();
        for (Throwable cause = error.getCause(); cause != null && cause != error; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().equals(previous)) {
                text.append(" (").append(oneLine(cause)).append(')');
            }
            previous = cause.getMessage();
        }
        return text.toString();
    }

    private static String oneLine(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
