package io.mqttreactive.netty.internal.session;

import io.mqttreactive.spi.SessionStore;
import io.mqttreactive.spi.StoredPublish;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The default {@link SessionStore}: session state in memory, which survives a lost connection but not the
 * process (MQTT 3.1.1 and 5.0 section 4.1). Outbound messages keep the order they were first stored in
 * ([MQTT-4.6.0-1]); a store under a packet identifier already stored replaces the message in place.
 *
 * <p>Bounded by {@link SessionLimits}, across all client identifiers: a new outbound message past
 * {@code maxMessages}, or one that would take the records past {@code maxBytes}, is refused with
 * {@link io.mqttreactive.exception.MqttBufferFullException}. Inbound QoS 2 identifiers are bounded by the
 * 65,535 packet identifiers of each client identifier.
 *
 * <p>Threading: thread-safe and non-blocking. Every operation runs when its publisher is subscribed, on the
 * subscribing thread, inside one short critical section of this store (no I/O, no waiting), so operations are
 * applied in the order they are subscribed and signal on the subscribing thread.
 */
public final class InMemorySessionStore implements SessionStore {

    private final SessionIndex index;

    /** Creates a store with {@link SessionLimits#DEFAULT}. */
    public InMemorySessionStore() {
        this(SessionLimits.DEFAULT);
    }

    /**
     * Creates a store.
     *
     * @param limits its bounds
     */
    public InMemorySessionStore(SessionLimits limits) {
        this.index = new SessionIndex(Objects.requireNonNull(limits, "limits"));
    }

    @Override
    public Flux<StoredPublish> loadOutbound(String clientId) {
        return call(clientId, index -> index.outbound(clientId)).flatMapIterable(Function.identity());
    }

    @Override
    public Mono<Void> storeOutbound(String clientId, StoredPublish publish) {
        return run(clientId, index -> index.storeOutbound(clientId, Objects.requireNonNull(publish, "publish"), true));
    }

    @Override
    public Mono<Void> removeOutbound(String clientId, int packetId) {
        return run(clientId, index -> index.removeOutbound(clientId, StoreArguments.packetId(packetId)));
    }

    @Override
    public Flux<Integer> loadInbound(String clientId) {
        return call(clientId, index -> index.inbound(clientId)).flatMapIterable(Function.identity());
    }

    @Override
    public Mono<Void> storeInbound(String clientId, int packetId) {
        return run(clientId, index -> index.storeInbound(clientId, StoreArguments.packetId(packetId)));
    }

    @Override
    public Mono<Void> removeInbound(String clientId, int packetId) {
        return run(clientId, index -> index.removeInbound(clientId, StoreArguments.packetId(packetId)));
    }

    @Override
    public Mono<Void> clear(String clientId) {
        return run(clientId, index -> index.clear(clientId));
    }

    /** Returns the number of outbound messages of all client identifiers. */
    public int messageCount() {
        synchronized (index) {
            return index.messageCount();
        }
    }

    @Override
    public String toString() {
        return "InMemorySessionStore{messages=" + messageCount() + "}";
    }

    private Mono<Void> run(String clientId, Function<SessionIndex, ?> operation) {
        return call(clientId, operation).then();
    }

    private <T> Mono<T> call(String clientId, Function<SessionIndex, T> operation) {
        return Mono.fromCallable(() -> {
            Objects.requireNonNull(clientId, "clientId");
            synchronized (index) {
                return operation.apply(index);
            }
        });
    }
}
