package io.mqttreactive.message;

import java.util.Objects;
import java.util.Optional;

/**
 * The successful outcome of a publish: the message, and what the broker's acknowledgement said.
 *
 * <p>For QoS 1 the acknowledgement is the PUBACK, for QoS 2 the PUBREC (the PUBCOMP completes the flow). A
 * QoS 0 message and any MQTT 3.1 or 3.1.1 publish have no reason code on the wire; their result reports
 * {@link PublishReasonCode#SUCCESS}. Failure codes never appear here: they are error signals
 * ({@link io.mqttreactive.exception.MqttPublishException}).
 *
 * @param message        the published message
 * @param reasonCode     {@link PublishReasonCode#SUCCESS} or {@link PublishReasonCode#NO_MATCHING_SUBSCRIBERS}
 * @param reasonString   the reason string of the acknowledgement, or empty
 * @param userProperties the user properties of the acknowledgement
 */
public record PublishResult(MqttMessage message, PublishReasonCode reasonCode, Optional<String> reasonString,
        UserProperties userProperties) {

    /**
     * Creates a result.
     *
     * @param message        the published message
     * @param reasonCode     {@link PublishReasonCode#SUCCESS} or {@link PublishReasonCode#NO_MATCHING_SUBSCRIBERS}
     * @param reasonString   the reason string of the acknowledgement, or empty
     * @param userProperties the user properties of the acknowledgement
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code reasonCode} is an error code
     */
    public PublishResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(reasonString, "reasonString");
        Objects.requireNonNull(userProperties, "userProperties");
        if (reasonCode.isError()) {
            throw new IllegalArgumentException("a publish result cannot carry the error code " + reasonCode);
        }
    }

    /**
     * Returns the result of a publish that has no acknowledgement properties: {@link PublishReasonCode#SUCCESS},
     * no reason string, no user properties.
     *
     * @param message the published message
     * @return the result
     */
    public static PublishResult success(MqttMessage message) {
        return new PublishResult(message, PublishReasonCode.SUCCESS, Optional.empty(), UserProperties.empty());
    }
}
