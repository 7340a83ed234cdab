package io.mqttreactive.message;

import io.mqttreactive.MqttQos;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the broker answered to a SUBSCRIBE: one reason code per subscription, in the order of the request
 * [MQTT-3.9.3-1], and the MQTT 5.0 reason string and user properties of the SUBACK.
 *
 * @param subscriptions  the subscriptions of the request, in order
 * @param reasonCodes    the reason codes, one per subscription, in the same order
 * @param reasonString   the reason string of the SUBACK, or empty
 * @param userProperties the user properties of the SUBACK
 */
public record SubscribeResult(List<Subscription> subscriptions, List<SubscribeReasonCode> reasonCodes,
        Optional<String> reasonString, UserProperties userProperties) {

    /**
     * Creates a result.
     *
     * @param subscriptions  the subscriptions of the request, in order
     * @param reasonCodes    the reason codes, one per subscription, in the same order
     * @param reasonString   the reason string of the SUBACK, or empty
     * @param userProperties the user properties of the SUBACK
     * @throws NullPointerException     if an argument or element is {@code null}
     * @throws IllegalArgumentException if the two lists differ in size
     */
    public SubscribeResult {
        subscriptions = List.copyOf(subscriptions);
        reasonCodes = List.copyOf(reasonCodes);
        Objects.requireNonNull(reasonString, "reasonString");
        Objects.requireNonNull(userProperties, "userProperties");
        if (subscriptions.size() != reasonCodes.size()) {
            throw new IllegalArgumentException("the SUBACK has " + reasonCodes.size() + " reason codes for "
                    + subscriptions.size() + " subscriptions [MQTT-3.9.3-1]");
        }
    }

    /**
     * Tells whether the broker granted every subscription.
     *
     * @return {@code true} if no reason code is an error
     */
    public boolean isSuccess() {
        return reasonCodes.stream().noneMatch(SubscribeReasonCode::isError);
    }

    /**
     * Returns the QoS granted to the subscription at an index.
     *
     * @param index the index of the subscription in the request
     * @return the granted maximum QoS, which may be lower than requested, or empty if it was refused
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public Optional<MqttQos> grantedQos(int index) {
        return reasonCodes.get(index).grantedQos();
    }
}
