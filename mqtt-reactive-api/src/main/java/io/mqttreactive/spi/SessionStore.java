package io.mqttreactive.spi;

import io.mqttreactive.event.MqttClientEvent;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where a client keeps the state of a session that must survive a lost connection and, for a durable store,
 * a process restart (MQTT 3.1.1 and 5.0 section 4.1): outbound QoS 1 and 2 messages in flight, and the packet
 * identifiers of inbound QoS 2 messages waiting for their PUBREL.
 *
 * <p>State is keyed by client identifier, so one store may serve several clients with different identifiers.
 * The client stores a message before it sends the PUBLISH, stores its {@link StoredPublish.State#AWAITING_PUBCOMP}
 * state before it sends the PUBREL, and removes it when its publish ends, acknowledged or failed. It stores an
 * inbound packet identifier before it sends the PUBREC and removes it before it sends the PUBCOMP, and removes
 * the inbound identifiers of a session the broker no longer has. A client without clean start loads the state
 * of its client identifier on its first connect and resumes it; a client with clean start clears it there.
 * An error a store signals fails the publish waiting for it, or the connect that loads, and is reported as a
 * {@link io.mqttreactive.event.MqttClientEvent.SessionStoreFailed} event.
 *
 * <p>Threading: the client calls these methods on its connection's event loop, so they must return at once
 * and never block; a store doing blocking I/O does it inside the returned publisher on another scheduler (for
 * example {@code Schedulers.boundedElastic()}). Signals may arrive on any thread. The client may call again
 * before an earlier publisher completed; a store applies the operations of one client identifier in the order
 * their publishers are subscribed. Each returned publisher is cold and completes once the change is as durable
 * as the store promises; errors are signalled, never thrown.
 */
public interface SessionStore {

    /**
     * Loads the outbound messages in flight, to re-send on a resumed session.
     *
     * @param clientId the client identifier
     * @return the stored publishes in the order they were first stored, which is the order they were sent
     *         [MQTT-4.6.0-1]
     */
    Flux<StoredPublish> loadOutbound(String clientId);

    /**
     * Stores an outbound message, or replaces the one with the same packet identifier in place, keeping its
     * position in the order.
     *
     * @param clientId the client identifier
     * @param publish  the publish and its state
     * @return a {@code Mono} completing once stored
     */
    Mono<Void> storeOutbound(String clientId, StoredPublish publish);

    /**
     * Removes an outbound message whose flow completed; does nothing if none has the packet identifier.
     *
     * @param clientId the client identifier
     * @param packetId the packet identifier
     * @return a {@code Mono} completing once removed
     */
    Mono<Void> removeOutbound(String clientId, int packetId);

    /**
     * Loads the packet identifiers of inbound QoS 2 messages that were received and acknowledged with PUBREC
     * but not yet released with PUBREL.
     *
     * @param clientId the client identifier
     * @return the packet identifiers, in no particular order
     */
    Flux<Integer> loadInbound(String clientId);

    /**
     * Stores the packet identifier of an inbound QoS 2 message before its PUBREC is sent.
     *
     * @param clientId the client identifier
     * @param packetId the packet identifier
     * @return a {@code Mono} completing once stored
     */
    Mono<Void> storeInbound(String clientId, int packetId);

    /**
     * Removes the packet identifier of an inbound QoS 2 message after its PUBCOMP; does nothing if absent.
     *
     * @param clientId the client identifier
     * @param packetId the packet identifier
     * @return a {@code Mono} completing once removed
     */
    Mono<Void> removeInbound(String clientId, int packetId);

    /**
     * Discards all state of a client identifier, when a session ends or a clean start begins a new one.
     *
     * @param clientId the client identifier
     * @return a {@code Mono} completing once cleared
     */
    Mono<Void> clear(String clientId);

    /**
     * Tells what this store discarded as damaged when it was opened, for each client using it to report once as
     * a {@link io.mqttreactive.event.MqttClientEvent.SessionStoreRecordsDiscarded} event. A durable store that
     * finds damaged records when it opens keeps every record it can prove intact and discards the others; a
     * store that cannot lose records returns empty, as the default does. The client calls this on its event
     * loop, so it must return at once.
     *
     * @return what was discarded, or empty if nothing was
     */
    default Optional<MqttClientEvent.SessionStoreRecordsDiscarded> discardedOnOpen() {
        return Optional.empty();
    }
}
