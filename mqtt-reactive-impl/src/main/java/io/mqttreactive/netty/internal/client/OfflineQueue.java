package io.mqttreactive.netty.internal.client;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.options.OfflineQueueOverflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.MonoSink;

/**
 * The offline queue: the publishes made while the client is not connected, in a first-in, first-out queue
 * bounded in messages and in payload bytes. When it is full, the new publish fails with
 * {@link MqttBufferFullException}, or the oldest are dropped, failed, counted and told as
 * {@link MqttClientEvent.OfflinePublishDropped} events until the new one fits, as {@link OfflineQueueOverflow}
 * says. On connection the queued publishes go, in order, to the outgoing flow; a cancelled one is withdrawn.
 * Confined to the event loop, except the cancel flag.
 */
final class OfflineQueue {

    private final int capacity;
    private final long capacityBytes;
    private final OfflineQueueOverflow overflow;
    private final Consumer<MqttClientEvent> events;
    private final ArrayDeque<QueuedPublish> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long dropped;

    OfflineQueue(int capacity, long capacityBytes, OfflineQueueOverflow overflow, Consumer<MqttClientEvent> events) {
        this.capacity = capacity;
        this.capacityBytes = capacityBytes;
        this.overflow = overflow;
        this.events = events;
    }

    void add(MqttMessage message, MonoSink<PublishResult> sink) {
        if (!hasRoomFor(message)) {
            removeCancelled();
        }
        if (!hasRoomFor(message)) {
            if (overflow == OfflineQueueOverflow.FAIL_NEW || capacity == 0) {
                sink.error(full(message));
                return;
            }
            MqttBufferFullException full = full(message);
            List<QueuedPublish> oldest = new ArrayList<>();
            while (!hasRoomFor(message)) {
                oldest.add(poll());
            }
            enqueue(message, sink);
            for (QueuedPublish drop : oldest) {
                dropped++;
                events.accept(new MqttClientEvent.OfflinePublishDropped(drop.message.topic(), drop.message.qos(),
                        dropped));
                drop.sink.error(full);
            }
            return;
        }
        enqueue(message, sink);
    }

    private void enqueue(MqttMessage message, MonoSink<PublishResult> sink) {
        queue.add(new QueuedPublish(message, sink));
        queuedBytes += message.payloadSize();
    }

    /**
     * Empties the queue, oldest first: hands each publish to {@code submit} while they {@code fit}, and the first
     * that does not and all after it to {@code rest}, in order. Cancelled ones are left out.
     */
    void drainTo(Predicate<MqttMessage> fits, BiConsumer<MqttMessage, MonoSink<PublishResult>> submit,
            Consumer<QueuedPublish> rest) {
        boolean full = false;
        for (QueuedPublish entry; (entry = poll()) != null; ) {
            if (entry.cancellation.isCancelled()) {
                continue;
            }
            full = full || !fits.test(entry.message);
            if (full) {
                rest.accept(entry);
            } else {
                submit.accept(entry.message, entry);
            }
        }
    }

    void failAll(Throwable cause) {
        for (QueuedPublish entry; (entry = poll()) != null; ) {
            entry.sink.error(cause);
        }
    }

    /** An empty queue takes one message of any size; otherwise both bounds must hold after adding it. */
    boolean hasRoomFor(MqttMessage message) {
        return queue.isEmpty() && capacity > 0
                || queue.size() < capacity && queuedBytes + message.payloadSize() <= capacityBytes;
    }

    private void removeCancelled() {
        queue.removeIf(entry -> {
            if (entry.cancellation.isCancelled()) {
                queuedBytes -= entry.message.payloadSize();
                return true;
            }
            return false;
        });
    }

    private @Nullable QueuedPublish poll() {
        QueuedPublish entry = queue.poll();
        if (entry != null) {
            queuedBytes -= entry.message.payloadSize();
        }
        return entry;
    }

    int size() {
        return queue.size();
    }

    long dropped() {
        return dropped;
    }

    /** The error of a publish the queue has no room for, naming the bound {@code message} would pass. */
    private MqttBufferFullException full(MqttMessage message) {
        if (queue.size() < capacity) {
            return new MqttBufferFullException("offline queue (payload bytes)",
                    (int) Math.min(capacityBytes, Integer.MAX_VALUE));
        }
        return new MqttBufferFullException("offline queue", capacity);
    }
}
