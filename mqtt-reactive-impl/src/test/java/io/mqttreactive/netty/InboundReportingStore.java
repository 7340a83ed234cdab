package io.mqttreactive.netty;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.spi.SessionStore;
import io.mqttreactive.spi.StoredPublish;
import java.util.Optional;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link SessionStore} that passes every operation to another and reports each inbound QoS 2 packet
 * identifier the other store has durably stored ({@code stored inbound <id>}) or removed
 * ({@code removed inbound <id>}), so that a crash test knows which PUBRECs the client was free to send and which
 * PUBRELs it answered.
 */
final class InboundReportingStore implements SessionStore {

    static final String STORED_INBOUND = "stored inbound ";
    static final String REMOVED_INBOUND = "removed inbound ";

    private final SessionStore store;
    private final Consumer<String> report;

    InboundReportingStore(SessionStore store, Consumer<String> report) {
        this.store = store;
        this.report = report;
    }

    @Override
    public Flux<StoredPublish> loadOutbound(String clientId) {
        return store.loadOutbound(clientId);
    }

    @Override
    public Mono<Void> storeOutbound(String clientId, StoredPublish publish) {
        return store.storeOutbound(clientId, publish);
    }

    @Override
    public Mono<Void> removeOutbound(String clientId, int packetId) {
        return store.removeOutbound(clientId, packetId);
    }

    @Override
    public Flux<Integer> loadInbound(String clientId) {
        return store.loadInbound(clientId);
    }

    @Override
    public Mono<Void> storeInbound(String clientId, int packetId) {
        return store.storeInbound(clientId, packetId).doOnSuccess(done -> report.accept(STORED_INBOUND + packetId));
    }

    @Override
    public Mono<Void> removeInbound(String clientId, int packetId) {
        return store.removeInbound(clientId, packetId)
                .doOnSuccess(done -> report.accept(REMOVED_INBOUND + packetId));
    }

    @Override
    public Mono<Void> clear(String clientId) {
        return store.clear(clientId);
    }

    @Override
    public Optional<MqttClientEvent.SessionStoreRecordsDiscarded> discardedOnOpen() {
        return store.discardedOnOpen();
    }
}
