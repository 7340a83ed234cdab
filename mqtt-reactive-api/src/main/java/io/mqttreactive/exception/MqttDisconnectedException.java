package io.mqttreactive.exception;

import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.UserProperties;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The broker closed the connection with a DISCONNECT packet (MQTT 5.0), carrying its reason code, reason
 * string, user properties and, for a redirection, a Server Reference.
 */
public class MqttDisconnectedException extends MqttConnectionClosedException {

    private static final long serialVersionUID = 1L;

    /** The reason code of the broker's DISCONNECT. */
    private final DisconnectReasonCode disconnectReasonCode;
    /** The server the broker redirects to, or {@code null}. */
    private final @Nullable String serverReference;

    /**
     * Creates the exception from the broker's DISCONNECT.
     *
     * @param reasonCode      the DISCONNECT reason code
     * @param reasonString    the reason string, or {@code null}
     * @param userProperties  the user properties of the DISCONNECT
     * @param serverReference the Server Reference, or {@code null}
     */
    public MqttDisconnectedException(DisconnectReasonCode reasonCode, @Nullable String reasonString,
            UserProperties userProperties, @Nullable String serverReference) {
        super("The broker closed the connection: " + describe(reasonCode, reasonString)
                        + (serverReference == null ? "" : " (server reference: " + serverReference + ")"),
                reasonCode.code(), reasonString, userProperties);
        this.disconnectReasonCode = Objects.requireNonNull(reasonCode, "reasonCode");
        this.serverReference = serverReference;
    }

    /**
     * Returns the reason code of the broker's DISCONNECT.
     *
     * @return the reason code
     */
    public DisconnectReasonCode disconnectReasonCode() {
        return disconnectReasonCode;
    }

    /**
     * Returns the server the broker redirects to.
     *
     * @return the server reference, or empty
     */
    public Optional<String> serverReference() {
        return Optional.ofNullable(serverReference);
    }
}
