package io.mqttreactive.netty.internal.client;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.netty.channel.EventLoop;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.MonoSink;

/**
 * Brings publishes onto the client's event loop in the order they are made. A publish made on the event loop
 * itself, as when a stream's next message is requested by the previous one's acknowledgement, runs at once unless
 * publishes handed over from other threads still wait there, so publishing order is kept without a task per
 * message.
 */
final class PublishHandOver {

    private final EventLoop eventLoop;
    private final ClientCore core;
    private final AtomicInteger waitingTasks = new AtomicInteger();

    PublishHandOver(EventLoop eventLoop, ClientCore core) {
        this.eventLoop = eventLoop;
        this.core = core;
    }

    /** Publishes now if that keeps the order, else on the event loop after what waits there. */
    void publish(MqttMessage message, MonoSink<PublishResult> sink) {
        if (mayPublishNow()) {
            core.publish(message, sink, false);
        } else {
            handOver(() -> core.publish(message, sink, false));
        }
    }

    /** Tells whether a publish made on this thread may run at once, on the event loop, without passing others. */
    boolean mayPublishNow() {
        return eventLoop.inEventLoop() && waitingTasks.get() == 0;
    }

    /** Publishes a stream's message on the event loop, only there; it waits for room in a full queue. */
    void publishNow(MqttMessage message, MonoSink<PublishResult> sink) {
        core.publish(message, sink, true);
    }

    /** Runs {@code publishing} on the event loop, after the publishes handed over before it. */
    void handOver(Runnable publishing) {
        waitingTasks.incrementAndGet();
        eventLoop.execute(() -> {
            waitingTasks.decrementAndGet();
            publishing.run();
        });
    }
}
