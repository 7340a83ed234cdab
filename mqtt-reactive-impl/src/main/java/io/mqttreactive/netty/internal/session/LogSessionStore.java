package io.mqttreactive.netty.internal.session;

import io.mqttreactive.event.MqttClientEvent.SessionStoreRecordsDiscarded;
import io.mqttreactive.netty.internal.session.LogRecord.Cleared;
import io.mqttreactive.netty.internal.session.LogRecord.InboundRemoved;
import io.mqttreactive.netty.internal.session.LogRecord.InboundStored;
import io.mqttreactive.netty.internal.session.LogRecord.OutboundRemoved;
import io.mqttreactive.netty.internal.session.LogRecord.OutboundStateChanged;
import io.mqttreactive.netty.internal.session.LogRecord.OutboundStored;
import io.mqttreactive.spi.SessionStore;
import io.mqttreactive.spi.StoredPublish;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The durable {@link SessionStore}: session state (MQTT 3.1.1 and 5.0 section 4.1) in an append-only
 * {@link LogFile} with checksummed records, mirrored by a {@link SessionIndex} in memory, so that outbound QoS 1
 * and 2 messages and inbound QoS 2 packet identifiers survive a process crash and, with {@link LogConfig.Sync#ALWAYS},
 * a power loss. Opening keeps every record it can prove intact and discards damaged ones (see {@link LogFile}),
 * rewriting the log when damaged records sat between intact ones, and tells clients through
 * {@link #discardedOnOpen()}.
 *
 * <p>Threading: each store owns one daemon platform thread, {@code mqtt-session-store-N} (its {@link LogWorker}),
 * that alone touches the index and the file. Subscribing to an operation only puts it on a lock-free queue and
 * unparks that thread, so callers never block, on an event loop or elsewhere, and operations are applied in the
 * order they were subscribed. The thread takes operations in batches, applies them to the index, writes their
 * records with one gathering write, forces the file once if the sync mode is {@code ALWAYS} (group commit),
 * and only then signals each operation's publisher, on that thread: subscribers must not block there. An
 * operation refused by the limits or by its arguments writes nothing and signals its error. Cancelling a
 * subscription does not undo an operation already queued.
 *
 * <p>After an I/O error the store is failed: the batch it hit and every later operation signal an
 * {@link UncheckedIOException}; reopening the directory replays what reached the file. {@link #close()} writes
 * what is queued, forces the file (whatever the sync mode), and releases the directory.
 *
 * <p>The log is compacted on the store's thread between batches, once it is at least
 * {@link LogConfig#compactionThreshold()} long and more than twice the size of the live records: the live
 * records are written to a new file that atomically replaces the log. Its size therefore stays below about
 * twice the live records (bounded by {@link SessionLimits}) or the threshold, whichever is larger.
 */
public final class LogSessionStore implements SessionStore, AutoCloseable {

    private final LogConfig config;
    private final LogFile log;
    private final LogWorker worker;

    private LogSessionStore(LogConfig config, LogFile log, LogWorker worker) {
        this.config = config;
        this.log = log;
        this.worker = worker;
    }

    /**
     * Opens the store of a directory, creating it if needed, and replays its log on the calling thread, which
     * therefore blocks: never call this on an event loop.
     *
     * @param config the configuration
     * @return the open store
     * @throws IllegalStateException if another store has the directory open
     * @throws IOException           if the directory or log cannot be used (see {@link LogFile#open})
     */
    public static LogSessionStore open(LogConfig config) throws IOException {
        SessionIndex index = new SessionIndex(config.limits());
        LogFile log = LogFile.open(config.directory(), index::apply);
        if (log.damagedInside()) {
            try {
                log.rewrite(frames -> index.forEachLiveRecord(record -> frames.accept(LogRecordCodec.encode(record))));
            } catch (IOException | RuntimeException e) {
                log.close();
                throw e;
            }
        }
        return new LogSessionStore(config, log, new LogWorker(config, index, log));
    }

    @Override
    public Flux<StoredPublish> loadOutbound(String clientId) {
        return worker.submit((index, writer) -> index.outbound(requireClientId(clientId)))
                .flatMapIterable(Function.identity());
    }

    @Override
    public Mono<Void> storeOutbound(String clientId, StoredPublish publish) {
        return update((index, writer) -> {
            Objects.requireNonNull(publish, "publish");
            switch (index.storeOutbound(requireClientId(clientId), publish, true)) {
                case ADDED, REPLACED -> writer.append(new OutboundStored(clientId, publish));
                case STATE_CHANGED -> writer.append(new OutboundStateChanged(clientId, publish.packetId(),
                        publish.state()));
                case UNCHANGED -> { }
            }
            return null;
        });
    }

    @Override
    public Mono<Void> removeOutbound(String clientId, int packetId) {
        return update((index, writer) -> {
            if (index.removeOutbound(requireClientId(clientId), StoreArguments.packetId(packetId))) {
                writer.append(new OutboundRemoved(clientId, packetId));
            }
            return null;
        });
    }

    @Override
    public Flux<Integer> loadInbound(String clientId) {
        return worker.submit((index, writer) -> index.inbound(requireClientId(clientId)))
                .flatMapIterable(Function.identity());
    }

    @Override
    public Mono<Void> storeInbound(String clientId, int packetId) {
        return update((index, writer) -> {
            if (index.storeInbound(requireClientId(clientId), StoreArguments.packetId(packetId))) {
                writer.append(new InboundStored(clientId, packetId));
            }
            return null;
        });
    }

    @Override
    public Mono<Void> removeInbound(String clientId, int packetId) {
        return update((index, writer) -> {
            if (index.removeInbound(requireClientId(clientId), StoreArguments.packetId(packetId))) {
                writer.append(new InboundRemoved(clientId, packetId));
            }
            return null;
        });
    }

    @Override
    public Mono<Void> clear(String clientId) {
        return update((index, writer) -> {
            if (index.clear(requireClientId(clientId))) {
                writer.append(new Cleared(clientId));
            }
            return null;
        });
    }

    /**
     * Compacts the log now, whatever its size, after the operations subscribed before.
     *
     * @return a {@code Mono} completing once the compacted log replaced the old one
     */
    public Mono<Void> compact() {
        return worker.compact();
    }

    /**
     * Writes what is queued, forces the file (under every sync mode), closes it and releases the directory;
     * operations subscribed afterwards signal {@link IllegalStateException}. Blocks until done unless called on
     * the store's own thread, so never call it on an event loop; idempotent.
     *
     * @throws UncheckedIOException if the last writes could not be forced to the storage device
     */
    @Override
    public void close() {
        worker.close();
    }

    /** Returns the number of records replayed when the store was opened. */
    public long replayedRecords() {
        return log.replayedRecords();
    }

    /** Returns the number of bytes discarded on open as damaged or cut short. */
    public long discardedBytes() {
        return log.discarded().stream().mapToLong(SessionStoreRecordsDiscarded.Range::length).sum();
    }

    /** Returns the damaged or cut-short records discarded on open, if any. */
    @Override
    public Optional<SessionStoreRecordsDiscarded> discardedOnOpen() {
        return log.discarded().isEmpty() ? Optional.empty()
                : Optional.of(new SessionStoreRecordsDiscarded(log.path().toString(), log.discarded()));
    }

    /** Returns the number of compactions since the store was opened. */
    public int compactions() {
        return worker.compactions();
    }

    /** Returns the path of the log file. */
    public Path logPath() {
        return log.path();
    }

    @Override
    public String toString() {
        return "LogSessionStore{" + log.path() + ", sync=" + config.sync()
                + (config.sync() == LogConfig.Sync.PERIODIC ? " every " + config.syncInterval() : "") + "}";
    }

    private Mono<Void> update(LogWorker.Action<Void> action) {
        return worker.submit(action).then();
    }

    private static String requireClientId(String clientId) {
        return Objects.requireNonNull(clientId, "clientId");
    }
}
