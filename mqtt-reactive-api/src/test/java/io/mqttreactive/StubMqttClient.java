package io.mqttreactive;

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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A client that records the requests its default methods delegate and answers without any I/O. */
final class StubMqttClient implements MqttClient {

    final List<Object> requests = new ArrayList<>();
    private final MqttClientOptions options;

    StubMqttClient(MqttClientOptions options) {
        this.options = options;
    }

    @Override
    public MqttClientOptions options() {
        return options;
    }

    @Override
    public Mono<ConnectResult> connect() {
        return Mono.fromSupplier(() -> ConnectResult.builder().build());
    }

    @Override
    public Mono<Void> disconnect(DisconnectOptions disconnectOptions) {
        return Mono.fromRunnable(() -> requests.add(disconnectOptions));
    }

    @Override
    public MqttRequester requester(RequesterOptions requesterOptions) {
        requests.add(requesterOptions);
        throw new UnsupportedOperationException("the stub records the options only");
    }

    @Override
    public MqttResponder responder(SubscribeRequest request, Function<MqttMessage, Mono<MqttMessage>> handler) {
        requests.add(request);
        throw new UnsupportedOperationException("the stub records the request only");
    }

    @Override
    public Mono<PublishResult> publish(MqttMessage message) {
        return Mono.fromSupplier(() -> PublishResult.success(message));
    }

    @Override
    public Flux<PublishResult> publish(Publisher<MqttMessage> messages) {
        return Flux.from(messages).map(PublishResult::success);
    }

    @Override
    public Flux<MqttMessage> subscribe(SubscribeRequest request, AcknowledgeMode acknowledgeMode) {
        requests.add(request);
        requests.add(acknowledgeMode);
        return Flux.empty();
    }

    @Override
    public MqttSubscription subscription(SubscribeRequest request, AcknowledgeMode acknowledgeMode) {
        requests.add(request);
        requests.add(acknowledgeMode);
        return new MqttSubscription() {
            @Override
            public Flux<MqttMessage> messages() {
                return Flux.empty();
            }

            @Override
            public reactor.core.publisher.Mono<io.mqttreactive.message.SubscribeResult> acknowledged() {
                return reactor.core.publisher.Mono.never();
            }

            @Override
            public reactor.core.publisher.Mono<io.mqttreactive.message.UnsubscribeResult> unsubscribe() {
                return reactor.core.publisher.Mono.never();
            }
        };
    }

    @Override
    public Flux<AcknowledgeableMessage> subscribeAcknowledged(SubscribeRequest request) {
        requests.add(request);
        return Flux.empty();
    }

    @Override
    public Flux<MqttMessage> unsolicitedMessages() {
        return Flux.empty();
    }

    @Override
    public Flux<ConnectionState> connectionStates() {
        return Flux.just(ConnectionState.DISCONNECTED);
    }

    @Override
    public ConnectionState connectionState() {
        return ConnectionState.DISCONNECTED;
    }

    @Override
    public Flux<MqttClientEvent> events() {
        return Flux.empty();
    }

    @Override
    public Mono<Void> close() {
        return Mono.empty();
    }
}
