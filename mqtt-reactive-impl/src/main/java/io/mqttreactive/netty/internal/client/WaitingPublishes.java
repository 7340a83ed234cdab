package io.mqttreactive.netty.internal.client;

import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import reactor.core.publisher.MonoSink;

/**
 * The publishes that found the pending (or, offline, the offline) queue full and wait for room instead of failing,
 * in arrival order, going on as room frees up. Messages of {@code publish(Publisher)} streams wait as long as it
 * takes; meanwhile their streams request nothing more, since each stream has at most its window of messages out,
 * so they number at most the sum of the open streams' windows. Single publishes wait up to {@code maximumWait},
 * at most {@code maximumSingles} of them at once, and then fail with {@link MqttBufferFullException}. A cancelled
 * one is withdrawn. Confined to the event loop, except the cancel flag.
 */
final class WaitingPublishes {

    private final ArrayDeque<QueuedPublish> queue = new ArrayDeque<>();
    private final EventLoop eventLoop;
    private final Duration maximumWait;
    private final int maximumSingles;
    private int singles;

    WaitingPublishes(EventLoop eventLoop, Duration maximumWait, int maximumSingles) {
        this.eventLoop = eventLoop;
        this.maximumWait = maximumWait;
        this.maximumSingles = maximumSingles;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }

    /** Tells whether single publishes may wait for room at all. */
    boolean singlesWait() {
        return !maximumWait.isZero();
    }

    /** A stream's message waits, for as long as it takes. */
    void add(MqttMessage message, MonoSink<PublishResult> sink) {
        queue.add(new QueuedPublish(message, sink));
    }

    /**
     * Puts publishes in front of those waiting, in the given order: older ones, such as those of the offline queue
     * that found no room in the pending queue on connection. They wait as long as it takes, since they had been
     * accepted already.
     */
    void addFirst(List<QueuedPublish> older) {
        for (int i = older.size() - 1; i >= 0; i--) {
            queue.addFirst(older.get(i));
        }
    }

    /** A single publish waits up to the maximum wait, unless as many wait already as may. */
    void addSingle(MqttMessage message, MonoSink<PublishResult> sink) {
        if (singles == maximumSingles) {
            sink.error(new MqttBufferFullException("queue of single publishes waiting for room", maximumSingles));
            return;
        }
        SingleWait single = new SingleWait(message, sink);
        if (single.cancellation.isCancelled()) {
            return;
        }
        single.expiry = eventLoop.schedule(() -> expire(single), maximumWait.toNanos(), TimeUnit.NANOSECONDS);
        single.cancellation.onCancel(() -> withdrawOnEventLoop(single));
        singles++;
        queue.add(single);
    }

    /** Hands on, oldest first, every waiting message that {@code fits}, up to the first that does not. */
    void admit(Predicate<MqttMessage> fits, BiConsumer<MqttMessage, MonoSink<PublishResult>> submit) {
        while (!queue.isEmpty() && (queue.peek().cancellation.isCancelled() || fits.test(queue.peek().message))) {
            QueuedPublish entry = remove(queue.poll());
            if (!entry.cancellation.isCancelled()) {
                submit.accept(entry.message, entry);
            }
        }
    }

    void failAll(Throwable cause) {
        for (QueuedPublish entry; (entry = queue.poll()) != null; ) {
            remove(entry).sink.error(cause);
        }
    }

    /** A cancelled single publish leaves at once, so that it holds no place among the waiting singles. */
    private void withdrawOnEventLoop(SingleWait single) {
        if (eventLoop.inEventLoop()) {
            withdraw(single);
            return;
        }
        try {
            eventLoop.execute(() -> withdraw(single));
        } catch (RejectedExecutionException closed) {
            // the client closed, and failed everything waiting
        }
    }

    private void withdraw(SingleWait single) {
        if (queue.remove(single)) {
            remove(single);
        }
    }

    private void expire(SingleWait single) {
        if (queue.remove(single)) {
            remove(single).sink.error(new MqttBufferFullException("publish queue", maximumSingles, maximumWait));
        }
    }

    /** Accounts for an entry that left the queue. */
    private QueuedPublish remove(QueuedPublish entry) {
        if (entry instanceof SingleWait single) {
            singles--;
            single.expiry.cancel(false);
        }
        return entry;
    }

    /** A single publish waiting, with the timer that fails it when its wait is up. */
    private static final class SingleWait extends QueuedPublish {

        private ScheduledFuture<?> expiry;

        SingleWait(MqttMessage message, MonoSink<PublishResult> sink) {
            super(message, sink);
        }
    }
}
