package io.mqttreactive.netty.internal.session;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttException;
import io.mqttreactive.exception.MqttSessionStoreException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.spi.SessionStore;
import io.mqttreactive.spi.StoredPublish;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The client's side of its {@link SessionStore} (MQTT 3.1.1 and 5.0 section 4.1): turns what the flows do into
 * store operations under the client's identifier, so that the store always holds the client's outbound QoS 1
 * and 2 messages in flight, with their state, and its inbound QoS 2 packet identifiers awaiting PUBREL. The
 * writes a packet must wait for are returned as a {@link Write}, for a {@link WriteAheadQueue}; the others
 * (removals, clearing) are subscribed here at once. Every operation is subscribed on the event loop in the
 * order the flows call, which is the order the store applies them in. A failure becomes an
 * {@link MqttException} and a {@link MqttClientEvent.SessionStoreFailed} event, counted.
 *
 * <p>Without a store ({@link #withoutStore()}) the flows keep their state in memory only, which survives a lost
 * connection but not the process: nothing is written and every write-ahead step runs at once.
 * Confined to the event loop.
 */
public final class SessionJournal {

    /** A store operation a packet waits for. */
    public record Write(String operation, Mono<Void> mono) {
    }

    /** What a store kept of a client's session: outbound messages in their stored order, inbound ids. */
    public record StoredSession(List<StoredPublish> outbound, List<Integer> inbound) {
    }

    private final @Nullable SessionStore store;
    private final Duration timeout;
    private final EventExecutor loop;
    private final Consumer<MqttClientEvent> events;
    private String clientId;
    private long failures;

    private SessionJournal(@Nullable SessionStore store, String clientId, Duration timeout, EventExecutor loop,
            Consumer<MqttClientEvent> events) {
        this.store = store;
        this.timeout = timeout;
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.loop = loop;
        this.events = events;
    }

    /** A journal writing to {@code store} under {@code clientId}, failing operations slower than {@code timeout}. */
    public static SessionJournal of(SessionStore store, String clientId, Duration timeout, EventExecutor loop,
            Consumer<MqttClientEvent> events) {
        return new SessionJournal(Objects.requireNonNull(store, "store"), clientId, timeout, loop, events);
    }

    /** A journal that writes nothing: the session lives in the flows' memory only. */
    public static SessionJournal withoutStore() {
        return new SessionJournal(null, "", Duration.ZERO, ImmediateEventExecutor.INSTANCE, event -> { });
    }

    /** Returns a new queue for the write-ahead steps of one flow. */
    public WriteAheadQueue newQueue() {
        return new WriteAheadQueue(loop, this);
    }

    /** Tells whether a store keeps the session. */
    public boolean hasStore() {
        return store != null;
    }

    /** Returns the client identifier the state is stored under. */
    public String clientId() {
        return clientId;
    }

    /** Changes the client identifier, when the broker assigned one. */
    public void clientId(String clientId) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
    }

    /** Returns how many store operations failed. */
    public long failures() {
        return failures;
    }

    /** Stores an outbound message or its new state, before its PUBLISH or PUBREL is sent. */
    public @Nullable Write storeOutbound(int packetId, StoredPublish.State state, MqttMessage message) {
        return store == null ? null : write("storeOutbound",
                () -> store.storeOutbound(clientId, new StoredPublish(packetId, state, message)));
    }

    /** Stores an inbound QoS 2 packet identifier, before its PUBREC is sent. */
    public @Nullable Write storeInbound(int packetId) {
        return write("storeInbound", () -> store.storeInbound(clientId, packetId));
    }

    /** Removes an inbound QoS 2 packet identifier, before the PUBCOMP that releases it is sent. */
    public @Nullable Write removeInbound(int packetId) {
        return write("removeInbound", () -> store.removeInbound(clientId, packetId));
    }

    /** Removes an outbound message whose flow ended; nothing waits for it. */
    public void removeOutbound(int packetId) {
        fireAndForget(write("removeOutbound", () -> store.removeOutbound(clientId, packetId)));
    }

    /** Removes an inbound QoS 2 packet identifier of a session the broker no longer has; nothing waits for it. */
    public void forgetInbound(int packetId) {
        fireAndForget(removeInbound(packetId));
    }

    /** Discards the stored state of the client identifier, as a clean start does; nothing waits for it. */
    public void clear() {
        fireAndForget(write("clear", () -> store.clear(clientId)));
    }

    /**
     * Loads the stored state of the client identifier; signals the {@link MqttException} that
     * {@link #failed} made of a store error, on the event loop.
     */
    public Mono<StoredSession> load() {
        if (store == null) {
            return Mono.just(new StoredSession(List.of(), List.of()));
        }
        String id = clientId;
        return Mono.defer(() -> store.loadOutbound(id).collectList())
                .zipWith(Mono.defer(() -> store.loadInbound(id).collectList()), StoredSession::new)
                .timeout(timeout, Mono.error(() -> timedOut("load")))
                .onErrorResume(error -> Mono.create(sink -> onLoop(() -> sink.error(failed("load", error)))));
    }

    /**
     * Makes an {@link MqttException} of a store error and reports it: the store's own {@code MqttException}
     * as it is, anything else as an {@link MqttSessionStoreException}. Called on the event loop.
     */
    public MqttException failed(String operation, Throwable error) {
        MqttException failure = error instanceof MqttException mqtt ? mqtt
                : new MqttSessionStoreException(operation, error);
        failures++;
        events.accept(new MqttClientEvent.SessionStoreFailed(operation, failure, failures));
        return failure;
    }

    private @Nullable Write write(String operation, Supplier<Mono<Void>> call) {
        return store == null ? null : new Write(operation,
                Mono.defer(call).timeout(timeout, Mono.error(() -> timedOut(operation))));
    }

    private MqttSessionStoreException timedOut(String operation) {
        return new MqttSessionStoreException(operation, new TimeoutException(
                "the session store did not complete " + operation + " within " + timeout));
    }

    private void fireAndForget(@Nullable Write write) {
        if (write != null) {
            write.mono().subscribe(null, error -> onLoop(() -> failed(write.operation(), error)));
        }
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }
}
