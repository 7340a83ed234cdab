package io.mqttreactive.netty.internal.client;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttRequester;
import io.mqttreactive.MqttResponder;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttClientClosedException;
import io.mqttreactive.message.AcknowledgeableMessage;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.netty.internal.flow.ConnectHandshake;
import io.mqttreactive.netty.internal.flow.SubscribeLimits;
import io.mqttreactive.netty.internal.reconnect.ConnectRetry;
import io.mqttreactive.netty.internal.telemetry.ClientTelemetry;
import io.mqttreactive.netty.internal.telemetry.MessageTracing;
import io.mqttreactive.netty.internal.transport.MqttConnector;
import io.mqttreactive.netty.internal.transport.TlsConfigurer;
import io.mqttreactive.options.AcknowledgeMode;
import io.mqttreactive.options.DisconnectOptions;
import io.mqttreactive.options.RequesterOptions;
import io.netty.channel.EventLoop;
import java.util.Objects;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * The {@link MqttClient} on reactor-netty. Every method validates its arguments on the caller's thread, then
 * returns a cold publisher whose subscription hops onto the client's event loop, where {@link ClientCore} keeps
 * all protocol state without locks. Signals are emitted on that event loop. Publishes reach it through a
 * {@link PublishHandOver}, which keeps their order; a stream of them goes through a {@link PublishStream}.
 */
public final class NettyMqttClient implements MqttClient {

    private final MqttClientOptions options;
    private final EventLoop eventLoop;
    private final ClientCore core;
    private final PublishHandOver publishHandOver;

    /**
     * Creates a disconnected client.
     *
     * @throws IllegalArgumentException if the options make a CONNECT the MQTT version does not allow
     */
    public NettyMqttClient(MqttClientOptions options, MqttConnector connector, EventLoop eventLoop) {
        this.options = Objects.requireNonNull(options, "options");
        this.eventLoop = Objects.requireNonNull(eventLoop, "eventLoop");
        ConnectHandshake.validate(options);
        TlsConfigurer.warnIfHostnameVerificationOff(options);
        this.core = new ClientCore(options, connector, eventLoop);
        this.publishHandOver = new PublishHandOver(eventLoop, core);
        core.events().events().subscribe(new ClientEventLog(options)::log);
    }

    @Override
    public MqttClientOptions options() {
        return options;
    }

    @Override
    public Mono<Void> reauthenticate() {
        return Mono.create(sink -> eventLoop.execute(() -> core.reauthenticate(sink)));
    }

    @Override
    public Mono<ConnectResult> connect() {
        return ConnectRetry.within(connectAttempt(false), connectAttempt(true), options.reconnect(),
                core::isConnectWanted);
    }

    private Mono<ConnectResult> connectAttempt(boolean retry) {
        return Mono.create(sink -> {
            sink.onCancel(() -> eventLoop.execute(() -> core.cancelConnect(sink)));
            eventLoop.execute(() -> {
                if (retry) {
                    core.retryConnect(sink);
                } else {
                    core.connect(sink);
                }
            });
        });
    }

    @Override
    public Mono<Void> disconnect(DisconnectOptions disconnectOptions) {
        Objects.requireNonNull(disconnectOptions, "options");
        return Mono.create(sink -> eventLoop.execute(() -> core.disconnect(disconnectOptions, sink)));
    }

    @Override
    public Mono<PublishResult> publish(MqttMessage message) {
        checkPublishable(message);
        MessageTracing tracing = core.telemetry().tracing();
        if (tracing != null) {
            return tracing.publish(message, traced -> Mono.create(sink -> publishHandOver.publish(traced, sink)));
        }
        return Mono.create(sink -> publishHandOver.publish(message, sink));
    }

    @Override
    public Flux<PublishResult> publish(Publisher<MqttMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        int window = options.flowControl().maximumInflightPublishes();
        Flux<MqttMessage> checked = Flux.from(messages).doOnNext(NettyMqttClient::checkPublishable);
        return new PublishStream(checked, publishHandOver, window);
    }

    private static void checkPublishable(MqttMessage message) {
        Objects.requireNonNull(message, "message");
        if (!message.subscriptionIdentifiers().isEmpty()) {
            throw new IllegalArgumentException(
                    "a message to publish must not carry subscription identifiers [MQTT-3.3.4-6] (5.0)");
        }
    }

    @Override
    public Flux<MqttMessage> subscribe(SubscribeRequest request, AcknowledgeMode acknowledgeMode) {
        checkSubscribable(request);
        Objects.requireNonNull(acknowledgeMode, "acknowledgeMode");
        return Flux.create(emitter -> eventLoop.execute(() -> core.subscribe(request, emitter,
                        Acknowledgement.of(acknowledgeMode), result -> { })),
                FluxSink.OverflowStrategy.BUFFER);
    }

    @Override
    public MqttSubscription subscription(SubscribeRequest request, AcknowledgeMode acknowledgeMode) {
        checkSubscribable(request);
        Objects.requireNonNull(acknowledgeMode, "acknowledgeMode");
        return new AcknowledgedSubscription(request, Acknowledgement.of(acknowledgeMode), eventLoop, core);
    }

    @Override
    public Flux<AcknowledgeableMessage> subscribeAcknowledged(SubscribeRequest request) {
        checkSubscribable(request);
        return Flux.create(emitter -> eventLoop.execute(() -> core.subscribe(request, emitter,
                        Acknowledgement.MANUAL, result -> { })),
                FluxSink.OverflowStrategy.BUFFER);
    }

    private void checkSubscribable(SubscribeRequest request) {
        Objects.requireNonNull(request, "request");
        SubscribeLimits.requireSupportedBy(options.version(), request);
    }

    @Override
    public MqttRequester requester(RequesterOptions requesterOptions) {
        Objects.requireNonNull(requesterOptions, "options");
        requireMqtt5("request/response");
        return new ClientRequester(this, requesterOptions, this::currentOrNextConnection);
    }

    @Override
    public MqttResponder responder(SubscribeRequest request, Function<MqttMessage, Mono<MqttMessage>> handler) {
        Objects.requireNonNull(handler, "handler");
        requireMqtt5("a responder");
        return new ClientResponder(this, subscription(request), handler);
    }

    private void requireMqtt5(String feature) {
        if (!options.version().isMqtt5()) {
            throw new UnsupportedOperationException(feature + " needs MQTT 5.0: " + options.version()
                    + " has no Response Topic and Correlation Data");
        }
    }

    /** Emits the CONNACK's result of the current connection, or of the next one; errors once the client closes. */
    private Mono<ConnectResult> currentOrNextConnection() {
        Mono<ConnectResult> current = Mono.create(sink ->
                eventLoop.execute(() -> sink.success(core.currentConnection())));
        return Flux.merge(core.events().events().ofType(MqttClientEvent.Connected.class)
                        .map(MqttClientEvent.Connected::result), current)
                .next()
                .switchIfEmpty(Mono.error(MqttClientClosedException::new));
    }

    @Override
    public Flux<MqttMessage> unsolicitedMessages() {
        return Flux.create(emitter -> eventLoop.execute(() -> core.unsolicited(emitter)),
                FluxSink.OverflowStrategy.BUFFER);
    }

    @Override
    public Flux<ConnectionState> connectionStates() {
        return core.events().states();
    }

    @Override
    public ConnectionState connectionState() {
        return core.events().state();
    }

    @Override
    public Flux<MqttClientEvent> events() {
        return core.events().events();
    }

    /** The internal view that metrics and observations bind to. */
    public ClientTelemetry telemetry() {
        return core.telemetry();
    }

    @Override
    public Mono<Void> close() {
        return Mono.create(sink -> eventLoop.execute(() -> core.close(sink)));
    }

    @Override
    public String toString() {
        return "NettyMqttClient[" + options.serverHost() + ":" + options.serverPort() + ", "
                + options.version() + ", clientId=" + options.clientId() + "]";
    }
}
