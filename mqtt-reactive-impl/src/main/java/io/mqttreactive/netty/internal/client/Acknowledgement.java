package io.mqttreactive.netty.internal.client;

import io.mqttreactive.options.AcknowledgeMode;

/**
 * When a subscription's sink releases a QoS 1 or 2 message to the acknowledgement pipeline: once emitted, once the
 * application acknowledges it ({@code manual}), or on entering the sink while fewer than {@code bufferSize}
 * messages holding fewer than {@code bufferBytes} payload bytes are buffered that way ({@code bufferSize} above
 * zero).
 */
record Acknowledgement(boolean manual, int bufferSize, long bufferBytes) {

    static final Acknowledgement ON_DELIVERY = new Acknowledgement(false, 0, 0);

    static final Acknowledgement MANUAL = new Acknowledgement(true, 0, 0);

    static Acknowledgement of(AcknowledgeMode mode) {
        return mode instanceof AcknowledgeMode.OnBuffer onBuffer
                ? new Acknowledgement(false, onBuffer.bufferSize(), onBuffer.bufferBytes())
                : ON_DELIVERY;
    }

    boolean onBuffer() {
        return bufferSize > 0;
    }
}
