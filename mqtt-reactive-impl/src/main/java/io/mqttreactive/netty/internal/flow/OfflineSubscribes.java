package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.netty.internal.routing.MessageSubscriber;
import io.mqttreactive.options.OfflineQueueOverflow;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The subscriptions made while the client is not connected, waiting for their SUBSCRIBE in a bounded first-in,
 * first-out queue. When it is full, the new subscription is refused, or the oldest is dropped, counted and told as an
 * {@link MqttClientEvent.OfflineSubscriptionDropped} event, as {@link OfflineQueueOverflow} says; the caller fails
 * the one left out with {@link #full()}. Confined to the event loop.
 */
final class OfflineSubscribes {

    private final int capacity;
    private final OfflineQueueOverflow overflow;
    private final Consumer<MqttClientEvent> events;
    private final ArrayDeque<PendingSubscribe> queue = new ArrayDeque<>();
    private long dropped;

    OfflineSubscribes(int capacity, OfflineQueueOverflow overflow, Consumer<MqttClientEvent> events) {
        this.capacity = capacity;
        this.overflow = overflow;
        this.events = events;
    }

    /**
     * Queues a subscription.
     *
     * @return the subscription left out for lack of room: the new one, or the oldest, dropped; null if none
     */
    @Nullable PendingSubscribe add(PendingSubscribe pending) {
        if (queue.size() < capacity) {
            queue.add(pending);
            return null;
        }
        if (overflow == OfflineQueueOverflow.FAIL_NEW || capacity == 0) {
            return pending;
        }
        PendingSubscribe oldest = queue.poll();
        queue.add(pending);
        dropped++;
        events.accept(new MqttClientEvent.OfflineSubscriptionDropped(oldest.sentFilters(), dropped));
        return oldest;
    }

    /** Queues a subscription whatever the bound. */
    void addPastBound(PendingSubscribe pending) {
        queue.add(pending);
    }

    MqttBufferFullException full() {
        return new MqttBufferFullException("offline subscription queue", capacity);
    }

    @Nullable PendingSubscribe poll() {
        return queue.poll();
    }

    /** Removes and returns the subscriptions of a subscriber. */
    List<PendingSubscribe> remove(MessageSubscriber subscriber) {
        List<PendingSubscribe> removed = stream().filter(pending -> pending.subscriber() == subscriber).toList();
        queue.removeIf(pending -> pending.subscriber() == subscriber);
        return removed;
    }

    Stream<PendingSubscribe> stream() {
        return queue.stream();
    }

    void clear() {
        queue.clear();
    }
}
