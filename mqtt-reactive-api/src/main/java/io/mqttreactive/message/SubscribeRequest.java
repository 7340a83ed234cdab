package io.mqttreactive.message;

import io.mqttreactive.internal.Checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What one SUBSCRIBE packet asks for: at least one subscription ([MQTT-3.8.3-3] (3.1.1), [MQTT-3.8.3-2] (5.0))
 * and the MQTT 5.0 properties of the packet, an optional Subscription Identifier and user properties.
 *
 * <p>The Subscription Identifier applies to every filter of the request; the broker returns it on the
 * messages those filters match ({@link MqttMessage#subscriptionIdentifiers()}).
 *
 * @param subscriptions          the subscriptions, in order; at least one
 * @param subscriptionIdentifier the Subscription Identifier, 1..268,435,455, or empty for none
 * @param userProperties         the user properties of the SUBSCRIBE
 */
public record SubscribeRequest(List<Subscription> subscriptions, OptionalInt subscriptionIdentifier,
        UserProperties userProperties) {

    /**
     * Creates a request.
     *
     * @param subscriptions          the subscriptions, in order; at least one
     * @param subscriptionIdentifier the Subscription Identifier, 1..268,435,455, or empty for none
     * @param userProperties         the user properties of the SUBSCRIBE
     * @throws NullPointerException     if an argument or a subscription is {@code null}
     * @throws IllegalArgumentException if there is no subscription or the identifier is out of range
     */
    public SubscribeRequest {
        subscriptions = List.copyOf(subscriptions);
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException(
                    "a SUBSCRIBE needs at least one subscription [MQTT-3.8.3-3 (3.1.1), MQTT-3.8.3-2 (5.0)]");
        }
        Objects.requireNonNull(subscriptionIdentifier, "subscriptionIdentifier");
        subscriptionIdentifier.ifPresent(id ->
                Checks.requireRange(id, 1, Checks.MAX_VARIABLE_BYTE_INTEGER, "subscription identifier"));
        Objects.requireNonNull(userProperties, "userProperties");
    }

    /**
     * Returns a request for the given subscriptions, without identifier or user properties.
     *
     * @param subscriptions the subscriptions; at least one
     * @return the request
     */
    public static SubscribeRequest of(List<Subscription> subscriptions) {
        return new SubscribeRequest(subscriptions, OptionalInt.empty(), UserProperties.empty());
    }

    /**
     * Returns a request for the given subscriptions, without identifier or user properties.
     *
     * @param first the first subscription
     * @param more  further subscriptions
     * @return the request
     */
    public static SubscribeRequest of(Subscription first, Subscription... more) {
        List<Subscription> all = new ArrayList<>(more.length + 1);
        all.add(first);
        all.addAll(Arrays.asList(more));
        return of(all);
    }

    /**
     * Returns a copy with a Subscription Identifier.
     *
     * @param subscriptionIdentifier the identifier, 1..268,435,455
     * @return the changed copy
     */
    public SubscribeRequest withSubscriptionIdentifier(int subscriptionIdentifier) {
        return new SubscribeRequest(subscriptions, OptionalInt.of(subscriptionIdentifier), userProperties);
    }

    /**
     * Returns a copy with user properties.
     *
     * @param userProperties the user properties of the SUBSCRIBE
     * @return the changed copy
     */
    public SubscribeRequest withUserProperties(UserProperties userProperties) {
        return new SubscribeRequest(subscriptions, subscriptionIdentifier, userProperties);
    }
}
