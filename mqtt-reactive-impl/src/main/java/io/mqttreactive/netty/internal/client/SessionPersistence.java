package io.mqttreactive.netty.internal.client;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.flow.IncomingPublishFlow;
import io.mqttreactive.netty.internal.flow.OutgoingPublishFlow;
import io.mqttreactive.netty.internal.session.SessionJournal;
import io.mqttreactive.netty.internal.session.SessionJournal.StoredSession;
import io.mqttreactive.spi.SessionStore;
import io.netty.channel.EventLoop;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Ties a client's flows to the {@link io.mqttreactive.spi.SessionStore} of its options (MQTT 3.1.1 and 5.0
 * section 4.1): the flows write their state through one {@link SessionJournal}, and before the first CONNECT the
 * client either discards what the store kept (a clean start, [MQTT-3.1.2-6] 3.1.1, [MQTT-3.1.2-4] 5.0) or takes
 * it over ([MQTT-3.1.2-4] 3.1.1): outbound messages become in flight again, with their packet ids reserved, to
 * be re-sent on a resumed session ([MQTT-4.4.0-1], [MQTT-4.6.0-1]), and inbound QoS 2 ids await their PUBREL
 * again. A {@link MqttClientEvent.SessionRestored} tells what was taken over, and a
 * {@link MqttClientEvent.RestoredPublishFinished} each restored message's outcome, since no publish
 * {@code Mono} waits for it. What the store discarded as damaged when it opened is reported first, once, as a
 * {@link MqttClientEvent.SessionStoreRecordsDiscarded}. Without a store in the options nothing is written or restored. Confined to the
 * event loop.
 */
final class SessionPersistence {

    private final MqttClientOptions options;
    private final EventLoop eventLoop;
    private final Consumer<MqttClientEvent> events;
    private final SessionJournal journal;
    private final OutgoingPublishFlow outgoing;
    private final IncomingPublishFlow incoming;
    private boolean started;
    private boolean discardedReported;
    private int unfinished;

    SessionPersistence(MqttClientOptions options, EventLoop eventLoop, Consumer<MqttClientEvent> events,
            OutgoingPublishFlow outgoing, IncomingPublishFlow incoming) {
        this.options = options;
        this.eventLoop = eventLoop;
        this.events = events;
        this.outgoing = outgoing;
        this.incoming = incoming;
        this.journal = options.session().store()
                .map(store -> SessionJournal.of(store, options.clientId(),
                        options.session().storeTimeout(), eventLoop, events))
                .orElseGet(SessionJournal::withoutStore);
        outgoing.persistTo(journal);
        incoming.persistTo(journal);
    }

    /**
     * Returns what must happen before the first connection opens, cold: discarding or loading the stored
     * session; empty once done. A failed load fails the connect and is tried again on the next one.
     */
    Mono<Void> beforeFirstConnect() {
        return Mono.defer(() -> {
            if (started || !journal.hasStore()) {
                return Mono.empty();
            }
            reportDiscardedRecords();
            if (options.session().cleanStart() || journal.clientId().isEmpty()) {
                started = true;
                if (!journal.clientId().isEmpty()) {
                    journal.clear();
                }
                return Mono.empty();
            }
            return journal.load().flatMap(stored -> Mono.<Void>create(sink -> onLoop(() -> {
                take(stored);
                sink.success();
            })));
        });
    }

    private void reportDiscardedRecords() {
        if (!discardedReported) {
            discardedReported = true;
            options.session().store().flatMap(SessionStore::discardedOnOpen).ifPresent(events);
        }
    }

    /** Follows the client identifier the broker assigned. */
    void clientId(String clientId) {
        journal.clientId(clientId);
    }

    private void take(StoredSession stored) {
        if (started) {
            return;
        }
        started = true;
        outgoing.restore(stored.outbound(), this::sinkFor);
        incoming.restore(stored.inbound());
        events.accept(new MqttClientEvent.SessionRestored(journal.clientId(), unfinished, stored.inbound().size()));
    }

    private MonoSink<PublishResult> sinkFor(MqttMessage message) {
        unfinished++;
        AtomicReference<MonoSink<PublishResult>> sink = new AtomicReference<>();
        Mono.<PublishResult>create(sink::set).subscribe(result -> finished(message, null),
                error -> finished(message, error));
        return sink.get();
    }

    private void finished(MqttMessage message, @Nullable Throwable failure) {
        unfinished--;
        events.accept(new MqttClientEvent.RestoredPublishFinished(message, Optional.ofNullable(failure), unfinished));
    }

    private void onLoop(Runnable task) {
        if (eventLoop.inEventLoop()) {
            task.run();
        } else {
            eventLoop.execute(task);
        }
    }
}
