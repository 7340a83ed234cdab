package io.mqttreactive.benchmarks.contestants;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link BenchPublisher} over a callback-style asynchronous publish API, with at most {@code window} messages
 * outstanding. The benchmark thread waits for a free slot; the library's threads only complete the callbacks.
 */
final class WindowedPublishing implements BenchPublisher {

    /** Starts one publish and completes {@code done} when the library reports its outcome. */
    @FunctionalInterface
    interface AsyncPublish {
        void publish(String topic, byte[] payload, int qos, CompletableFuture<Void> done) throws Exception;
    }

    /** Disconnects the client. */
    @FunctionalInterface
    interface Disconnect {
        void disconnect() throws Exception;
    }

    private final AsyncPublish client;
    private final Disconnect disconnect;
    private final int window;
    private final Semaphore pacedSlots;

    WindowedPublishing(AsyncPublish client, Disconnect disconnect, int window) {
        this.client = client;
        this.disconnect = disconnect;
        this.window = window;
        this.pacedSlots = new Semaphore(window);
    }

    @Override
    public void close() throws Exception {
        disconnect.disconnect();
    }

    /**
     * Publishes one message once a slot is free. Waiting here delays the paced sender, which the latency
     * scenario counts, since each message carries the time it was meant to leave.
     */
    @Override
    public void publishAsync(String topic, byte[] payload, int qos) {
        try {
            pacedSlots.acquire();
            CompletableFuture<Void> done = new CompletableFuture<>();
            done.whenComplete((ok, error) -> pacedSlots.release());
            client.publish(topic, payload, qos, done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long publishFor(String topic, byte[] payload, int qos, Duration duration) throws Exception {
        Semaphore slots = new Semaphore(window);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + duration.toNanos();
        long published = 0;
        while (System.nanoTime() < deadline && failure.get() == null) {
            slots.acquire();
            CompletableFuture<Void> done = new CompletableFuture<>();
            done.whenComplete((ok, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                slots.release();
            });
            client.publish(topic, payload, qos, done);
            published++;
        }
        if (!slots.tryAcquire(window, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("acknowledgements still outstanding after 60 s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publish failed", failure.get());
        }
        CompletableFuture<Void> fence = new CompletableFuture<>();
        client.publish(topic, new byte[0], 1, fence);
        fence.get(30, TimeUnit.SECONDS);
        return published;
    }
}
