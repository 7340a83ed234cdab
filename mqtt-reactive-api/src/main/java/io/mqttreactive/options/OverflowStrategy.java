package io.mqttreactive.options;

/**
 * What happens when a QoS 0 message arrives for a subscription whose buffer is full because its subscriber is
 * slower than the broker. QoS 1 and 2 messages are never dropped: they are held back by the Receive Maximum
 * flow control instead. Every dropped message is counted and reported as a
 * {@link io.mqttreactive.event.MqttClientEvent.MessageDropped} event.
 */
public enum OverflowStrategy {

    /** Drop the oldest buffered message to make room for the new one; the default. */
    DROP_OLDEST,

    /** Drop the new message and keep the buffered ones. */
    DROP_LATEST,

    /**
     * Fail the subscription with {@link io.mqttreactive.exception.MqttBufferFullException}; it sends
     * UNSUBSCRIBE like a cancelled subscription.
     */
    ERROR,

    /**
     * Stop reading from the network until the subscriber has room again. Nothing is dropped, but the whole
     * connection waits for the slowest QoS 0 subscriber: other subscriptions, acknowledgements and keep-alive
     * responses are held back too, and a long pause can make the broker close the connection.
     */
    PAUSE_READING
}
