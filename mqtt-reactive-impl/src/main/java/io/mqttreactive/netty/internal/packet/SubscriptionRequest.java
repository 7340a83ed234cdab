package io.mqttreactive.netty.internal.packet;

import io.mqttreactive.MqttQos;
import java.util.Objects;

/**
 * One topic filter of a SUBSCRIBE with its subscription options (MQTT 5.0 section 3.8.3.1);
 * 3.x carries only the filter and the maximum QoS. {@code retainHandling} is 0, 1 or 2.
 */
public record SubscriptionRequest(
        String topicFilter,
        MqttQos maximumQos,
        boolean noLocal,
        boolean retainAsPublished,
        int retainHandling) {

    public SubscriptionRequest {
        Objects.requireNonNull(topicFilter, "topicFilter");
        Objects.requireNonNull(maximumQos, "maximumQos");
    }

    /** Returns a request with the MQTT 5 options at their defaults. */
    public static SubscriptionRequest of(String topicFilter, MqttQos maximumQos) {
        return new SubscriptionRequest(topicFilter, maximumQos, false, false, 0);
    }
}
