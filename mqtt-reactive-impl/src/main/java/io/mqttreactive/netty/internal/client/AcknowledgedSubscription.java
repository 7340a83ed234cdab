package io.mqttreactive.netty.internal.client;

import io.mqttreactive.MqttSubscription;
import io.mqttreactive.exception.MqttSubscribeException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.SubscribeResult;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A subscription whose SUBACK is a {@code Mono} of its own: the subscribe flow tells {@link #acknowledged()} of
 * the first SUBACK that grants the request; an end of {@link #messages()} before that fails it.
 */
final class AcknowledgedSubscription implements MqttSubscription {

    /** Opens the subscription's messages on the client's event loop, telling the SUBACK's result to a consumer. */
    @FunctionalInterface
    interface Opener {
        void open(SubscribeRequest request, FluxSink<MqttMessage> emitter, Consumer<SubscribeResult> acknowledged);
    }

    private final Sinks.One<SubscribeResult> acknowledged = Sinks.one();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final Flux<MqttMessage> messages;

    AcknowledgedSubscription(SubscribeRequest request, Opener opener) {
        this.messages = Flux.<MqttMessage>create(emitter -> opener.open(request, emitter, acknowledged::tryEmitValue),
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
}
