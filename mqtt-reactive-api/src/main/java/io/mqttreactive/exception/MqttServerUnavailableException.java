package io.mqttreactive.exception;

import io.mqttreactive.message.ConnectReasonCode;
import io.mqttreactive.message.UserProperties;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The broker refused the connection for a reason that may pass: server unavailable or busy, quota or
 * connection rate exceeded, or a redirection to another server (the codes for which
 * {@link ConnectReasonCode#isTransient()} is {@code true}).
 *
 * <p>With a redirection ({@link ConnectReasonCode#USE_ANOTHER_SERVER}, {@link ConnectReasonCode#SERVER_MOVED})
 * {@link #serverReference()} carries the Server Reference the broker sent, if any.
 */
public class MqttServerUnavailableException extends MqttTransientException {

    private static final long serialVersionUID = 1L;

    /** The CONNACK reason code. */
    private final ConnectReasonCode connectReasonCode;
    /** The server the broker redirects to, or {@code null}. */
    private final @Nullable String serverReference;

    /**
     * Creates the exception from a refusing CONNACK.
     *
     * @param reasonCode      the CONNACK reason code
     * @param reasonString    the reason string of the CONNACK, or {@code null}
     * @param userProperties  the user properties of the CONNACK
     * @param serverReference the Server Reference of the CONNACK, or {@code null}
     */
    public MqttServerUnavailableException(ConnectReasonCode reasonCode, @Nullable String reasonString,
            UserProperties userProperties, @Nullable String serverReference) {
        super("The broker is unavailable: " + describe(reasonCode, reasonString)
                        + (serverReference == null ? "" : " (server reference: " + serverReference + ")"),
                reasonCode.code(), reasonString, userProperties, null);
        this.connectReasonCode = Objects.requireNonNull(reasonCode, "reasonCode");
        this.serverReference = serverReference;
    }

    /**
     * Returns the CONNACK reason code.
     *
     * @return the reason code
     */
    public ConnectReasonCode connectReasonCode() {
        return connectReasonCode;
    }

    /**
     * Returns the server the broker redirects to (MQTT 5.0 Server Reference).
     *
     * @return the server reference, or empty
     */
    public Optional<String> serverReference() {
        return Optional.ofNullable(serverReference);
    }
}
