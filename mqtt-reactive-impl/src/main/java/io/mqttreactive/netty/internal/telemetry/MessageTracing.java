package io.mqttreactive.netty.internal.telemetry;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Observes single publishes and the hand-over of received messages to subscribers, when bound to a client. */
public interface MessageTracing {

    /**
     * Wraps a single publish: {@code publisher} sends the message it is given, which may carry added trace context.
     */
    Mono<PublishResult> publish(MqttMessage message, Function<MqttMessage, Mono<PublishResult>> publisher);

    /** Runs {@code emission}, which hands {@code message} to a subscriber, on the event loop. */
    void deliver(MqttMessage message, Runnable emission);
}
