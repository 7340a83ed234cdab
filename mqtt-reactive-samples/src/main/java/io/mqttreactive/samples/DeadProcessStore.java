package io.mqttreactive.samples;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.spi.SessionStore;
import io.mqttreactive.spi.StoredPublish;

import java.util.Optional;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A session store as one process sees it: it passes every operation on to the durable store until
 * {@link #die()}, and from then on none, as a process that died changes nothing more on disk. Operations not yet
 * started when it dies complete without effect, so that the dead process's client can be closed without touching
 * the store; the next process opens the same directory and finds it as the crash left it.
 */
final class DeadProcessStore implements SessionStore {

    private final SessionStore durable;
    private volatile boolean dead;

    DeadProcessStore(SessionStore durable) {
        this.durable = durable;
    }

    /** From now on, changes nothing in the durable store. */
    void die() {
        dead = true;
    }

    @Override
    public Flux<StoredPublish> loadOutbound(String clientId) {
        return Flux.defer(() -> dead ? Flux.empty() : durable.loadOutbound(clientId));
    }

    @Override
    public Mono<Void> storeOutbound(String clientId, StoredPublish publish) {
        return whileAlive(() -> durable.storeOutbound(clientId, publish));
    }

    @Override
    public Mono<Void> removeOutbound(String clientId, int packetId) {
        return whileAlive(() -> durable.removeOutbound(clientId, packetId));
    }

    @Override
    public Flux<Integer> loadInbound(String clientId) {
        return Flux.defer(() -> dead ? Flux.empty() : durable.loadInbound(clientId));
    }

    @Override
    public Mono<Void> storeInbound(String clientId, int packetId) {
        return whileAlive(() -> durable.storeInbound(clientId, packetId));
    }

    @Override
    public Mono<Void> removeInbound(String clientId, int packetId) {
        return whileAlive(() -> durable.removeInbound(clientId, packetId));
    }

    @Override
    public Mono<Void> clear(String clientId) {
        return whileAlive(() -> durable.clear(clientId));
    }

    @Override
    public Optional<MqttClientEvent.SessionStoreRecordsDiscarded> discardedOnOpen() {
        return durable.discardedOnOpen();
    }

    private Mono<Void> whileAlive(Supplier<Mono<Void>> operation) {
        return Mono.defer(() -> dead ? Mono.empty() : operation.get());
    }
}
