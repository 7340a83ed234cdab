package io.mqttreactive.options;

/**
 * What happens to a publish made while the client is not connected when the offline queue
 * ({@link FlowControlOptions#offlineQueueSize()}) is full. Either way the affected publish's {@code Mono} errors
 * with {@link io.mqttreactive.exception.MqttBufferFullException}; nothing is lost without a signal.
 */
public enum OfflineQueueOverflow {

    /** Fail the new publish and keep the queued ones; the default. */
    FAIL_NEW,

    /**
     * Make room by dropping the oldest queued publish, counted and reported as a
     * {@link io.mqttreactive.event.MqttClientEvent.OfflinePublishDropped} event; for data where the newest
     * reading matters most.
     */
    DROP_OLDEST
}
