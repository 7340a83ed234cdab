package io.mqttreactive.options;

import io.mqttreactive.internal.Checks;
import io.mqttreactive.internal.MqttStrings;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.UserProperties;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the client says in the DISCONNECT it sends from
 * {@link io.mqttreactive.MqttClient#disconnect(DisconnectOptions)}. MQTT 3.1 and 3.1.1 DISCONNECT packets carry
 * none of it; the reason code there is always a normal disconnection, so
 * {@link DisconnectReasonCode#DISCONNECT_WITH_WILL_MESSAGE} cannot be expressed.
 *
 * @param reasonCode            the reason code, one a client may send [MQTT-3.14.2-1] (5.0)
 * @param sessionExpiryInterval a new session expiry interval (MQTT 5.0), or empty to keep the one of the
 *                              CONNECT; it cannot be set to non-zero if the CONNECT sent zero
 * @param reasonString          a reason string (MQTT 5.0), or empty
 * @param userProperties        user properties (MQTT 5.0)
 */
public record DisconnectOptions(DisconnectReasonCode reasonCode, Optional<Duration> sessionExpiryInterval,
        Optional<String> reasonString, UserProperties userProperties) {

    /** A normal disconnection: the will is discarded and nothing else is said. */
    public static final DisconnectOptions DEFAULT = new DisconnectOptions(DisconnectReasonCode.NORMAL_DISCONNECTION,
            Optional.empty(), Optional.empty(), UserProperties.empty());

    /**
     * Creates disconnect options.
     *
     * @param reasonCode            the reason code, one a client may send [MQTT-3.14.2-1] (5.0)
     * @param sessionExpiryInterval a new session expiry interval (MQTT 5.0), or empty to keep the one of the
     *                              CONNECT; it cannot be set to non-zero if the CONNECT sent zero
     * @param reasonString          a reason string (MQTT 5.0), or empty
     * @param userProperties        user properties (MQTT 5.0)
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the reason code is one only a broker may send, the interval is out of
     *                                  range, or the reason string is not a valid MQTT UTF-8 string
     */
    public DisconnectOptions {
        Objects.requireNonNull(reasonCode, "reasonCode");
        if (!reasonCode.isClientSendable()) {
            throw new IllegalArgumentException(
                    "a client must not send DISCONNECT reason code " + reasonCode + " [MQTT-3.14.2-1] (5.0)");
        }
        Objects.requireNonNull(sessionExpiryInterval, "sessionExpiryInterval").ifPresent(interval ->
                Checks.requireSeconds(interval, Checks.MAX_FOUR_BYTE_INTEGER, "session expiry interval"));
        Objects.requireNonNull(reasonString, "reasonString")
                .ifPresent(text -> MqttStrings.requireValid(text, "reason string"));
        Objects.requireNonNull(userProperties, "userProperties");
    }

    /**
     * Returns options with a reason code and nothing else.
     *
     * @param reasonCode the reason code
     * @return the options
     */
    public static DisconnectOptions of(DisconnectReasonCode reasonCode) {
        return DEFAULT.withReasonCode(reasonCode);
    }

    /**
     * Returns a copy with another reason code.
     *
     * @param reasonCode the reason code
     * @return the changed copy
     */
    public DisconnectOptions withReasonCode(DisconnectReasonCode reasonCode) {
        return new DisconnectOptions(reasonCode, sessionExpiryInterval, reasonString, userProperties);
    }

    /**
     * Returns a copy with another session expiry interval.
     *
     * @param interval the new interval, or {@code null} to keep the one of the CONNECT
     * @return the changed copy
     */
    public DisconnectOptions withSessionExpiryInterval(@Nullable Duration interval) {
        return new DisconnectOptions(reasonCode, Optional.ofNullable(interval), reasonString, userProperties);
    }

    /**
     * Returns a copy with another reason string.
     *
     * @param reasonString the reason string, or {@code null} for none
     * @return the changed copy
     */
    public DisconnectOptions withReasonString(@Nullable String reasonString) {
        return new DisconnectOptions(reasonCode, sessionExpiryInterval, Optional.ofNullable(reasonString),
                userProperties);
    }

    /**
     * Returns a copy with other user properties.
     *
     * @param userProperties the user properties
     * @return the changed copy
     */
    public DisconnectOptions withUserProperties(UserProperties userProperties) {
        return new DisconnectOptions(reasonCode, sessionExpiryInterval, reasonString, userProperties);
    }
}
