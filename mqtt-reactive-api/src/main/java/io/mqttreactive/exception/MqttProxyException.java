package io.mqttreactive.exception;

import org.jspecify.annotations.Nullable;

/**
 * The proxy of {@link io.mqttreactive.MqttClientOptions#proxy()} refused to open a tunnel to the broker in a way
 * a retry will not change: an HTTP proxy answered the {@code CONNECT} with a client error status (407 for missing
 * or wrong credentials, 403 for a target it does not allow), or a SOCKS5 proxy rejected the credentials, asked
 * for an authentication method the client was not given, or refused the target by its rules. Nothing reached the
 * broker. The client does not reconnect after it; fix the proxy options. A proxy that cannot be reached, or cannot
 * reach the broker, is transient and signalled as {@link MqttConnectionClosedException} instead.
 */
public class MqttProxyException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what the proxy refused, naming the proxy, the broker and the proxy's answer
     * @param cause   the underlying failure, or {@code null}
     */
    public MqttProxyException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
