package io.mqttreactive.netty.internal.client;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;
import reactor.util.context.Context;

/**
 * The operator behind {@code publish(Publisher)}: it requests messages only as result slots free up, so at most
 * {@code window} messages are submitted and not yet emitted, hands the messages that arrive off the event loop
 * over to it as one task per batch, and emits the results in the order of the messages, as downstream demands
 * them. Each message goes the way of a single publish (offline queue, send quota, session store), with a
 * lightweight result slot as its sink. The first failure, of a message or of the upstream, is signalled at once
 * and cancels the rest; cancelling withdraws the messages not yet written, like cancelling their single
 * publishes.
 */
final class PublishStream extends FluxOperator<MqttMessage, PublishResult> {

    private final PublishHandOver handOver;
    private final int window;

    PublishStream(Flux<MqttMessage> messages, PublishHandOver handOver, int window) {
        super(messages);
        this.handOver = handOver;
        this.window = window;
    }

    @Override
    public void subscribe(CoreSubscriber<? super PublishResult> actual) {
        source.subscribe(new StreamSubscriber(actual, handOver, window));
    }

    private static final class StreamSubscriber implements CoreSubscriber<MqttMessage>, Subscription {

        private final CoreSubscriber<? super PublishResult> actual;
        private final PublishHandOver handOver;
        private final int window;
        private final Queue<Slot> unemitted;
        private final Queue<Slot> handedOver;
        private final AtomicLong requested = new AtomicLong();
        private final AtomicInteger emitting = new AtomicInteger();
        private final AtomicInteger handingOver = new AtomicInteger();
        private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        private @Nullable Subscription upstream;
        private volatile boolean upstreamDone;
        private volatile boolean cancelled;

        StreamSubscriber(CoreSubscriber<? super PublishResult> actual, PublishHandOver handOver, int window) {
            this.actual = actual;
            this.handOver = handOver;
            this.window = window;
            this.unemitted = Queues.<Slot>get(window).get();
            this.handedOver = Queues.<Slot>get(window).get();
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            if (Operators.validate(upstream, subscription)) {
                upstream = subscription;
                actual.onSubscribe(this);
                if (!cancelled) {
                    subscription.request(window);
                }
            }
        }

        @Override
        public void onNext(MqttMessage message) {
            if (upstreamDone) {
                Operators.onNextDropped(message, currentContext());
                return;
            }
            if (cancelled) {
                Operators.onDiscard(message, currentContext());
                return;
            }
            Slot slot = new Slot(message, this);
            if (!unemitted.offer(slot)) {
                upstream.cancel();
                onError(Operators.onOperatorError(upstream,
                        Exceptions.failWithOverflow("more messages than requested"), message, currentContext()));
                return;
            }
            if (cancelled) {
                emit();
            } else if (handingOver.get() == 0 && handOver.mayPublishNow()) {
                handOver.publishNow(message, slot);
            } else {
                handedOver.offer(slot);
                if (handingOver.getAndIncrement() == 0) {
                    handOver.handOver(this::publishHandedOver);
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            if (upstreamDone) {
                Operators.onErrorDropped(error, currentContext());
                return;
            }
            upstreamDone = true;
            fail(error);
        }

        @Override
        public void onComplete() {
            if (!upstreamDone) {
                upstreamDone = true;
                emit();
            }
        }

        @Override
        public void request(long n) {
            if (Operators.validate(n)) {
                requested.accumulateAndGet(n, Operators::addCap);
                emit();
            }
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                upstream.cancel();
                emit();
            }
        }

        /** Runs on the event loop: publishes, in order, what arrived while publishing could not run at once. */
        private void publishHandedOver() {
            int missed = 1;
            do {
                for (Slot slot; (slot = handedOver.poll()) != null; ) {
                    if (!cancelled) {
                        handOver.publishNow(slot.message, slot);
                    }
                }
                missed = handingOver.addAndGet(-missed);
            } while (missed != 0);
        }

        private void fail(Throwable error) {
            if (failure.compareAndSet(null, error)) {
                emit();
            }
        }

        /**
         * Emits the completed results at the head of the stream, as far as downstream demand allows, and requests
         * as many messages as slots were freed; serialised across threads.
         */
        private void emit() {
            if (emitting.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                if (cancelled) {
                    withdrawUnemitted();
                } else {
                    emitCompleted();
                }
                missed = emitting.addAndGet(-missed);
            } while (missed != 0);
        }

        private void emitCompleted() {
            long wanted = requested.get();
            long emitted = 0;
            int freed = 0;
            while (true) {
                Throwable error = failure.get();
                if (error != null) {
                    terminate();
                    actual.onError(error);
                    return;
                }
                boolean done = upstreamDone;
                Slot head = unemitted.peek();
                if (head == null) {
                    if (done) {
                        terminate();
                        actual.onComplete();
                        return;
                    }
                    break;
                }
                if (!head.completed || head.result != null && emitted == wanted) {
                    break;
                }
                unemitted.poll();
                freed++;
                if (head.result != null) {
                    actual.onNext(head.result);
                    emitted++;
                }
            }
            if (emitted != 0 && wanted != Long.MAX_VALUE) {
                requested.addAndGet(-emitted);
            }
            if (freed != 0 && !upstreamDone && !cancelled) {
                upstream.request(freed);
            }
        }

        private void terminate() {
            cancelled = true;
            upstream.cancel();
            withdrawUnemitted();
        }

        private void withdrawUnemitted() {
            for (Slot slot; (slot = unemitted.poll()) != null; ) {
                slot.cancel();
            }
        }
    }

    /** The sink of one message's result, kept in the stream's order until it is emitted. */
    private static final class Slot implements MonoSink<PublishResult> {

        final MqttMessage message;
        private final StreamSubscriber stream;
        @Nullable PublishResult result;
        volatile boolean completed;
        private final CancelRelay cancellation = new CancelRelay();

        Slot(MqttMessage message, StreamSubscriber stream) {
            this.message = message;
            this.stream = stream;
        }

        @Override
        public void success() {
            completed = true;
            stream.emit();
        }

        @Override
        public void success(@Nullable PublishResult value) {
            result = value;
            completed = true;
            stream.emit();
        }

        @Override
        public void error(Throwable error) {
            if (!cancellation.isCancelled()) {
                stream.fail(error);
            }
        }

        @Override
        public MonoSink<PublishResult> onCancel(Disposable callback) {
            cancellation.onCancel(callback);
            return this;
        }

        void cancel() {
            cancellation.cancel();
        }

        @Override
        public MonoSink<PublishResult> onRequest(LongConsumer consumer) {
            consumer.accept(1);
            return this;
        }

        @Override
        public MonoSink<PublishResult> onDispose(Disposable callback) {
            throw new UnsupportedOperationException("a publish result slot has no dispose callback");
        }

        @Override
        @SuppressWarnings("deprecation")
        public Context currentContext() {
            return stream.currentContext();
        }
    }
}
