package io.mqttreactive.message;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A received message whose acknowledgement to the broker waits for the application, obtained from
 * {@link io.mqttreactive.MqttClient#subscribeAcknowledged(SubscribeRequest)}.
 *
 * <p>For QoS 1 the PUBACK, for QoS 2 the PUBREC, is sent only once {@link #acknowledge()} is subscribed.
 * Until then the message counts against the Receive Maximum the client advertised, so unacknowledged messages
 * slow the broker down. Acknowledgements leave in the order the messages were received ([MQTT-4.6.0-2],
 * [MQTT-4.6.0-3]): acknowledging a message before an earlier one holds its PUBACK back until the earlier one
 * is acknowledged too. QoS 0 messages have nothing to acknowledge. A message the application cannot process
 * can be {@linkplain #reject(PublishReasonCode, String) refused} instead (a negative acknowledgement, MQTT 5.0).
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

    /**
     * Refuses the message: the broker is told, with a negative acknowledgement, that the application did not
     * accept it. Lazy and idempotent like {@link #acknowledge()}, of which it takes the place: whichever of the
     * two is subscribed first decides, and acknowledgements still leave in reception order. The same as
     * {@code reject(reasonCode, null)}.
     *
     * @param reasonCode why, 0x80 or more
     * @return a cold {@code Mono} completing when the answer is handed to the connection
     * @throws IllegalArgumentException if {@code reasonCode} is not an error (below 0x80)
     * @see #reject(PublishReasonCode, String)
     */
    default Mono<Void> reject(PublishReasonCode reasonCode) {
        return reject(reasonCode, null);
    }

    /**
     * Refuses the message with a reason code and a reason string: the broker is told that the application did
     * not accept it, so a pipeline can map a processing failure to the broker.
     *
     * <p>Under MQTT 5.0 the PUBACK (QoS 1) or PUBREC (QoS 2) carries {@code reasonCode} and
     * {@code reasonString} (left out if the broker's Maximum Packet Size has no room for it [MQTT-3.4.2-2]);
     * the broker treats the message as delivered and does not send it again, and for QoS 2 the exchange ends
     * there: a later PUBLISH with the same packet identifier is a new message [MQTT-4.3.3-9]. What the broker
     * does with a refused message (drop it, count it, route it elsewhere) is its own policy.
     *
     * <p>MQTT 3.1 and 3.1.1 have no negative acknowledgement, so a broker cannot be told. There the message is
     * left unacknowledged instead, as when its subscription ends: the broker keeps it, counts it against its
     * in-flight window, and sends it again when the session resumes (clean session off), or drops it with a
     * clean session. For QoS 0 there is nothing to answer and the {@code Mono} completes at once.
     *
     * @param reasonCode   why, 0x80 or more
     * @param reasonString a human-readable reason for diagnostics, or {@code null}
     * @return a cold {@code Mono} completing when the answer is handed to the connection (or, under MQTT 3.1.1,
     *         when the message is left unacknowledged)
     * @throws IllegalArgumentException if {@code reasonCode} is not an error (below 0x80)
     */
    Mono<Void> reject(PublishReasonCode reasonCode, @Nullable String reasonString);
}
