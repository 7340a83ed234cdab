package io.mqttreactive.spring.boot;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttRequester;
import io.mqttreactive.MqttResponder;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.AcknowledgeableMessage;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.options.AcknowledgeMode;
import io.mqttreactive.options.DisconnectOptions;
import io.mqttreactive.options.RequesterOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The {@link MqttClient} bean: the client itself, plus a count of the publishes in progress so that shutdown can
 * stop taking new ones and wait for those in flight ({@link #drain(Duration)}). A publish is in progress from
 * its subscription to its last signal; a {@linkplain #publish(Publisher) publish stream} counts as one until it
 * ends. Everything else is the client's own behaviour.
 */
public final class DrainableMqttClient implements MqttClient {

    private final MqttClient client;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile Sinks.Empty<Void> idle = Sinks.empty();

    DrainableMqttClient(MqttClient client) {
        this.client = client;
    }

    /**
     * Stops taking publishes (new ones fail with {@link MqttShuttingDownException}) and waits until those in
     * progress have ended, at most {@code timeout}.
     *
     * @param timeout the longest wait
     * @return a {@code Mono} emitting the number of publishes still in progress when it stopped waiting: zero if
     *         all ended
     */
    public Mono<Integer> drain(Duration timeout) {
        if (draining.compareAndSet(false, true) && inProgress.get() == 0) {
            idle.tryEmitEmpty();
        }
        return idle.asMono().then(Mono.fromSupplier(inProgress::get))
                .timeout(timeout, Mono.fromSupplier(inProgress::get));
    }

    /** Returns the client this one counts the publishes of, for bindings that need the implementation's own. */
    MqttClient delegate() {
        return client;
    }

    /** Takes publishes again after a {@link #drain(Duration)}, when the application context is restarted. */
    void acceptPublishes() {
        if (draining.get()) {
            idle = Sinks.empty();
            draining.set(false);
        }
    }

    /**
     * Returns the number of publishes in progress.
     *
     * @return publishes (and publish streams) subscribed and not yet ended
     */
    public int publishesInProgress() {
        return inProgress.get();
    }

    @Override
    public Mono<PublishResult> publish(MqttMessage message) {
        Mono<PublishResult> publish = client.publish(message);
        return Mono.defer(() -> admitted() ? publish.doFinally(signal -> ended())
                : Mono.error(new MqttShuttingDownException()));
    }

    @Override
    public Flux<PublishResult> publish(Publisher<MqttMessage> messages) {
        Flux<PublishResult> publish = client.publish(messages);
        return Flux.defer(() -> admitted() ? publish.doFinally(signal -> ended())
                : Flux.error(new MqttShuttingDownException()));
    }

    private boolean admitted() {
        if (draining.get()) {
            return false;
        }
        inProgress.incrementAndGet();
        if (draining.get()) {
            ended();
            return false;
        }
        return true;
    }

    private void ended() {
        if (inProgress.decrementAndGet() == 0 && draining.get()) {
            idle.tryEmitEmpty();
        }
    }

    @Override
    public MqttClientOptions options() {
        return client.options();
    }

    @Override
    public Mono<ConnectResult> connect() {
        return client.connect();
    }

    @Override
    public Mono<Void> disconnect(DisconnectOptions options) {
        return client.disconnect(options);
    }

    @Override
    public Mono<Void> reauthenticate() {
        return client.reauthenticate();
    }

    @Override
    public Flux<MqttMessage> subscribe(SubscribeRequest request, AcknowledgeMode acknowledgeMode) {
        return client.subscribe(request, acknowledgeMode);
    }

    /** Requests go through the client itself: they are not publishes counted for {@link #drain(Duration)}. */
    @Override
    public MqttRequester requester(RequesterOptions options) {
        return client.requester(options);
    }

    @Override
    public MqttResponder responder(SubscribeRequest request, Function<MqttMessage, Mono<MqttMessage>> handler) {
        return client.responder(request, handler);
    }

    @Override
    public MqttSubscription subscription(SubscribeRequest request, AcknowledgeMode acknowledgeMode) {
        return client.subscription(request, acknowledgeMode);
    }

    @Override
    public Flux<AcknowledgeableMessage> subscribeAcknowledged(SubscribeRequest request) {
        return client.subscribeAcknowledged(request);
    }

    @Override
    public Flux<MqttMessage> unsolicitedMessages() {
        return client.unsolicitedMessages();
    }

    @Override
    public Flux<ConnectionState> connectionStates() {
        return client.connectionStates();
    }

    @Override
    public ConnectionState connectionState() {
        return client.connectionState();
    }

    @Override
    public Flux<MqttClientEvent> events() {
        return client.events();
    }

    @Override
    public Mono<Void> close() {
        return client.close();
    }

    @Override
    public String toString() {
        return client.toString();
    }
}
