package io.mqttreactive;

import io.mqttreactive.spi.SessionStore;
import io.mqttreactive.spi.StoredPublish;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A session store that keeps nothing, to stand for a custom store in option tests. */
public final class NoopSessionStore implements SessionStore {

    @Override
    public Flux<StoredPublish> loadOutbound(String clientId) {
        return Flux.empty();
    }

    @Override
    public Mono<Void> storeOutbound(String clientId, StoredPublish publish) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> removeOutbound(String clientId, int packetId) {
        return Mono.empty();
    }

    @Override
    public Flux<Integer> loadInbound(String clientId) {
        return Flux.empty();
    }

    @Override
    public Mono<Void> storeInbound(String clientId, int packetId) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> removeInbound(String clientId, int packetId) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> clear(String clientId) {
        return Mono.empty();
    }
}
