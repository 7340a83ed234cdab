package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.netty.internal.session.InMemorySessionStore;
import io.mqttreactive.spi.SessionStore;
import io.mqttreactive.spi.StoredPublish;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A {@link SessionStore} for flow tests: an {@link InMemorySessionStore} whose writes can be held, failed and
 * watched. A held write is applied when subscribed but completes only on {@link #release()}, from the test's
 * thread, as a durable store completes once its write reached the disk; a failing store applies nothing and
 * signals an {@link UncheckedIOException} for every operation, loads included. {@link #operations()} lists every write in the order subscribed.
 */
final class GatedSessionStore implements SessionStore {

    private final InMemorySessionStore delegate = new InMemorySessionStore();
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final List<Sinks.Empty<Void>> held = new ArrayList<>();
    private volatile boolean holding;
    private volatile boolean failing;

    /** Holds every write from now on until {@link #release()}. */
    GatedSessionStore hold() {
        holding = true;
        return this;
    }

    /** Completes the held writes, in order, and stops holding. */
    void release() {
        List<Sinks.Empty<Void>> writes;
        synchronized (held) {
            holding = false;
            writes = List.copyOf(held);
            held.clear();
        }
        writes.forEach(Sinks.Empty::tryEmitEmpty);
    }

    /** Returns how many writes are held. */
    int heldCount() {
        synchronized (held) {
            return held.size();
        }
    }

    /** Makes every operation fail from now on. */
    GatedSessionStore fail() {
        failing = true;
        return this;
    }

    /** Every write, as {@code "storeOutbound 1 AWAITING_PUBACK"}, {@code "removeInbound 7"} or {@code "clear"}. */
    List<String> operations() {
        return List.copyOf(operations);
    }

    List<StoredPublish> outbound(String clientId) {
        return delegate.loadOutbound(clientId).collectList().block();
    }

    List<Integer> inbound(String clientId) {
        return delegate.loadInbound(clientId).collectList().block();
    }

    @Override
    public Flux<StoredPublish> loadOutbound(String clientId) {
        return Flux.defer(() -> failing ? Flux.error(diskOnFire()) : delegate.loadOutbound(clientId));
    }

    @Override
    public Mono<Void> storeOutbound(String clientId, StoredPublish publish) {
        return gated("storeOutbound " + publish.packetId() + " " + publish.state(),
                () -> delegate.storeOutbound(clientId, publish));
    }

    @Override
    public Mono<Void> removeOutbound(String clientId, int packetId) {
        return gated("removeOutbound " + packetId, () -> delegate.removeOutbound(clientId, packetId));
    }

    @Override
    public Flux<Integer> loadInbound(String clientId) {
        return Flux.defer(() -> failing ? Flux.error(diskOnFire()) : delegate.loadInbound(clientId));
    }

    @Override
    public Mono<Void> storeInbound(String clientId, int packetId) {
        return gated("storeInbound " + packetId, () -> delegate.storeInbound(clientId, packetId));
    }

    @Override
    public Mono<Void> removeInbound(String clientId, int packetId) {
        return gated("removeInbound " + packetId, () -> delegate.removeInbound(clientId, packetId));
    }

    @Override
    public Mono<Void> clear(String clientId) {
        return gated("clear", () -> delegate.clear(clientId));
    }

    private static UncheckedIOException diskOnFire() {
        return new UncheckedIOException(new IOException("disk on fire"));
    }

    private Mono<Void> gated(String operation, Supplier<Mono<Void>> write) {
        return Mono.defer(() -> {
            operations.add(operation);
            if (failing) {
                return Mono.error(diskOnFire());
            }
            synchronized (held) {
                if (!holding) {
                    return write.get();
                }
                Sinks.Empty<Void> completion = Sinks.empty();
                held.add(completion);
                return write.get().then(completion.asMono());
            }
        });
    }
}
