package io.mqttreactive.message;

import reactor.core.publisher.Mono;

/**
 * A received message whose acknowledgement to the broker waits for the application, obtained from
 * {@link io.mqttreactive.MqttClient#subscribeAcknowledged(SubscribeRequest)}.
 *
 * <p>For QoS 1 the PUBACK, for QoS 2 the PUBREC, is sent only once {@link #acknowledge()} is subscribed.
 * Until then the message counts against the Receive Maximum the client advertised, so unacknowledged messages
 * slow the broker down. Acknowledgements leave in the order the messages were received ([MQTT-4.6.0-2],
 * [MQTT-4.6.0-3]): acknowledging a message before an earlier one holds its PUBACK back until the earlier one
 * is acknowledged too. QoS 0 messages have nothing to acknowledge.
 *
 * <p>Compose it as an operator for at-least-once processing:
 * {@code client.subscribeAcknowledged(request).concatMap(m -> process(m.message()).then(m.acknowledge()))}.
 */
public interface AcknowledgeableMessage {

    /**
     * Returns the received message.
     *
     * @return the message
     */
    MqttMessage message();

    /**
     * Acknowledges the message to the broker, lazily: nothing happens until the returned {@code Mono} is
     * subscribed. Idempotent: only the first subscription acknowledges; later ones complete at once.
     *
     * <p>The {@code Mono} completes once the acknowledgement is queued on the connection in reception order,
     * and at once for QoS 0. If the connection was lost since the message arrived it completes too: the
     * broker re-delivers the message on the resumed session. It never blocks; it may complete on the
     * connection's event loop.
     *
     * @return a cold {@code Mono} completing when the acknowledgement is handed to the connection
     */
    Mono<Void> acknowledge();
}
