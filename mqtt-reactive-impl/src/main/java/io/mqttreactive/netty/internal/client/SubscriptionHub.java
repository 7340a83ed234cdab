package io.mqttreactive.netty.internal.client;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.netty.internal.flow.SubscribeFlow;
import io.mqttreactive.netty.internal.flow.UnsubscribeOutcome;
import io.mqttreactive.netty.internal.routing.InboundDelivery;
import io.mqttreactive.netty.internal.routing.MessageSubscriber;
import io.mqttreactive.netty.internal.telemetry.ClientTelemetry;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.OverflowStrategy;
import io.mqttreactive.topic.MqttTopicFilter;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.FluxSink;

/**
 * The subscriber ends of all subscription fluxes and of the unsolicited-messages stream: creates them, ties a
 * cancel, or an unsubscribe that completes the flux, to UNSUBSCRIBE, and ends them all, without UNSUBSCRIBE, when the connection ends. A message no
 * subscription matches goes to the unsolicited streams; with none, it is acknowledged, counted and reported as
 * dropped, never silently lost; so are the messages a subscription acknowledged into its buffer and ended
 * without emitting. Confined to the event loop.
 */
final class SubscriptionHub implements MessageSubscriber {

    private final EventLoop eventLoop;
    private final FlowControlOptions flowControl;
    private final ReadControl readControl;
    private final Consumer<MqttClientEvent> events;
    private final ClientTelemetry telemetry;
    private final Set<SubscriptionSink<?>> subscriptions = new LinkedHashSet<>();
    private final Set<SubscriptionSink<?>> unsolicited = new LinkedHashSet<>();
    private @Nullable SubscribeFlow subscribeFlow;
    private long unsolicitedDropped;
    private long bufferedDiscarded;
    private int buffered;

    SubscriptionHub(EventLoop eventLoop, FlowControlOptions flowControl, ReadControl readControl,
            Consumer<MqttClientEvent> events, ClientTelemetry telemetry) {
        this.eventLoop = eventLoop;
        this.flowControl = flowControl;
        this.readControl = readControl;
        this.events = events;
        this.telemetry = telemetry;
    }

    void subscribeFlow(SubscribeFlow subscribeFlow) {
        this.subscribeFlow = subscribeFlow;
    }

    /**
     * Opens a subscription for a flux subscriber; the SUBSCRIBE goes out through the subscribe flow, and
     * {@code acknowledged} hears of every SUBACK that grants it (again after each resubscription).
     *
     * @return the subscription's sink, to unsubscribe it by
     */
    <T> SubscriptionSink<T> subscribe(SubscribeRequest request, FluxSink<T> emitter, Acknowledgement acknowledgement,
            Consumer<SubscribeResult> acknowledged) {
        MqttTopicFilter label = request.subscriptions().get(0).filter();
        SubscriptionSink<T> sink = newSink(emitter, acknowledgement, Optional.of(label));
        subscriptions.add(sink);
        sink.onTerminate(ended -> {
            subscriptions.remove(ended);
            subscribeFlow.unsubscribe(ended);
        });
        subscribeFlow.subscribe(request, sink, new SubscribeFlow.Requester() {
            @Override
            public void subscribed(SubscribeResult result) {
                acknowledged.accept(result);
            }

            @Override
            public void failed(Throwable error) {
                sink.error(error);
            }
        });
        return sink;
    }

    /**
     * Ends a subscription at the application's request: completes its flux, then unsubscribes it, telling
     * {@code requester} the outcome. A subscription never opened, or already ended, had nothing to unsubscribe.
     */
    void unsubscribe(@Nullable SubscriptionSink<?> sink, SubscribeRequest request,
            UnsubscribeOutcome.Requester requester) {
        UnsubscribeOutcome outcome = new UnsubscribeOutcome(
                request.subscriptions().stream().map(Subscription::filter).toList(), requester);
        if (sink == null || sink.isTerminated()) {
            outcome.nothingSubscribed();
        } else {
            complete(sink, outcome);
        }
    }

    private <T> void complete(SubscriptionSink<T> sink, UnsubscribeOutcome outcome) {
        sink.onTerminate(ended -> {
            subscriptions.remove(ended);
            subscribeFlow.unsubscribe(ended, outcome);
        });
        sink.complete();
    }

    void unsolicited(FluxSink<MqttMessage> emitter) {
        SubscriptionSink<MqttMessage> sink = newSink(emitter, Acknowledgement.ON_DELIVERY, Optional.empty());
        unsolicited.add(sink);
        sink.onTerminate(unsolicited::remove);
    }

    @Override
    public void deliver(MqttMessage message, @Nullable InboundDelivery delivery) {
        if (unsolicited.isEmpty()) {
            unsolicitedDropped++;
            events.accept(new MqttClientEvent.MessageDropped(Optional.empty(), message.topic(),
                    OverflowStrategy.DROP_LATEST, unsolicitedDropped));
        }
        for (SubscriptionSink<?> sink : unsolicited) {
            if (delivery != null) {
                delivery.hold();
            }
            sink.deliver(message, delivery);
        }
        if (delivery != null) {
            delivery.release();
        }
    }

    /**
     * Ends every subscription because the session's connection ended: with {@code cause} as an error, or normally
     * when it is null. No UNSUBSCRIBE follows: what the broker holds is the session's business. The unsolicited
     * streams go on: they end only when the client closes.
     */
    void endAll(@Nullable Throwable cause) {
        List<SubscriptionSink<?>> all = new ArrayList<>(subscriptions);
        subscribeFlow.forgetAll();
        for (SubscriptionSink<?> sink : all) {
            if (cause == null) {
                sink.complete();
            } else {
                sink.error(cause);
            }
        }
    }

    /** Completes the unsolicited-messages streams, as the client closes. */
    void completeUnsolicited() {
        new ArrayList<>(unsolicited).forEach(SubscriptionSink::complete);
    }

    /** Returns how many received messages wait in all subscription buffers; read from any thread, approximate. */
    int buffered() {
        return buffered;
    }

    long unsolicitedDropped() {
        return unsolicitedDropped;
    }

    private <T> SubscriptionSink<T> newSink(FluxSink<T> emitter, Acknowledgement acknowledgement,
            Optional<MqttTopicFilter> label) {
        OverflowStrategy strategy = flowControl.qos0OverflowStrategy();
        return new SubscriptionSink<>(eventLoop, emitter, acknowledgement, flowControl.qos0BufferSize(),
                flowControl.qos0BufferBytes(), strategy, readControl, telemetry, delta -> buffered += delta,
                new SubscriptionSink.DropListener() {
                    @Override
                    public void dropped(SubscriptionSink<?> sink, MqttMessage message, long totalDropped) {
                        events.accept(new MqttClientEvent.MessageDropped(label, message.topic(), strategy,
                                totalDropped));
                    }

                    @Override
                    public void discarded(SubscriptionSink<?> sink, int acknowledged) {
                        bufferedDiscarded += acknowledged;
                        events.accept(new MqttClientEvent.BufferedMessagesDiscarded(label.orElseThrow(),
                                acknowledged, bufferedDiscarded));
                    }
                });
    }
}
