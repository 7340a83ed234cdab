package io.mqttreactive.netty.internal.telemetry;

import io.mqttreactive.exception.MqttConnectException;
import io.mqttreactive.exception.MqttDisconnectedException;
import java.util.Locale;

/**
 * Names a failure for a metric tag or a log line, from a small, bounded set: the broker's reason code when it
 * gave one, otherwise the failure's type ({@code MqttTimeoutException} is {@code timeout}).
 */
public final class FailureReasons {

    private FailureReasons() {
    }

    public static String of(Throwable failure) {
        if (failure instanceof MqttConnectException refused) {
            return refused.connectReasonCode().name().toLowerCase(Locale.ROOT);
        }
        if (failure instanceof MqttDisconnectedException disconnected) {
            return disconnected.disconnectReasonCode().name().toLowerCase(Locale.ROOT);
        }
        String name = failure.getClass().getSimpleName();
        if (name.startsWith("Mqtt")) {
            name = name.substring(4);
        }
        if (name.endsWith("Exception") && name.length() > "Exception".length()) {
            name = name.substring(0, name.length() - "Exception".length());
        }
        return snakeCase(name);
    }

    private static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                snake.append('_');
            }
            snake.append(Character.toLowerCase(c));
        }
        return snake.toString();
    }
}
