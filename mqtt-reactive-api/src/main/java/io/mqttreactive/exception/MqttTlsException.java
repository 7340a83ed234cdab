package io.mqttreactive.exception;

import org.jspecify.annotations.Nullable;

/**
 * The TLS handshake with the broker failed: the broker's certificate is not trusted or does not name the host,
 * the broker refused the client certificate, or no protocol or cipher suite is shared. Trying again would fail
 * the same way, so the client does not reconnect after it; fix the TLS options or the broker's certificate.
 */
public class MqttTlsException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with the broker's address
     * @param cause   the TLS failure
     */
    public MqttTlsException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
