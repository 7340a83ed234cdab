package io.mqttreactive.exception;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.ReasonCode;
import io.mqttreactive.message.UserProperties;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A publish failed: the broker answered with an error reason code (a PUBACK or PUBREC of 0x80 or more, or a
 * PUBCOMP of {@code PACKET_IDENTIFIER_NOT_FOUND}), or the client refused to send the message because the
 * broker announced it cannot accept it (for example a QoS above the broker's Maximum QoS).
 *
 * <p>The broker has decided about this message; it is not re-sent [MQTT-4.4.0-2] (5.0). {@link #reason()}
 * tells whether retrying later may help (for example {@code QUOTA_EXCEEDED}).
 */
public class MqttPublishException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    private final transient MqttMessage publishedMessage;
    private final transient @Nullable ReasonCode reason;

    /**
     * Creates the exception from a failing acknowledgement.
     *
     * @param message        the message that was published
     * @param reasonCode     the {@link io.mqttreactive.message.PublishReasonCode} of the PUBACK or PUBREC, or
     *                       the {@link io.mqttreactive.message.PubRelReasonCode} of the PUBCOMP
     * @param reasonString   the reason string, or {@code null}
     * @param userProperties the user properties of the acknowledgement
     */
    public MqttPublishException(MqttMessage message, ReasonCode reasonCode, @Nullable String reasonString,
            UserProperties userProperties) {
        super("The broker rejected the message to topic '" + message.topic() + "' (QoS " + message.qos().code()
                + "): " + describe(reasonCode, reasonString), reasonCode.code(), reasonString, userProperties, null);
        this.publishedMessage = message;
        this.reason = Objects.requireNonNull(reasonCode, "reasonCode");
    }

    /**
     * Creates the exception for a message the client refused to send.
     *
     * @param message     the message that was published
     * @param description why the client refused it
     */
    public MqttPublishException(MqttMessage message, String description) {
        super("The message to topic '" + message.topic() + "' (QoS " + message.qos().code() + ") was not sent: "
                + description, null);
        this.publishedMessage = message;
        this.reason = null;
    }

    /**
     * Returns the message whose publish failed.
     *
     * @return the message
     */
    public MqttMessage publishedMessage() {
        return publishedMessage;
    }

    /**
     * Returns the reason code of the failing acknowledgement.
     *
     * @return a {@link io.mqttreactive.message.PublishReasonCode} or {@link io.mqttreactive.message.PubRelReasonCode},
     *         or empty if the client refused the message itself
     */
    public Optional<ReasonCode> reason() {
        return Optional.ofNullable(reason);
    }
}
