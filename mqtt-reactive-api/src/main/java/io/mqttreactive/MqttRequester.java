package io.mqttreactive;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.options.RequesterOptions;
import io.mqttreactive.topic.MqttTopic;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Sends MQTT 5.0 requests and receives their responses (sec 4.10), made with
 * {@link MqttClient#requester(RequesterOptions)}:
 *
 * <pre>{@code
 * MqttRequester requester = client.requester();
 * requester.request(MqttMessage.of("services/clock/now", new byte[0], MqttQos.AT_LEAST_ONCE))
 *         .map(MqttMessage::payloadAsString)
 *         .subscribe(now -> log.info("it is {}", now));
 * }</pre>
 *
 * <p>Each request is published with the requester's response topic as its Response Topic and a Correlation Data
 * unique to it (16 bytes), its payload, QoS and other properties kept. All requests of a requester share one
 * subscription to the response topic: the first request subscribes, and every request is published only once
 * the broker has acknowledged that subscription, so a response cannot arrive before it is in place. The
 * subscription then stays for the life of the client; it survives reconnects as every subscription does, and is
 * made again by the next request if it ended (disconnect, refused SUBACK). A response is matched to its request
 * by its Correlation Data; a response matching no pending request (late, cancelled, foreign) is counted in
 * {@link #unmatchedResponses()} and dropped.
 *
 * <p>A client usually needs one requester. Two requesters of one client need different response topics; with the
 * same topic each would also receive, and count as unmatched, the other's responses.
 *
 * <p>Thread-safe. Responses are emitted on the client's event loop: subscribers must not block it.
 */
public interface MqttRequester {

    /**
     * Returns the options of this requester.
     *
     * @return the options
     */
    RequesterOptions options();

    /**
     * Sends a request and waits for its response, at most {@link RequesterOptions#timeout()}; see
     * {@link #request(MqttMessage, Duration)}.
     *
     * @param request the request
     * @return a cold {@code Mono} emitting the response
     * @throws NullPointerException     if {@code request} is {@code null}
     * @throws IllegalArgumentException if {@code request} already carries a Response Topic or Correlation Data
     */
    default Mono<MqttMessage> request(MqttMessage request) {
        return request(request, options().timeout());
    }

    /**
     * Sends a request and waits for its response. On subscription, the request becomes pending (counted in
     * {@link #pendingRequests()}), the response subscription is made if needed and awaited, and the request is
     * published with its Response Topic and Correlation Data; the {@code Mono} emits the first message on the
     * response topic carrying that Correlation Data. The request stops being pending when the {@code Mono}
     * signals or is cancelled, so a response arriving after that is unmatched. While the client is not connected,
     * the request waits as {@link MqttClient#publish(MqttMessage)} does, within the timeout.
     *
     * @param request the request; its topic is where the responder listens
     * @param timeout how long to wait, from subscription to the response; positive
     * @return a cold {@code Mono} emitting the response; errors with
     *         {@link io.mqttreactive.exception.MqttRequestTimeoutException} when no response came within
     *         {@code timeout}, {@link io.mqttreactive.exception.MqttBufferFullException} at once when
     *         {@link RequesterOptions#maximumPendingRequests()} requests are pending already,
     *         {@link io.mqttreactive.exception.MqttSubscribeException} if the broker refuses the response
     *         subscription, {@link io.mqttreactive.exception.InvalidTopicException} if the broker's Response
     *         Information makes no valid topic name, and with the errors of
     *         {@link MqttClient#publish(MqttMessage)}
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code request} already carries a Response Topic or Correlation Data
     *                                  (the requester sets both), or {@code timeout} is not positive
     */
    Mono<MqttMessage> request(MqttMessage request, Duration timeout);

    /**
     * Returns the response topic once it is known: at once if {@link RequesterOptions#responseTopic()} is set,
     * else when the client is connected, as the broker's CONNACK decides it.
     *
     * @return a {@code Mono} emitting the response topic; errors with
     *         {@link io.mqttreactive.exception.MqttClientClosedException} if the client is closed first
     */
    Mono<MqttTopic> responseTopic();

    /**
     * Returns how many requests are pending: subscribed and not yet answered, failed, timed out or cancelled.
     *
     * @return the number of pending requests, at most {@link RequesterOptions#maximumPendingRequests()}
     */
    int pendingRequests();

    /**
     * Returns how many messages arrived on the response topic that matched no pending request: late responses,
     * responses to cancelled requests, and messages without this requester's Correlation Data. They are dropped.
     *
     * @return the count since the requester was made
     */
    long unmatchedResponses();
}
