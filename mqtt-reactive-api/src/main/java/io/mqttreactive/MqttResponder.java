package io.mqttreactive;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.SubscribeResult;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers MQTT 5.0 requests (sec 4.10) arriving on a subscription, made with
 * {@link MqttClient#responder(io.mqttreactive.message.SubscribeRequest, java.util.function.Function)}:
 *
 * <pre>{@code
 * MqttResponder clock = client.responder("services/clock/now", MqttQos.AT_LEAST_ONCE,
 *         request -> Mono.just(MqttMessage.of("unused", Instant.now().toString().getBytes(UTF_8),
 *                 MqttQos.AT_LEAST_ONCE)));
 * clock.responses().subscribe();
 * clock.acknowledged().block(); // requests published from now on are answered
 * }</pre>
 *
 * <p>For every request, the handler is called and the message it emits is published to the request's Response
 * Topic, with the request's Correlation Data (if it has one) replacing any of the handler's; the handler's topic
 * is replaced, its payload, QoS and other properties are kept. Up to {@link #MAXIMUM_CONCURRENT_REQUESTS} requests
 * are handled at once; beyond that the subscription's backpressure holds back the broker.
 *
 * <p><b>What does not end the responder.</b> A request without a Response Topic cannot be answered: it is
 * counted in {@link #requestsWithoutResponseTopic()} and skipped. A handler that throws, signals an error, or whose
 * response cannot be published fails that request only: it is counted in {@link #failedRequests()}, and no
 * response is sent (the requester times out). A handler that completes empty sends no response. The responder
 * ends only when {@link #responses()} is cancelled or the subscription ends.
 *
 * <p>The handler is called on the client's event loop: it must not block (use {@code subscribeOn} or
 * {@code publishOn} in the returned {@code Mono} for slow work).
 */
public interface MqttResponder {

    /** How many requests a responder handles at once. */
    int MAXIMUM_CONCURRENT_REQUESTS = 256;

    /**
     * Starts answering: subscribes to the request filter and emits the result of every response published.
     * Cancelling stops answering and unsubscribes, as cancelling {@link MqttSubscription#messages()} does.
     *
     * @return a {@code Flux} that can be subscribed once (a second subscriber gets an
     *         {@link IllegalStateException}); it ends as the subscription ends and never errors because of one
     *         request
     */
    Flux<PublishResult> responses();

    /**
     * Returns the broker's acceptance of the request subscription: requests published after it emits reach
     * this responder. See {@link MqttSubscription#acknowledged()}.
     *
     * @return a {@code Mono} emitting the SUBACK's result; errors as {@link MqttSubscription#acknowledged()}
     */
    Mono<SubscribeResult> acknowledged();

    /**
     * Returns how many requests arrived without a Response Topic and were skipped.
     *
     * @return the count since {@link #responses()} was subscribed
     */
    long requestsWithoutResponseTopic();

    /**
     * Returns how many requests got no response because the handler failed or the response could not be
     * published.
     *
     * @return the count since {@link #responses()} was subscribed
     */
    long failedRequests();
}
