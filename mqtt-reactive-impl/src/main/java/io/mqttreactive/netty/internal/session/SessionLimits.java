package io.mqttreactive.netty.internal.session;

import io.mqttreactive.exception.MqttBufferFullException;

/**
 * The bounds of a session store, across all its client identifiers: how many outbound QoS 1 and 2 messages it
 * keeps and how many bytes their serialized records take ({@link LogRecordCodec#frameSize}). Inbound QoS 2
 * packet identifiers are not counted: there are at most 65,535 per client identifier. A store refuses a new or
 * growing outbound message past a bound with {@link MqttBufferFullException}; a state change never grows.
 *
 * @param maxMessages the largest number of outbound messages, at least 1
 * @param maxBytes    the largest total size of their records, at least 1
 */
public record SessionLimits(int maxMessages, int maxBytes) {

    /** The default {@link #maxMessages()}: every packet identifier of one client, 65,535. */
    public static final int DEFAULT_MAX_MESSAGES = 65_535;

    /** The default {@link #maxBytes()}: 256 MiB. */
    public static final int DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

    /** The default limits. */
    public static final SessionLimits DEFAULT = new SessionLimits(DEFAULT_MAX_MESSAGES, DEFAULT_MAX_BYTES);

    /**
     * Creates limits.
     *
     * @throws IllegalArgumentException if a bound is less than 1
     */
    public SessionLimits {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be at least 1, was " + maxMessages);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
        }
    }

    MqttBufferFullException messagesFull() {
        return new MqttBufferFullException("session store (outbound messages)", maxMessages);
    }

    MqttBufferFullException bytesFull() {
        return new MqttBufferFullException("session store (bytes of outbound messages)", maxBytes);
    }
}
