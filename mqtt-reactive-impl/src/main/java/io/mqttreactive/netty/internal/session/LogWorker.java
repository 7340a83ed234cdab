package io.mqttreactive.netty.internal.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * The one thread of a {@link LogSessionStore} and what it does: takes the queued operations in batches (up to
 * 4,096 operations or 4 MiB of records), applies each to the {@link SessionIndex}, appends their records to the
 * {@link LogFile} with one gathering write, forces the file once per batch under {@link LogConfig.Sync#ALWAYS}
 * (group commit) or at most the interval later under {@code PERIODIC}, then signals each operation in order.
 * Between batches it compacts the log when due. Callers only offer to a lock-free queue and unpark the thread.
 *
 * <p>After an I/O error it is failed: the batch it hit and every later operation signal an
 * {@link UncheckedIOException}. Closing runs the operations queued before, forces what is unforced (under every
 * mode), closes the file and fails what is queued after.
 */
final class LogWorker {

    /** What an operation does on the store's thread: reads or changes the index and logs its records. */
    interface Action<T> {
        @Nullable T run(SessionIndex index, LogWorker writer);
    }

    private static final Logger LOG = Loggers.getLogger(LogWorker.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int MAX_BATCH_OPERATIONS = 4096;
    private static final long MAX_BATCH_BYTES = 4L << 20;

    private enum Kind { APPLY, COMPACT, CLOSE }

    private final LogConfig config;
    private final Queue<Operation<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile int compactions;

    private final SessionIndex index;
    private final LogFile log;
    private final List<ByteBuffer> pending = new ArrayList<>();
    private long pendingBytes;
    private boolean unsynced;
    private long unsyncedSince;
    private long compactionFloor;
    private @Nullable IOException failure;

    LogWorker(LogConfig config, SessionIndex index, LogFile log) {
        this.config = config;
        this.index = index;
        this.log = log;
        this.thread = new Thread(this::work, "mqtt-session-store-" + THREADS.incrementAndGet());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Returns a cold {@code Mono} that queues the action on each subscription and signals its result. */
    <T> Mono<T> submit(Action<T> action) {
        return submit(Kind.APPLY, action);
    }

    /** Returns a cold {@code Mono} that compacts the log after the operations queued before. */
    Mono<Void> compact() {
        return submit(Kind.COMPACT, (index, writer) -> null);
    }

    /** Appends a record to the batch being applied; only for actions, on the store's thread. */
    void append(LogRecord record) {
        ByteBuffer frame = LogRecordCodec.encode(record);
        pending.add(frame);
        pendingBytes += frame.remaining();
    }

    /** Closes as {@link LogSessionStore#close()} says. */
    void close() {
        if (closing.compareAndSet(false, true)) {
            queue.offer(new Operation<>(Kind.CLOSE, (index, writer) -> null, null));
            LockSupport.unpark(thread);
        }
        if (Thread.currentThread() != thread) {
            try {
                terminated.join();
            } catch (CompletionException e) {
                throw (UncheckedIOException) e.getCause();
            }
        }
    }

    int compactions() {
        return compactions;
    }

    private <T> Mono<T> submit(Kind kind, Action<T> action) {
        return Mono.create(sink -> enqueue(new Operation<>(kind, action, sink)));
    }

    private void enqueue(Operation<?> operation) {
        if (closing.get()) {
            operation.fail(closed());
            return;
        }
        queue.offer(operation);
        LockSupport.unpark(thread);
        if (stopped && queue.remove(operation)) {
            operation.fail(closed());
        }
    }

    private void work() {
        List<Operation<?>> batch = new ArrayList<>();
        try {
            while (true) {
                Operation<?> barrier = takeBatch(batch);
                if (!batch.isEmpty()) {
                    commit(batch);
                    batch.clear();
                } else if (barrier == null) {
                    idle();
                }
                if (barrier != null && barrier.kind == Kind.CLOSE) {
                    return;
                }
                if (barrier != null) {
                    compactNow(barrier);
                }
                syncIfDue();
                compactIfDue();
            }
        } catch (Throwable t) {
            LOG.error("Session store {} failed", log.path(), t);
            failure = failure != null ? failure : new IOException("session store thread failed", t);
            batch.forEach(operation -> operation.fail(failed()));
        } finally {
            shutdown();
        }
    }

    /** Applies queued updates into the batch; returns the compaction or close that ends it, if any. */
    private @Nullable Operation<?> takeBatch(List<Operation<?>> batch) {
        while (batch.size() < MAX_BATCH_OPERATIONS && pendingBytes < MAX_BATCH_BYTES) {
            Operation<?> operation = queue.poll();
            if (operation == null || operation.kind != Kind.APPLY) {
                return operation;
            }
            if (failure != null) {
                operation.error = failed();
            } else {
                operation.apply(index, this);
            }
            batch.add(operation);
        }
        return null;
    }

    /** Writes the batch's records, forces them if the mode says so, then signals every operation. */
    private void commit(List<Operation<?>> batch) {
        if (!pending.isEmpty()) {
            try {
                log.append(pending);
                if (config.sync() == LogConfig.Sync.ALWAYS) {
                    sync();
                } else if (!unsynced) {
                    unsynced = true;
                    unsyncedSince = System.nanoTime();
                }
            } catch (IOException e) {
                fail(e);
                batch.stream().filter(operation -> operation.error == null).forEach(op -> op.error = failed());
            } finally {
                pending.clear();
                pendingBytes = 0;
            }
        }
        batch.forEach(Operation::signal);
    }

    private void idle() {
        if (config.sync() == LogConfig.Sync.PERIODIC && unsynced) {
            long wait = unsyncedSince + config.syncInterval().toNanos() - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
            }
        } else {
            LockSupport.park(this);
        }
    }

    private void syncIfDue() {
        if (config.sync() == LogConfig.Sync.PERIODIC && unsynced && failure == null
                && System.nanoTime() - unsyncedSince >= config.syncInterval().toNanos()) {
            try {
                sync();
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    private void sync() throws IOException {
        log.force();
        unsynced = false;
        config.syncListener().run();
    }

    private void compactIfDue() {
        long size = log.size();
        if (failure == null && size >= config.compactionThreshold() && size >= compactionFloor
                && size > 2 * (LogFile.HEADER_SIZE + index.liveBytes())) {
            try {
                rewrite();
            } catch (IOException e) {
                compactionFloor = 2 * size;
                LOG.warn("Session log {}: compaction failed, trying again at {} bytes: {}", log.path(),
                        compactionFloor, e.toString());
            }
        }
    }

    private void compactNow(Operation<?> operation) {
        if (failure != null) {
            operation.error = failed();
        } else {
            try {
                rewrite();
            } catch (IOException e) {
                operation.error = new UncheckedIOException(e);
            }
        }
        operation.signal();
    }

    private void rewrite() throws IOException {
        log.rewrite(frames -> index.forEachLiveRecord(record -> frames.accept(LogRecordCodec.encode(record))));
        unsynced = false;
        compactionFloor = 0;
        compactions++;
    }

    private void shutdown() {
        IOException closeFailure = null;
        if (failure == null && unsynced) {
            try {
                sync();
            } catch (IOException e) {
                fail(e);
                closeFailure = e;
            }
        }
        try {
            log.close();
        } catch (IOException e) {
            LOG.warn("Session log {}: closing failed: {}", log.path(), e.toString());
        }
        stopped = true;
        for (Operation<?> operation = queue.poll(); operation != null; operation = queue.poll()) {
            operation.fail(closed());
        }
        if (closeFailure != null) {
            terminated.completeExceptionally(new UncheckedIOException("the session store " + log.path()
                    + " could not force its last writes on close", closeFailure));
        } else {
            terminated.complete(null);
        }
    }

    private void fail(IOException e) {
        LOG.error("Session log {}: I/O failed; the store refuses every further operation", log.path(), e);
        failure = e;
    }

    private UncheckedIOException failed() {
        return new UncheckedIOException("the session store " + log.path() + " failed earlier", failure);
    }

    private IllegalStateException closed() {
        return new IllegalStateException("the session store " + log.path() + " is closed");
    }

    /** One queued call: what to do on the store's thread, and the sink to signal afterwards. */
    private static final class Operation<T> {

        final Kind kind;
        private final Action<T> action;
        private final @Nullable MonoSink<T> sink;
        private @Nullable T result;
        @Nullable RuntimeException error;

        Operation(Kind kind, Action<T> action, @Nullable MonoSink<T> sink) {
            this.kind = kind;
            this.action = action;
            this.sink = sink;
        }

        void apply(SessionIndex index, LogWorker writer) {
            try {
                result = action.run(index, writer);
            } catch (RuntimeException e) {
                error = e;
            }
        }

        void signal() {
            if (error != null) {
                fail(error);
            } else if (sink != null) {
                try {
                    if (result == null) {
                        sink.success();
                    } else {
                        sink.success(result);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("A session store subscriber failed", e);
                }
            }
        }

        void fail(RuntimeException e) {
            if (sink != null) {
                try {
                    sink.error(e);
                } catch (RuntimeException thrown) {
                    LOG.warn("A session store subscriber failed", thrown);
                }
            }
        }
    }
}
