package io.mqttreactive.options;

/**
 * What happens to a publish made while the client is not connected when the offline queue
 * ({@link FlowControlOptions#offlineQueueSize()}) is full, and to a subscription made while not connected when the
 * offline subscription queue ({@link FlowControlOptions#offlineSubscriptionQueueSize()}) is full. Either way the
 * affected publish's {@code Mono}, or subscription's {@code Flux}, errors with
 * {@link io.mqttreactive.exception.MqttBufferFullException}; nothing is lost without a signal.
 */
public enum OfflineQueueOverflow {

    /** Fail the new publish or subscription and keep the queued ones; the default. */
    FAIL_NEW,

    /**
     * Make room by dropping the oldest queued publish, counted and reported as a
     * {@link io.mqttreactive.event.MqttClientEvent.OfflinePublishDropped} event, or the oldest queued subscription,
     * reported as a {@link io.mqttreactive.event.MqttClientEvent.OfflineSubscriptionDropped} event; for data where
     * the newest reading matters most.
     */
    DROP_OLDEST
}
