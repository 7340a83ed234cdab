package io.mqttreactive;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.UnsubscribeResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One subscription, made with {@link MqttClient#subscription(io.mqttreactive.message.SubscribeRequest)}: its
 * messages, and the broker's acceptance of it, so that work that needs the subscription in place (publishing a
 * request whose answer it receives, telling a caller "ready") waits for it instead of racing it:
 *
 * <pre>{@code
 * MqttSubscription answers =
 *         client.subscription(SubscribeRequest.of(Subscription.of("replies/7", MqttQos.AT_LEAST_ONCE)));
 * answers.messages().subscribe(this::handle);
 * answers.acknowledged().then(client.publish(request)).subscribe();
 * }</pre>
 *
 * <p>The subscription is made when {@link #messages()} is subscribed; it can be subscribed once. It ends with
 * {@link #unsubscribe()}, which completes the messages and tells when the broker has let go of it:
 *
 * <pre>{@code
 * answers.unsubscribe().subscribe(result -> log.info("unsubscribed: {}", result.reasonCodes()));
 * }</pre>
 */
public interface MqttSubscription {

    /**
     * Returns the messages, as {@link MqttClient#subscribe(io.mqttreactive.message.SubscribeRequest)} does:
     * subscribing sends SUBSCRIBE, cancelling sends UNSUBSCRIBE, and the flux survives reconnects.
     *
     * @return a {@code Flux} that can be subscribed once; a second subscriber gets an
     *         {@link IllegalStateException}
     */
    Flux<MqttMessage> messages();

    /**
     * Returns the broker's acceptance of the subscription: the result of the first SUBACK that grants every
     * filter of the request. From then on every matching message the broker sends reaches {@link #messages()}.
     * Nothing happens until {@link #messages()} is subscribed; the result is kept for later subscribers.
     *
     * @return a {@code Mono} emitting the SUBACK's result; errors with
     *         {@link io.mqttreactive.exception.MqttSubscribeException} if the broker refuses a filter or the
     *         subscription ends (cancelled, disconnected, closed) before its SUBACK, and with the error that ends
     *         {@link #messages()} before it
     */
    Mono<SubscribeResult> acknowledged();

    /**
     * Ends the subscription and returns the broker's answer. When the returned {@code Mono} is subscribed,
     * {@link #messages()} completes normally, the client sends UNSUBSCRIBE for the subscription's filters that no
     * other subscription of the client uses, and the {@code Mono} emits when the UNSUBACK arrives. Filters still in
     * use elsewhere are not sent and report {@link io.mqttreactive.message.UnsubscribeReasonCode#SUCCESS}; when no
     * filter needs an UNSUBSCRIBE, the result is emitted at once. While the client is disconnected and reconnecting,
     * the UNSUBSCRIBE waits for the next connection. A subscription whose SUBSCRIBE is still waiting to be sent is
     * withdrawn instead.
     *
     * <p>QoS 1 and 2 messages still waiting in the subscription for downstream demand are not acknowledged, as when
     * {@link #messages()} is cancelled: the broker sends them again when the session resumes. Messages the broker
     * sends before it has processed the UNSUBSCRIBE, and for filters it kept, match no subscription any more and go
     * to {@link MqttClient#unsolicitedMessages()}.
     *
     * <p>Nothing happens until the {@code Mono} is subscribed; the first subscription unsubscribes and later ones
     * get the same outcome. Unsubscribing before {@link #messages()} is subscribed, or after it ended (cancelled,
     * failed, completed by {@link MqttClient#disconnect()}), sends nothing and reports
     * {@link io.mqttreactive.message.UnsubscribeReasonCode#NO_SUBSCRIPTION_EXISTED} for every filter;
     * {@link #messages()} subscribed afterwards completes at once.
     *
     * @return a {@code Mono} emitting the result, on the client's event loop; errors with
     *         {@link io.mqttreactive.exception.MqttUnsubscribeException} if the broker refuses a filter (an MQTT 5.0
     *         reason code of 0x80 or more; 0x11, no subscription existed, is a success) or the UNSUBSCRIBE cannot be
     *         sent, with the error that ends the session if it ends before the UNSUBACK
     *         ({@link io.mqttreactive.exception.MqttConnectionClosedException} on {@link MqttClient#disconnect()}
     *         or a lost connection without reconnect, the reconnect failure when reconnecting gives up; the
     *         UNSUBSCRIBE then still goes out on the next connection), and with
     *         {@link io.mqttreactive.exception.MqttClientClosedException} once the client is closed
     */
    Mono<UnsubscribeResult> unsubscribe();
}
