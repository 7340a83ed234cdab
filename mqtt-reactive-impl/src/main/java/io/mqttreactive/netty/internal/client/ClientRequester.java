package io.mqttreactive.netty.internal.client;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttRequester;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.exception.MqttRequestTimeoutException;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.options.RequesterOptions;
import io.mqttreactive.topic.MqttTopic;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * MQTT 5.0 request/response (sec 4.10) on the public client API: a pending table keyed by the request id in the
 * Correlation Data, bounded by {@link RequesterOptions#maximumPendingRequests()}, and one
 * {@link ResponseSubscription} shared by all requests, made lazily and made again after it ended. Requests may
 * come from any thread; responses are routed on the client's event loop.
 */
final class ClientRequester implements MqttRequester {

    private final MqttClient client;
    private final RequesterOptions options;
    private final ResponseTopics topics;
    private final Supplier<Mono<ConnectResult>> connection;
    private final CorrelationIds ids = new CorrelationIds();
    private final Map<Long, Sinks.One<MqttMessage>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final LongAdder unmatched = new LongAdder();
    private final AtomicReference<@Nullable ResponseSubscription> responses = new AtomicReference<>();

    /**
     * @param connection emits the CONNACK of the current connection, or of the next one if not connected
     */
    ClientRequester(MqttClient client, RequesterOptions options, Supplier<Mono<ConnectResult>> connection) {
        this.client = client;
        this.options = options;
        this.topics = new ResponseTopics(options, client.options().clientId());
        this.connection = connection;
    }

    @Override
    public RequesterOptions options() {
        return options;
    }

    @Override
    public Mono<MqttMessage> request(MqttMessage request, Duration timeout) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("a request timeout must be positive: " + timeout);
        }
        if (request.responseTopic().isPresent() || request.correlationData().isPresent()) {
            throw new IllegalArgumentException(
                    "a request must not carry a Response Topic or Correlation Data: the requester sets both");
        }
        return Mono.defer(() -> send(request, timeout));
    }

    private Mono<MqttMessage> send(MqttMessage request, Duration timeout) {
        if (pendingCount.incrementAndGet() > options.maximumPendingRequests()) {
            pendingCount.decrementAndGet();
            return Mono.error(new MqttBufferFullException("pending request table", options.maximumPendingRequests()));
        }
        long id = ids.next();
        Sinks.One<MqttMessage> response = Sinks.one();
        AtomicBoolean released = new AtomicBoolean();
        pending.put(id, response);
        return responseSubscription()
                .flatMap(topic -> client.publish(request.mutate().responseTopic(topic)
                        .correlationData(ids.encode(id)).build()))
                .then(response.asMono())
                .timeout(timeout, Mono.error(() -> new MqttRequestTimeoutException(request.topic().value(), timeout)))
                .doOnTerminate(() -> release(id, released))
                .doOnCancel(() -> release(id, released));
    }

    /** Ends a request's pending state, once, before its outcome is signalled downstream. */
    private void release(long id, AtomicBoolean released) {
        if (released.compareAndSet(false, true)) {
            pending.remove(id);
            pendingCount.decrementAndGet();
        }
    }

    private Mono<MqttTopic> responseSubscription() {
        ResponseSubscription current = responses.get();
        while (current == null) {
            ResponseSubscription made = new ResponseSubscription();
            current = responses.compareAndSet(null, made) ? made : responses.get();
        }
        return current.ready;
    }

    @Override
    public Mono<MqttTopic> responseTopic() {
        return topics.configured().map(Mono::just)
                .orElseGet(() -> connection.get().map(topics::forConnection));
    }

    @Override
    public int pendingRequests() {
        return pendingCount.get();
    }

    @Override
    public long unmatchedResponses() {
        return unmatched.sum();
    }

    private void route(MqttMessage response) {
        long id = response.correlationData().map(ids::decode).orElse(CorrelationIds.FOREIGN);
        Sinks.One<MqttMessage> waiting = id == CorrelationIds.FOREIGN ? null : pending.remove(id);
        if (waiting == null || waiting.tryEmitValue(response).isFailure()) {
            unmatched.increment();
        }
    }

    /**
     * The subscription to the response topic: {@link #ready} emits the topic once the broker has acknowledged
     * it. {@code cache()} keeps the subscribe step running when the requests waiting for it cancel, so it runs
     * once. When the subscription fails or ends, it stops being the requester's, so the next request makes a new
     * one.
     */
    private final class ResponseSubscription {

        final Mono<MqttTopic> ready = responseTopic().flatMap(this::subscribe).doOnError(error -> end()).cache();

        private Mono<MqttTopic> subscribe(MqttTopic topic) {
            MqttSubscription subscription = client.subscription(
                    SubscribeRequest.of(Subscription.of(topic.value(), options.responseQos())));
            subscription.messages().subscribe(ClientRequester.this::route, error -> end(), this::end);
            return subscription.acknowledged().thenReturn(topic);
        }

        private void end() {
            responses.compareAndSet(this, null);
        }
    }
}
