package io.mqttreactive.netty.internal.client;

import io.mqttreactive.MqttSubscription;
import io.mqttreactive.exception.MqttSubscribeException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.UnsubscribeResult;
import io.mqttreactive.netty.internal.flow.UnsubscribeOutcome;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A subscription whose SUBACK and UNSUBACK are {@code Mono}s of their own: the subscribe flow tells
 * {@link #acknowledged()} of the first SUBACK that grants the request, and an end of {@link #messages()} before that
 * fails it; {@link #unsubscribe()} completes the messages and tells the unsubscribe's outcome. Which sink the
 * messages flow through, and whether the subscription was unsubscribed, is kept on the event loop.
 */
final class AcknowledgedSubscription implements MqttSubscription {

    private final SubscribeRequest request;
    private final Acknowledgement acknowledgement;
    private final Executor eventLoop;
    private final ClientCore core;
    private final Sinks.One<SubscribeResult> acknowledged = Sinks.one();
    private final Sinks.One<UnsubscribeResult> unsubscribed = Sinks.one();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicBoolean unsubscribing = new AtomicBoolean();
    private final Flux<MqttMessage> messages;
    private @Nullable SubscriptionSink<MqttMessage> sink;
    private boolean ended;

    AcknowledgedSubscription(SubscribeRequest request, Acknowledgement acknowledgement, Executor eventLoop,
            ClientCore core) {
        this.request = request;
        this.acknowledgement = acknowledgement;
        this.eventLoop = eventLoop;
        this.core = core;
        this.messages = Flux.<MqttMessage>create(emitter -> eventLoop.execute(() -> open(emitter)),
                        FluxSink.OverflowStrategy.BUFFER)
                .doOnError(acknowledged::tryEmitError)
                .doOnComplete(() -> acknowledged.tryEmitError(endedBeforeSubAck("ended")))
                .doOnCancel(() -> acknowledged.tryEmitError(endedBeforeSubAck("was cancelled")));
    }

    private static MqttSubscribeException endedBeforeSubAck(String how) {
        return new MqttSubscribeException("the subscription " + how + " before the broker acknowledged it");
    }

    @Override
    public Flux<MqttMessage> messages() {
        return Flux.defer(() -> subscribed.compareAndSet(false, true) ? messages
                : Flux.error(new IllegalStateException("the messages of a subscription can be subscribed once")));
    }

    @Override
    public Mono<SubscribeResult> acknowledged() {
        return acknowledged.asMono();
    }

    @Override
    public Mono<UnsubscribeResult> unsubscribe() {
        return Mono.defer(() -> {
            if (unsubscribing.compareAndSet(false, true)) {
                eventLoop.execute(this::unsubscribeNow);
            }
            return unsubscribed.asMono();
        });
    }

    private void open(FluxSink<MqttMessage> emitter) {
        if (ended) {
            emitter.complete();
        } else {
            sink = core.subscribe(request, emitter, acknowledgement, acknowledged::tryEmitValue);
        }
    }

    private void unsubscribeNow() {
        ended = true;
        if (sink == null) {
            acknowledged.tryEmitError(endedBeforeSubAck("was unsubscribed"));
        }
        core.unsubscribe(sink, request, new UnsubscribeOutcome.Requester() {
            @Override
            public void unsubscribed(UnsubscribeResult result) {
                unsubscribed.tryEmitValue(result);
            }

            @Override
            public void failed(Throwable error) {
                unsubscribed.tryEmitError(error);
            }
        });
    }
}
