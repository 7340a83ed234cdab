package io.mqttreactive.exception;

import java.time.Duration;

/**
 * A bounded buffer is full and its overflow strategy is to fail: the pending publish queue, the offline queue,
 * or a QoS 0 subscription buffer with {@link io.mqttreactive.options.OverflowStrategy#ERROR}. The client never
 * blocks a caller's thread instead; the caller may retry once the buffer drains.
 */
public class MqttBufferFullException extends MqttTransientException {

    private static final long serialVersionUID = 1L;

    /** The capacity of the full buffer. */
    private final int capacity;

    /**
     * Creates the exception.
     *
     * @param buffer   the name of the full buffer, as in {@code "pending publish queue"}
     * @param capacity its capacity
     */
    public MqttBufferFullException(String buffer, int capacity) {
        super("The " + buffer + " is full (capacity " + capacity + ")", null);
        this.capacity = capacity;
    }

    /**
     * Creates the exception for a publish that waited for room in vain.
     *
     * @param buffer   the name of the full buffer, as in {@code "publish queue"}
     * @param capacity its capacity
     * @param waited   how long the publish waited for room
     */
    public MqttBufferFullException(String buffer, int capacity, Duration waited) {
        super("The " + buffer + " is still full after waiting " + waited + " for room (capacity " + capacity + ")",
                null);
        this.capacity = capacity;
    }

    /**
     * Returns the capacity of the full buffer.
     *
     * @return the capacity
     */
    public int capacity() {
        return capacity;
    }
}
