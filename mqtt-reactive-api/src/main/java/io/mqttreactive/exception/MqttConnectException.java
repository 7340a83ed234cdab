package io.mqttreactive.exception;

import io.mqttreactive.message.ConnectReasonCode;
import io.mqttreactive.message.UserProperties;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The broker refused the connection with a CONNACK reason code that a retry with the same options will not
 * change: bad credentials, not authorized, banned, unsupported protocol version, invalid client identifier.
 *
 * <p>Refusals that may pass later (the codes for which {@link ConnectReasonCode#isTransient()} is
 * {@code true}) are signalled as {@link MqttServerUnavailableException} instead. For MQTT 3.1 and 3.1.1 the
 * CONNACK return code is mapped with {@link ConnectReasonCode#fromMqtt3ReturnCode(int)}.
 */
public class MqttConnectException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    /** The CONNACK reason code. */
    private final ConnectReasonCode connectReasonCode;

    /**
     * Creates the exception from a refusing CONNACK.
     *
     * @param reasonCode     the CONNACK reason code, an error code
     * @param reasonString   the reason string of the CONNACK, or {@code null}
     * @param userProperties the user properties of the CONNACK
     */
    public MqttConnectException(ConnectReasonCode reasonCode, @Nullable String reasonString,
            UserProperties userProperties) {
        super("The broker refused the connection: " + describe(reasonCode, reasonString), reasonCode.code(),
                reasonString, userProperties, null);
        this.connectReasonCode = Objects.requireNonNull(reasonCode, "reasonCode");
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
     * Tells whether the broker rejected the credentials: bad user name or password, or a bad
     * authentication method.
     *
     * @return {@code true} for {@link ConnectReasonCode#BAD_USER_NAME_OR_PASSWORD} and
     *         {@link ConnectReasonCode#BAD_AUTHENTICATION_METHOD}
     */
    public boolean isBadCredentials() {
        return connectReasonCode == ConnectReasonCode.BAD_USER_NAME_OR_PASSWORD
                || connectReasonCode == ConnectReasonCode.BAD_AUTHENTICATION_METHOD;
    }

    /**
     * Tells whether the broker accepted the identity but denies it access.
     *
     * @return {@code true} for {@link ConnectReasonCode#NOT_AUTHORIZED} and {@link ConnectReasonCode#BANNED}
     */
    public boolean isNotAuthorized() {
        return connectReasonCode == ConnectReasonCode.NOT_AUTHORIZED || connectReasonCode == ConnectReasonCode.BANNED;
    }
}
