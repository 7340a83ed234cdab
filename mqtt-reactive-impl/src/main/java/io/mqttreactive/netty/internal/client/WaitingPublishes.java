package io.mqttreactive.netty.internal.client;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import java.util.ArrayDeque;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import reactor.core.publisher.MonoSink;

/**
 * The messages of {@code publish(Publisher)} streams that found the pending (or, offline, the offline) queue
 * full: they wait here, in arrival order, instead of failing, and go on as room frees up; meanwhile their streams
 * request nothing more, since each stream has at most its window of messages out. So this holds at most the sum
 * of the open streams' windows, and streams share the room in the order their messages arrived. A cancelled one
 * is withdrawn. Confined to the event loop, except the cancel flag.
 */
final class WaitingPublishes {

    private final ArrayDeque<QueuedPublish> queue = new ArrayDeque<>();

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }

    void add(MqttMessage message, MonoSink<PublishResult> sink) {
        queue.add(new QueuedPublish(message, sink));
    }

    /** Hands on, oldest first, every waiting message that {@code fits}, up to the first that does not. */
    void admit(Predicate<MqttMessage> fits, BiConsumer<MqttMessage, MonoSink<PublishResult>> submit) {
        while (!queue.isEmpty() && (queue.peek().cancellation.isCancelled() || fits.test(queue.peek().message))) {
            QueuedPublish entry = queue.poll();
            if (!entry.cancellation.isCancelled()) {
                submit.accept(entry.message, entry);
            }
        }
    }

    void failAll(Throwable cause) {
        for (QueuedPublish entry; (entry = queue.poll()) != null; ) {
            entry.sink.error(cause);
        }
    }
}
