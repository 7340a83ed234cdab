package io.mqttreactive;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeResult;
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
 * <p>The subscription is made when {@link #messages()} is subscribed; it can be subscribed once.
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
}
