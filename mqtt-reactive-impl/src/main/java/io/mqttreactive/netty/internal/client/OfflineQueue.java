package io.mqttreactive.netty.internal.client;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.options.OfflineQueueOverflow;
import java.util.ArrayDeque;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.MonoSink;
import reactor.util.context.Context;

/**
 * The offline queue: the publishes made while the client is not connected, in a bounded first-in,
 * first-out queue. When it is full, the new publish fails with {@link MqttBufferFullException}, or the oldest is
 * dropped, failed, counted and told as an {@link MqttClientEvent.OfflinePublishDropped} event, as
 * {@link OfflineQueueOverflow} says. On connection the queued publishes go, in order, to the outgoing flow; a
 * cancelled one is withdrawn. Confined to the event loop, except the cancel flag.
 */
final class OfflineQueue {

    private final int capacity;
    private final OfflineQueueOverflow overflow;
    private final Consumer<MqttClientEvent> events;
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private long dropped;

    OfflineQueue(int capacity, OfflineQueueOverflow overflow, Consumer<MqttClientEvent> events) {
        this.capacity = capacity;
        this.overflow = overflow;
        this.events = events;
    }

    void add(MqttMessage message, MonoSink<PublishResult> sink) {
        if (queue.size() >= capacity) {
            queue.removeIf(entry -> entry.cancellation.isCancelled());
        }
        if (queue.size() >= capacity) {
            if (overflow == OfflineQueueOverflow.FAIL_NEW || capacity == 0) {
                sink.error(full());
                return;
            }
            Entry oldest = queue.poll();
            queue.add(new Entry(message, sink));
            dropped++;
            events.accept(new MqttClientEvent.OfflinePublishDropped(oldest.message.topic(), oldest.message.qos(),
                    dropped));
            oldest.sink.error(full());
            return;
        }
        queue.add(new Entry(message, sink));
    }

    /** Hands every queued publish, oldest first, to {@code submit}; cancelled ones are left out. */
    void drainTo(BiConsumer<MqttMessage, MonoSink<PublishResult>> submit) {
        for (Entry entry; (entry = queue.poll()) != null; ) {
            if (!entry.cancellation.isCancelled()) {
                submit.accept(entry.message, entry);
            }
        }
    }

    void failAll(Throwable cause) {
        for (Entry entry; (entry = queue.poll()) != null; ) {
            entry.sink.error(cause);
        }
    }

    int size() {
        return queue.size();
    }

    long dropped() {
        return dropped;
    }

    private MqttBufferFullException full() {
        return new MqttBufferFullException("offline queue", capacity);
    }

    /**
     * A queued publish, and the sink it is handed on as: the caller's sink takes one cancel callback only, which
     * the queue holds, so the callback of whoever takes the publish next is kept here and run on cancel.
     */
    private static final class Entry implements MonoSink<PublishResult> {

        final MqttMessage message;
        final MonoSink<PublishResult> sink;
        final CancelRelay cancellation = new CancelRelay();

        Entry(MqttMessage message, MonoSink<PublishResult> sink) {
            this.message = message;
            this.sink = sink;
            sink.onCancel(cancellation::cancel);
        }

        @Override
        public MonoSink<PublishResult> onCancel(Disposable callback) {
            cancellation.onCancel(callback);
            return this;
        }

        @Override
        public void success() {
            sink.success();
        }

        @Override
        public void success(@Nullable PublishResult result) {
            sink.success(result);
        }

        @Override
        public void error(Throwable failure) {
            sink.error(failure);
        }

        @Override
        @SuppressWarnings("deprecation")
        public Context currentContext() {
            return sink.currentContext();
        }

        @Override
        public MonoSink<PublishResult> onRequest(java.util.function.LongConsumer consumer) {
            sink.onRequest(consumer);
            return this;
        }

        @Override
        public MonoSink<PublishResult> onDispose(Disposable callback) {
            sink.onDispose(callback);
            return this;
        }
    }
}
