package io.mqttreactive.options;

import io.mqttreactive.internal.Checks;

/**
 * When a subscription acknowledges the QoS 1 and 2 messages it receives: when the client sends the PUBACK (QoS 1)
 * or PUBREC (QoS 2) that tells the broker the message is the client's responsibility from now on. Chosen per
 * subscription with {@link io.mqttreactive.MqttClient#subscribe(io.mqttreactive.message.SubscribeRequest,
 * AcknowledgeMode)}; QoS 0 messages are never acknowledged.
 *
 * <p><b>Why it matters.</b> Acknowledgements leave in the order the PUBLISH packets arrived, whatever subscription
 * each message is for ([MQTT-4.6.0-2], [MQTT-4.6.0-3]), and the broker sends no more once
 * {@link FlowControlOptions#receiveMaximum()} messages wait for theirs. So a message that waits holds back the
 * acknowledgements of every message received after it, and a subscriber that stops requesting soon stops every
 * subscription of the client. A message that several subscriptions match is acknowledged once all of them have
 * taken it, each as its own mode says: the strictest decides.
 *
 * <ul>
 *   <li>{@link #ON_DELIVERY}, the default: a message is acknowledged once it has been emitted downstream, so
 *       downstream demand is backpressure all the way to the broker, and a slow subscriber slows the whole
 *       client down.</li>
 *   <li>{@link #onBuffer(int, long)}: a message is acknowledged as it enters the subscription's buffer, as long as
 *       the buffer has room, so the subscription holds back the others only once its buffer is full. From then on
 *       its messages wait unacknowledged, as with {@code ON_DELIVERY}: nothing is dropped and backpressure reaches
 *       the broker again; each message the subscriber takes makes room for the oldest waiting one, which is
 *       acknowledged then. Set it on the subscription that may fall behind: it is that subscription's messages
 *       that would otherwise hold the others back.</li>
 *   <li>Manual acknowledgement, the strict mode, is
 *       {@link io.mqttreactive.MqttClient#subscribeAcknowledged(io.mqttreactive.message.SubscribeRequest)}: a
 *       message is acknowledged when the application says so, for at-least-once processing end to end.</li>
 * </ul>
 *
 * <p><b>The price of {@code onBuffer}.</b> A message acknowledged into the buffer is the client's alone: the broker
 * will not send it again, and no session store keeps it. It is lost if the process dies before the subscriber took
 * it, and discarded if the subscription ends before that (cancelled, unsubscribed, completed by
 * {@code disconnect()} or {@code close()}, or failed), which the client reports as a
 * {@link io.mqttreactive.event.MqttClientEvent.BufferedMessagesDiscarded} event. Between the broker and the
 * subscriber such a message is delivered at most once; a connection lost while reconnect is on loses nothing, as
 * the subscription and its buffer outlive it. {@code ON_DELIVERY} hands responsibility over one step later, on
 * emission, after which a message waiting in the application's own operators (a {@code publishOn} queue) is just
 * as lost in a crash; only manual acknowledgement survives one. The buffer adds at most its own bounds in memory,
 * on top of the Receive Maximum.
 */
public sealed interface AcknowledgeMode permits AcknowledgeMode.OnDelivery, AcknowledgeMode.OnBuffer {

    /** The default of {@link OnBuffer#bufferSize()}: 1,024 messages. */
    int DEFAULT_BUFFER_SIZE = 1024;

    /** The default of {@link OnBuffer#bufferBytes()}: 8 MiB of payload. */
    long DEFAULT_BUFFER_BYTES = 8L * 1024 * 1024;

    /** Acknowledges a message once it has been emitted downstream; the default. */
    AcknowledgeMode ON_DELIVERY = new OnDelivery();

    /**
     * Returns the mode that acknowledges messages as they enter a buffer of {@link #DEFAULT_BUFFER_SIZE} messages
     * and {@link #DEFAULT_BUFFER_BYTES} payload bytes.
     *
     * @return the mode
     */
    static OnBuffer onBuffer() {
        return new OnBuffer(DEFAULT_BUFFER_SIZE, DEFAULT_BUFFER_BYTES);
    }

    /**
     * Returns the mode that acknowledges messages as they enter a buffer of the given bounds.
     *
     * @param bufferSize  messages, at least 1
     * @param bufferBytes payload bytes, at least 1
     * @return the mode
     * @throws IllegalArgumentException if a bound is less than 1
     */
    static OnBuffer onBuffer(int bufferSize, long bufferBytes) {
        return new OnBuffer(bufferSize, bufferBytes);
    }

    /** Acknowledges a message once it has been emitted downstream: see {@link AcknowledgeMode#ON_DELIVERY}. */
    record OnDelivery() implements AcknowledgeMode {
    }

    /**
     * Acknowledges a message as it enters the subscription's buffer while the buffer has room: see
     * {@link AcknowledgeMode#onBuffer(int, long)}. The buffer holds at most {@code bufferSize} acknowledged
     * messages and {@code bufferBytes} of their payload bytes, except that an empty buffer takes one message of
     * any size.
     *
     * @param bufferSize  messages, at least 1
     * @param bufferBytes payload bytes, at least 1
     */
    record OnBuffer(int bufferSize, long bufferBytes) implements AcknowledgeMode {

        /**
         * Creates the mode.
         *
         * @param bufferSize  messages, at least 1
         * @param bufferBytes payload bytes, at least 1
         * @throws IllegalArgumentException if a bound is less than 1
         */
        public OnBuffer {
            Checks.requireRange(bufferSize, 1, Integer.MAX_VALUE, "acknowledged buffer size");
            Checks.requireRange(bufferBytes, 1, Long.MAX_VALUE, "acknowledged buffer bytes");
        }
    }
}
