package io.mqttreactive.exception;

import org.jspecify.annotations.Nullable;

/**
 * The client's side of an enhanced authentication failed ({@link io.mqttreactive.auth.EnhancedAuthenticator}): an
 * exchange step errored, the broker's AUTH named another Authentication Method, or the client refused what the
 * broker proved about itself. The connection is closed; reconnecting stops, since the same exchange would fail
 * again. A refusal by the broker arrives as {@link MqttConnectException} or {@link MqttDisconnectedException}.
 */
public class MqttAuthenticationException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   the error of the exchange step, if any
     */
    public MqttAuthenticationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
