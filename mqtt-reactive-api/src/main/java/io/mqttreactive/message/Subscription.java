package io.mqttreactive.message;

import io.mqttreactive.MqttQos;
import io.mqttreactive.topic.MqttTopicFilter;

import java.util.Objects;

/**
 * One topic filter with its options: one entry of a SUBSCRIBE packet.
 *
 * @param filter  the topic filter, possibly shared
 * @param options the subscription options
 */
public record Subscription(MqttTopicFilter filter, SubscriptionOptions options) {

    /**
     * Creates a subscription.
     *
     * @param filter  the topic filter, possibly shared
     * @param options the subscription options
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code options} asks for No Local on a shared subscription
     *                                  [MQTT-3.8.3-4] (5.0)
     */
    public Subscription {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(options, "options");
        if (options.noLocal() && filter.isShared()) {
            throw new IllegalArgumentException(
                    "No Local must not be set on the shared subscription " + filter + " [MQTT-3.8.3-4] (5.0)");
        }
    }

    /**
     * Returns a subscription with a maximum QoS and default options.
     *
     * @param filter the topic filter
     * @param maxQos the maximum QoS
     * @return the subscription
     * @throws io.mqttreactive.exception.InvalidTopicException if {@code filter} is not a valid topic filter
     */
    public static Subscription of(String filter, MqttQos maxQos) {
        return of(MqttTopicFilter.of(filter), maxQos);
    }

    /**
     * Returns a subscription with a maximum QoS and default options.
     *
     * @param filter the topic filter
     * @param maxQos the maximum QoS
     * @return the subscription
     */
    public static Subscription of(MqttTopicFilter filter, MqttQos maxQos) {
        return new Subscription(filter, SubscriptionOptions.of(maxQos));
    }
}
