package io.mqttreactive.exception;

import io.mqttreactive.message.ReasonCode;
import io.mqttreactive.message.UserProperties;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The root of all errors the MQTT client signals. Unchecked; subclasses are either
 * {@link MqttTransientException} or {@link MqttNonTransientException}.
 *
 * <p>When the error comes from an MQTT packet (a CONNACK, PUBACK, SUBACK or DISCONNECT with a failure reason
 * code), {@link #reasonCode()}, {@link #reasonString()} and {@link #userProperties()} carry what the packet
 * said; otherwise the reason code is {@link #NO_REASON_CODE}.
 */
public abstract class MqttException extends RuntimeException {

    /** The value of {@link #reasonCode()} when no MQTT reason code applies. */
    public static final int NO_REASON_CODE = -1;

    private static final long serialVersionUID = 1L;

    /** The MQTT reason code, or {@link #NO_REASON_CODE}. */
    private final int reasonCode;
    /** The reason string the broker sent, or {@code null}. */
    private final @Nullable String reasonString;
    private final transient UserProperties userProperties;

    /**
     * Creates an exception without reason code.
     *
     * @param message the detail message
     * @param cause   the cause, or {@code null}
     */
    protected MqttException(String message, @Nullable Throwable cause) {
        this(message, NO_REASON_CODE, null, UserProperties.empty(), cause);
    }

    /**
     * Creates an exception carrying what an MQTT packet said.
     *
     * @param message        the detail message
     * @param reasonCode     the reason code, 0..255, or {@link #NO_REASON_CODE}
     * @param reasonString   the reason string of the packet, or {@code null}
     * @param userProperties the user properties of the packet
     * @param cause          the cause, or {@code null}
     */
    protected MqttException(String message, int reasonCode, @Nullable String reasonString,
            UserProperties userProperties, @Nullable Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
        this.reasonString = reasonString;
        this.userProperties = Objects.requireNonNull(userProperties, "userProperties");
    }

    /**
     * Returns the MQTT reason code of the packet that caused this error.
     *
     * @return the reason code, 0..255, or {@link #NO_REASON_CODE} if none applies
     */
    public int reasonCode() {
        return reasonCode;
    }

    /**
     * Returns the reason string the broker sent with the reason code (MQTT 5.0).
     *
     * @return the reason string, or empty
     */
    public Optional<String> reasonString() {
        return Optional.ofNullable(reasonString);
    }

    /**
     * Returns the user properties the broker sent with the reason code (MQTT 5.0).
     *
     * @return the user properties, possibly empty
     */
    public UserProperties userProperties() {
        return userProperties == null ? UserProperties.empty() : userProperties;
    }

    /**
     * Formats a reason code and reason string for a detail message, as in {@code NOT_AUTHORIZED (0x87): text}.
     *
     * @param reasonCode   the reason code
     * @param reasonString the reason string, or {@code null}
     * @return the description
     */
    protected static String describe(ReasonCode reasonCode, @Nullable String reasonString) {
        String description = reasonCode.name() + " (0x" + String.format("%02X", reasonCode.code()) + ")";
        return reasonString == null ? description : description + ": " + reasonString;
    }
}
