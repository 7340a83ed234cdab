package io.mqttreactive.netty.internal.routing;

import io.mqttreactive.message.MqttMessage;
import org.jspecify.annotations.Nullable;

/** A destination of routed messages: one subscription flux, or the unsolicited-messages stream. */
public interface MessageSubscriber {

    /**
     * Takes a message. For QoS 1 and 2, {@code delivery} has already been held for this subscriber, which must
     * release it exactly once; for QoS 0 it is null.
     */
    void deliver(MqttMessage message, @Nullable InboundDelivery delivery);
}
