package io.mqttreactive.netty.internal.client;

import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.message.AcknowledgeableMessage;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishReasonCode;
import io.mqttreactive.netty.internal.routing.InboundDelivery;
import io.mqttreactive.netty.internal.routing.MessageSubscriber;
import io.mqttreactive.netty.internal.telemetry.ClientTelemetry;
import io.mqttreactive.netty.internal.telemetry.MessageTracing;
import io.mqttreactive.options.OverflowStrategy;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * One subscriber's end of a subscription: messages wait here until downstream demands them, and are emitted on
 * the event loop. A QoS 1 or 2 message is released to the acknowledgement pipeline once emitted (or, in manual
 * mode, once the application acknowledges it), so demand is what lets the broker send more. In buffer mode
 * ({@link Acknowledgement#onBuffer()}) it is released on arrival instead, while the messages released that way
 * and still here stay within the buffer's bounds (an empty buffer takes one of any size); the others wait
 * unreleased, and as emissions make room the oldest of them are released, so those released on arrival always
 * come before those still waiting. When the subscription ends (cancelled, failed, or ended by {@code disconnect()}
 * or {@code close()}), the unreleased QoS 1 and 2 messages still waiting here are abandoned, never acknowledged:
 * the broker keeps them and sends them again when the session resumes; the released ones are discarded and
 * reported. QoS 0 messages wait in a buffer bounded in messages and in payload bytes, by the overflow strategy;
 * every drop is counted and reported. Downstream demand is counted here, from each request: the sink's own
 * requested count lags behind what was emitted while another thread drains the flux, and trusting it would emit,
 * and acknowledge, messages nobody asked for. Confined to the event loop, except for requests and cancellation,
 * which hop onto it.
 *
 * @param <T> {@link MqttMessage} or {@link AcknowledgeableMessage}
 */
final class SubscriptionSink<T> implements MessageSubscriber {

    /** Hears about every message lost here. */
    interface DropListener {

        /** A full QoS 0 buffer dropped {@code message}. */
        void dropped(SubscriptionSink<?> sink, MqttMessage message, long totalDropped);

        /** The sink ended with messages it had released on arrival and not emitted. */
        void discarded(SubscriptionSink<?> sink, int acknowledged);
    }

    private final EventLoop eventLoop;
    private final FluxSink<T> emitter;
    private final Acknowledgement acknowledgement;
    private final int qos0Capacity;
    private final int qos0CapacityBytes;
    private final OverflowStrategy overflowStrategy;
    private final ReadControl readControl;
    private final DropListener dropListener;
    private final IntConsumer bufferedChange;
    private final @Nullable ClientTelemetry telemetry;
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    /** In buffer mode, the QoS 1 and 2 messages waiting for room in the buffer, oldest first. */
    private final ArrayDeque<Entry> waitingForRoom = new ArrayDeque<>();
    private Consumer<SubscriptionSink<T>> onTerminate = sink -> { };
    private long demand;
    private int qos0Queued;
    private long qos0QueuedBytes;
    private int releasedQueued;
    private long releasedQueuedBytes;
    private long dropped;
    private boolean terminated;

    SubscriptionSink(EventLoop eventLoop, FluxSink<T> emitter, Acknowledgement acknowledgement, int qos0Capacity,
            int qos0CapacityBytes, OverflowStrategy overflowStrategy, ReadControl readControl,
            @Nullable ClientTelemetry telemetry, IntConsumer bufferedChange, DropListener dropListener) {
        this.eventLoop = eventLoop;
        this.emitter = emitter;
        this.acknowledgement = acknowledgement;
        this.qos0Capacity = qos0Capacity;
        this.qos0CapacityBytes = qos0CapacityBytes;
        this.overflowStrategy = overflowStrategy;
        this.readControl = readControl;
        this.dropListener = dropListener;
        this.bufferedChange = bufferedChange;
        this.telemetry = telemetry;
        emitter.onRequest(n -> eventLoop.execute(() -> {
            demand = Operators.addCap(demand, n);
            drain();
        }));
        emitter.onDispose(() -> eventLoop.execute(() -> terminate(null)));
    }

    /** Sets what happens once this sink ends, for whatever reason; called once, on the event loop. */
    void onTerminate(Consumer<SubscriptionSink<T>> onTerminate) {
        this.onTerminate = onTerminate;
    }

    @Override
    public void deliver(MqttMessage message, @Nullable InboundDelivery delivery) {
        if (terminated) {
            if (delivery != null) {
                delivery.abandon();
            }
            return;
        }
        if (delivery == null && !hasQos0RoomFor(message) && !makeRoomForQos0(message)) {
            return;
        }
        Entry entry = new Entry(message, delivery);
        queue.add(entry);
        bufferedChange.accept(1);
        if (delivery != null && acknowledgement.onBuffer()) {
            if (waitingForRoom.isEmpty() && hasReleasedRoomFor(message)) {
                releaseIntoBuffer(entry);
            } else {
                waitingForRoom.add(entry);
            }
        } else if (delivery == null) {
            qos0Queued++;
            qos0QueuedBytes += message.payloadSize();
            if (overflowStrategy == OverflowStrategy.PAUSE_READING && isQos0Full()) {
                readControl.pause(this);
            }
        }
        drain();
    }

    /** Ends the flux with an error. */
    void error(Throwable cause) {
        terminate(cause);
    }

    /** Ends the flux normally. */
    void complete() {
        if (!terminated) {
            emitter.complete();
            terminate(null);
        }
    }

    long droppedCount() {
        return dropped;
    }

    boolean isTerminated() {
        return terminated;
    }

    private boolean makeRoomForQos0(MqttMessage message) {
        switch (overflowStrategy) {
            case DROP_OLDEST -> {
                for (Iterator<Entry> it = queue.iterator(); it.hasNext() && !hasQos0RoomFor(message); ) {
                    Entry oldest = it.next();
                    if (oldest.qos0) {
                        it.remove();
                        bufferedChange.accept(-1);
                        qos0Removed(oldest.message);
                        countDrop(oldest.message);
                    }
                }
                return true;
            }
            case DROP_LATEST -> {
                countDrop(message);
                return false;
            }
            case ERROR -> {
                countDrop(message);
                terminate(qos0Queued >= qos0Capacity
                        ? new MqttBufferFullException("QoS 0 subscription buffer", qos0Capacity)
                        : new MqttBufferFullException("QoS 0 subscription buffer (payload bytes)",
                                qos0CapacityBytes));
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    /** A buffer without QoS 0 messages takes one of any size; otherwise both bounds must hold after adding it. */
    private boolean hasQos0RoomFor(MqttMessage message) {
        return qos0Queued == 0
                || qos0Queued < qos0Capacity && qos0QueuedBytes + message.payloadSize() <= qos0CapacityBytes;
    }

    /** Like the QoS 0 bound: an empty buffer takes one message of any size. */
    private boolean hasReleasedRoomFor(MqttMessage message) {
        return releasedQueued == 0 || releasedQueued < acknowledgement.bufferSize()
                && releasedQueuedBytes + message.payloadSize() <= acknowledgement.bufferBytes();
    }

    private void releaseIntoBuffer(Entry entry) {
        InboundDelivery delivery = entry.delivery;
        entry.delivery = null;
        entry.releasedOnArrival = true;
        releasedQueued++;
        releasedQueuedBytes += entry.message.payloadSize();
        delivery.release();
    }

    /** A message released on arrival has gone: its room goes to the oldest messages waiting for room. */
    private void releasedLeft(Entry entry) {
        releasedQueued--;
        releasedQueuedBytes -= entry.message.payloadSize();
        while (!waitingForRoom.isEmpty() && hasReleasedRoomFor(waitingForRoom.peek().message)) {
            releaseIntoBuffer(waitingForRoom.poll());
        }
    }

    private boolean isQos0Full() {
        return qos0Queued >= qos0Capacity || qos0QueuedBytes >= qos0CapacityBytes;
    }

    private void qos0Removed(MqttMessage message) {
        qos0Queued--;
        qos0QueuedBytes -= message.payloadSize();
    }

    private void countDrop(MqttMessage message) {
        dropped++;
        dropListener.dropped(this, message, dropped);
    }

    private void drain() {
        while (!terminated && !queue.isEmpty() && demand > 0) {
            if (demand != Long.MAX_VALUE) {
                demand--;
            }
            Entry entry = queue.poll();
            bufferedChange.accept(-1);
            if (entry.releasedOnArrival) {
                releasedLeft(entry);
            } else if (entry.qos0) {
                qos0Removed(entry.message);
            }
            emit(entry);
        }
        if (!isQos0Full()) {
            readControl.resume(this);
        }
    }

    private void emit(Entry entry) {
        MessageTracing tracing = telemetry != null ? telemetry.tracing() : null;
        if (tracing != null) {
            tracing.deliver(entry.message, () -> emitNow(entry));
        } else {
            emitNow(entry);
        }
    }

    @SuppressWarnings("unchecked")
    private void emitNow(Entry entry) {
        if (acknowledgement.manual()) {
            emitter.next((T) new Acknowledgeable(entry.message, entry.delivery));
            return;
        }
        emitter.next((T) entry.message);
        if (entry.delivery != null) {
            entry.delivery.release();
        }
    }

    private void terminate(@Nullable Throwable cause) {
        if (terminated) {
            return;
        }
        terminated = true;
        bufferedChange.accept(-queue.size());
        waitingForRoom.clear();
        int discarded = releasedQueued;
        for (Entry entry; (entry = queue.poll()) != null; ) {
            if (entry.delivery != null) {
                entry.delivery.abandon();
            }
        }
        qos0Queued = 0;
        qos0QueuedBytes = 0;
        releasedQueued = 0;
        releasedQueuedBytes = 0;
        if (discarded > 0) {
            dropListener.discarded(this, discarded);
        }
        readControl.resume(this);
        if (cause != null) {
            emitter.error(cause);
        }
        onTerminate.accept(this);
    }

    /** A message waiting here; {@code delivery} is what it still has to release, null for QoS 0 and once released. */
    private static final class Entry {

        private final MqttMessage message;
        private final boolean qos0;
        private @Nullable InboundDelivery delivery;
        private boolean releasedOnArrival;

        Entry(MqttMessage message, @Nullable InboundDelivery delivery) {
            this.message = message;
            this.qos0 = delivery == null;
            this.delivery = delivery;
        }
    }

    /** A message whose acknowledgement the application gives; acknowledging twice has no further effect. */
    private final class Acknowledgeable implements AcknowledgeableMessage {

        private final MqttMessage message;
        private final @Nullable InboundDelivery delivery;
        private final AtomicBoolean acknowledged = new AtomicBoolean();

        Acknowledgeable(MqttMessage message, @Nullable InboundDelivery delivery) {
            this.message = message;
            this.delivery = delivery;
        }

        @Override
        public MqttMessage message() {
            return message;
        }

        @Override
        public Mono<Void> acknowledge() {
            return Mono.fromRunnable(() -> {
                if (delivery != null && acknowledged.compareAndSet(false, true)) {
                    eventLoop.execute(delivery::release);
                }
            });
        }

        @Override
        public Mono<Void> reject(PublishReasonCode reasonCode, @Nullable String reasonString) {
            Objects.requireNonNull(reasonCode, "reasonCode");
            if (!reasonCode.isError()) {
                throw new IllegalArgumentException("a refusal needs an error reason code (0x80 or more), not "
                        + reasonCode);
            }
            InboundDelivery.Rejection refusal = new InboundDelivery.Rejection(reasonCode.code(), reasonString);
            return Mono.fromRunnable(() -> {
                if (delivery != null && acknowledged.compareAndSet(false, true)) {
                    eventLoop.execute(() -> delivery.reject(refusal));
                }
            });
        }

        @Override
        public String toString() {
            return "AcknowledgeableMessage[" + message + "]";
        }
    }
}
