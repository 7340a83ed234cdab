package io.mqttreactive.netty;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.netty.internal.session.LogConfig;
import io.mqttreactive.netty.internal.session.LogSessionStore;
import io.mqttreactive.netty.internal.session.SessionLimits;
import io.mqttreactive.spi.SessionStore;
import io.mqttreactive.spi.StoredPublish;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A durable {@link SessionStore}: keeps the session state of its clients (outbound QoS 1 and 2 messages in
 * flight, with their state, and inbound QoS 2 packet identifiers awaiting PUBREL) in a directory, so that a
 * client restarted with the same client identifier and store resumes its unfinished messages after a process
 * crash. Use it through the session options:
 *
 * <pre>{@code
 * FileSessionStore store = FileSessionStore.open(Path.of("/var/lib/app/mqtt-session"));
 * MqttClientOptions options = MqttClientOptions.builder()
 *         ...
 *         .session(SessionOptions.DEFAULT.withCleanStart(false).withStore(store))
 *         .build();
 * // at shutdown, after the clients are closed:
 * store.close();
 * }</pre>
 *
 * <p><b>Durability.</b> Every change is appended as a checksummed record to {@code session.log} in the
 * directory; an operation's publisher completes after its record was written, and forced to the device as the
 * {@link FsyncPolicy} says ({@link FsyncPolicy#always()} by default). After a crash, opening the store replays
 * the log: a record cut short at its end is discarded, so the store comes back as it was after its last whole
 * record. A record damaged in the middle (its checksum does not match) is discarded on its own and the records
 * after it are kept, but only where the log proves where the next record starts; a damaged length field, which
 * hides that, discards everything from the damage on. What was discarded is logged at WARN and reported once
 * to every client using the store, before its first CONNECT, as a
 * {@link io.mqttreactive.event.MqttClientEvent.SessionStoreRecordsDiscarded} event. A directory is used by one
 * open store at a time
 * (it is locked, across processes too); one store serves any number of client identifiers. The store also
 * keeps its live state in memory, within the same bounds.
 *
 * <p><b>Permissions.</b> The files hold message payloads, topics and client identifiers, so only their owner may
 * read them: on a POSIX file system the directory is created {@code rwx------} and its files {@code rw-------}
 * whatever the umask, and a directory or file found with other permissions is restricted to those on open. On
 * other file systems the files get that file system's defaults.
 *
 * <p><b>Bounds.</b> At most {@link Builder#maxMessages(int)} outbound messages (65,535 by default) whose
 * records take at most {@link Builder#maxBytes(int)} bytes (256 MiB by default), across all client
 * identifiers; past a bound {@link #storeOutbound} signals {@link io.mqttreactive.exception.MqttBufferFullException}
 * and stores nothing. The log is compacted when it is larger than {@link Builder#compactionThreshold(long)} and
 * more than twice the size of its live records.
 *
 * <p><b>Threading.</b> Every store has one I/O thread of its own; the methods of {@link SessionStore} only
 * queue the operation, never block, and may be called on an event loop. Their publishers signal on the store's
 * thread, where subscribers must not block. {@link #open(Path)} (which replays the log) and {@link #close()}
 * block: call them at start-up and shut-down, not on an event loop.
 */
public final class FileSessionStore implements SessionStore, AutoCloseable {

    private final LogSessionStore store;
    private final FsyncPolicy policy;

    private FileSessionStore(LogSessionStore store, FsyncPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    /**
     * Opens the store of a directory with the default settings: {@link FsyncPolicy#always()}, default bounds.
     *
     * @param directory the directory, created if missing
     * @return the open store
     * @throws UncheckedIOException  if the directory or its log cannot be read or written, or the log is not a
     *                               session log of a version this store reads
     * @throws IllegalStateException if another open store uses the directory
     */
    public static FileSessionStore open(Path directory) {
        return builder(directory).open();
    }

    /**
     * Opens the store of a directory with an fsync policy and default bounds.
     *
     * @param directory the directory, created if missing
     * @param policy    when writes are forced to the storage device
     * @return the open store
     * @throws UncheckedIOException  if the directory or its log cannot be used
     * @throws IllegalStateException if another open store uses the directory
     */
    public static FileSessionStore open(Path directory, FsyncPolicy policy) {
        return builder(directory).fsyncPolicy(policy).open();
    }

    /**
     * Returns a builder for a store in a directory.
     *
     * @param directory the directory, created on {@link Builder#open()} if missing
     * @return a builder with the defaults
     */
    public static Builder builder(Path directory) {
        return new Builder(Objects.requireNonNull(directory, "directory"));
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
        return store.storeInbound(clientId, packetId);
    }

    @Override
    public Mono<Void> removeInbound(String clientId, int packetId) {
        return store.removeInbound(clientId, packetId);
    }

    @Override
    public Mono<Void> clear(String clientId) {
        return store.clear(clientId);
    }

    /**
     * Tells what opening the store discarded as damaged or cut short; the clients using the store report it.
     *
     * @return the discarded ranges of the log, or empty if nothing was discarded
     */
    @Override
    public Optional<MqttClientEvent.SessionStoreRecordsDiscarded> discardedOnOpen() {
        return store.discardedOnOpen();
    }

    /**
     * Completes the operations already queued, forces the log to the device (under every policy), closes it
     * and releases the directory. Later operations signal {@link IllegalStateException}. Blocks until done;
     * idempotent.
     *
     * @throws UncheckedIOException if the last writes could not be forced
     */
    @Override
    public void close() {
        store.close();
    }

    /**
     * Describes the store.
     *
     * @return its log file and fsync policy
     */
    @Override
    public String toString() {
        return "FileSessionStore{" + store.logPath() + ", " + policy + "}";
    }

    /**
     * Configures and opens a {@link FileSessionStore}. Not thread-safe.
     */
    public static final class Builder {

        private final Path directory;
        private FsyncPolicy policy = FsyncPolicy.always();
        private int maxMessages = SessionLimits.DEFAULT_MAX_MESSAGES;
        private int maxBytes = SessionLimits.DEFAULT_MAX_BYTES;
        private long compactionThreshold = LogConfig.DEFAULT_COMPACTION_THRESHOLD;

        private Builder(Path directory) {
            this.directory = directory;
        }

        /**
         * Sets when writes are forced to the storage device.
         *
         * @param policy the policy; {@link FsyncPolicy#always()} by default
         * @return this builder
         */
        public Builder fsyncPolicy(FsyncPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets how many outbound messages the store keeps, across all client identifiers.
         *
         * @param maxMessages at least 1; 65,535 by default
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxMessages(int maxMessages) {
            this.maxMessages = new SessionLimits(maxMessages, maxBytes).maxMessages();
            return this;
        }

        /**
         * Sets how many bytes the records of the outbound messages may take, across all client identifiers. A
         * record takes the message's payload, topic and properties, the client identifier, and 30 bytes.
         *
         * @param maxBytes at least 1; 256 MiB by default
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxBytes(int maxBytes) {
            this.maxBytes = new SessionLimits(maxMessages, maxBytes).maxBytes();
            return this;
        }

        /**
         * Sets the log size below which the store never compacts; above it, the store compacts once the log is
         * more than twice the size of its live records.
         *
         * @param bytes zero or more; 4 MiB by default
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder compactionThreshold(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("compactionThreshold must not be negative, was " + bytes);
            }
            this.compactionThreshold = bytes;
            return this;
        }

        /**
         * Opens the store, replaying its log on the calling thread.
         *
         * @return the open store
         * @throws UncheckedIOException  if the directory or its log cannot be used
         * @throws IllegalStateException if another open store uses the directory
         */
        public FileSessionStore open() {
            LogConfig.Sync sync = switch (policy.mode()) {
                case ALWAYS -> LogConfig.Sync.ALWAYS;
                case PERIODIC -> LogConfig.Sync.PERIODIC;
                case NEVER -> LogConfig.Sync.NEVER;
            };
            LogConfig config = LogConfig.of(directory)
                    .withSync(sync, policy.interval().orElse(Duration.ZERO))
                    .withLimits(new SessionLimits(maxMessages, maxBytes))
                    .withCompactionThreshold(compactionThreshold);
            try {
                return new FileSessionStore(LogSessionStore.open(config), policy);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the session store in " + directory, e);
            }
        }
    }
}
