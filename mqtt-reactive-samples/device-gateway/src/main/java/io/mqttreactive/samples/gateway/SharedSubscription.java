package io.mqttreactive.samples.gateway;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.spi.PayloadCodec;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.BufferOverflowStrategy;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * One MQTT subscription shared by every Server-Sent Events client that wants its messages, decoded once.
 *
 * <p>The subscription starts with the first client and ends (UNSUBSCRIBE) when the last one leaves
 * ({@code share()}, that is {@code publish().refCount()}); nothing is replayed to a client that joins later.
 *
 * <p>Backpressure: {@code share()} alone would go at the pace of the slowest client, and a stalled browser would
 * stall every other client and, at QoS 1, the broker. So each client gets its own bounded buffer of
 * {@code clientBuffer} messages between the shared stream and its HTTP response: a client that falls behind
 * loses its oldest messages ({@link BufferOverflowStrategy#DROP_OLDEST}), each one counted in
 * {@link #dropped()}, while the shared stream and the other clients go on. Memory stays at most
 * {@code clientBuffer} messages per client, and nothing blocks the event loop. A payload that cannot be decoded
 * is skipped and counted in {@link #undecodable()}.
 *
 * <p>Each client's stream starts with an SSE comment, {@code subscribed}, once the broker has acknowledged the
 * shared subscription (SUBACK): from then on every matching message reaches the client.
 *
 * @param <T> the decoded type
 */
final class SharedSubscription<T> {

    static final String SUBSCRIBED = "subscribed";

    private static final Logger LOG = Loggers.getLogger(SharedSubscription.class);

    private final String filter;
    private final Flux<T> shared;
    private final int clientBuffer;
    private final AtomicInteger clients = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private volatile MqttSubscription current;

    SharedSubscription(MqttClient client, String filter, PayloadCodec<T> codec, int clientBuffer) {
        this.filter = filter;
        this.clientBuffer = clientBuffer;
        SubscribeRequest request = SubscribeRequest.of(Subscription.of(filter, MqttQos.AT_LEAST_ONCE));
        this.shared = Flux.defer(() -> {
                    current = client.subscription(request);
                    return current.messages();
                })
                .<T>handle((message, sink) -> {
                    try {
                        sink.next(codec.decode(message));
                        received.incrementAndGet();
                    } catch (MqttPayloadCodecException e) {
                        undecodable.incrementAndGet();
                        LOG.warn("skipped a message on {} that is not valid JSON: {}", message.topic(), e.getMessage());
                    }
                })
                .share();
    }

    /**
     * Returns the messages from now on, for one client, with a bounded buffer of its own.
     *
     * @return a {@code Flux} that never completes while the client is subscribed
     */
    Flux<T> messages() {
        return shared.onBackpressureBuffer(clientBuffer, overflow -> dropped.incrementAndGet(),
                        BufferOverflowStrategy.DROP_OLDEST)
                .doOnSubscribe(subscription -> clients.incrementAndGet())
                .doFinally(signal -> clients.decrementAndGet());
    }

    /**
     * Returns the messages from now on as Server-Sent Events, after a {@value #SUBSCRIBED} comment once the
     * subscription is acknowledged.
     *
     * @return a {@code Flux} that never completes while the client is subscribed
     */
    Flux<ServerSentEvent<T>> events(Flux<T> messages) {
        // The messages first: subscribing them opens the shared subscription this client's comment waits for.
        Flux<ServerSentEvent<T>> events = messages.map(message -> ServerSentEvent.builder(message).build());
        Flux<ServerSentEvent<T>> subscribed = Mono.defer(() -> current.acknowledged())
                .map(ack -> ServerSentEvent.<T>builder().comment(SUBSCRIBED).build())
                .onErrorResume(error -> Mono.empty()).flux();
        return Flux.merge(events, subscribed);
    }

    /** The figures the status endpoint shows. */
    record Stats(String filter, int clients, long received, long dropped, long undecodable) {
    }

    Stats stats() {
        return new Stats(filter, clients.get(), received.get(), dropped.get(), undecodable.get());
    }

    long dropped() {
        return dropped.get();
    }

    long undecodable() {
        return undecodable.get();
    }
}
