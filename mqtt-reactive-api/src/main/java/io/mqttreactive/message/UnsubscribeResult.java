package io.mqttreactive.message;

import io.mqttreactive.topic.MqttTopicFilter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What unsubscribing one subscription came to: one reason code per topic filter, in the order of the
 * subscription's request, and the MQTT 5.0 reason string and user properties of the UNSUBACK. A filter another
 * subscription of the client still uses is not sent in the UNSUBSCRIBE and reports
 * {@link UnsubscribeReasonCode#SUCCESS}; MQTT 3.1.1, whose UNSUBACK carries no reason codes, reports
 * {@link UnsubscribeReasonCode#SUCCESS} for every filter. {@link UnsubscribeReasonCode#NO_SUBSCRIPTION_EXISTED}
 * (0x11) is a success: codes below 0x80 are (MQTT 5.0 section 2.4).
 *
 * @param filters        the topic filters of the subscription, in order
 * @param reasonCodes    the reason codes, one per filter, in the same order
 * @param reasonString   the reason string of the UNSUBACK, or empty
 * @param userProperties the user properties of the UNSUBACK
 */
public record UnsubscribeResult(List<MqttTopicFilter> filters, List<UnsubscribeReasonCode> reasonCodes,
        Optional<String> reasonString, UserProperties userProperties) {

    /**
     * Creates a result.
     *
     * @param filters        the topic filters of the subscription, in order
     * @param reasonCodes    the reason codes, one per filter, in the same order
     * @param reasonString   the reason string of the UNSUBACK, or empty
     * @param userProperties the user properties of the UNSUBACK
     * @throws NullPointerException     if an argument or element is {@code null}
     * @throws IllegalArgumentException if the two lists differ in size
     */
    public UnsubscribeResult {
        filters = List.copyOf(filters);
        reasonCodes = List.copyOf(reasonCodes);
        Objects.requireNonNull(reasonString, "reasonString");
        Objects.requireNonNull(userProperties, "userProperties");
        if (filters.size() != reasonCodes.size()) {
            throw new IllegalArgumentException("the UNSUBACK has " + reasonCodes.size() + " reason codes for "
                    + filters.size() + " topic filters [MQTT-3.11.3-1] (5.0)");
        }
    }

    /**
     * Tells whether every filter was unsubscribed, or had no subscription to end.
     *
     * @return {@code true} if no reason code is an error (0x80 or more)
     */
    public boolean isSuccess() {
        return reasonCodes.stream().noneMatch(UnsubscribeReasonCode::isError);
    }
}
