package io.mqttreactive.netty.it;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.TestCertificates;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.TlsOptions;
import io.mqttreactive.options.Transport;
import io.mqttreactive.options.WebSocketOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The clients of one test, for one broker and {@link MqttProfile}: options pointing at the profile's listener
 * (TLS trusting the test CA, host name verification on), client identifiers and topics unique to the test, and
 * a bounded {@link #close()} of every client made. Reconnect is off, as the brief of these suites wants a lost
 * connection to end subscriptions with an error.
 */
final class TestClients implements AutoCloseable {

    /** A short connect timeout, so a test that fails to connect fails fast. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final MqttTestBroker broker;
    private final MqttProfile profile;
    private final String testId;
    private final List<MqttClient> clients = new ArrayList<>();

    TestClients(MqttTestBroker broker, MqttProfile profile) {
        this.broker = broker;
        this.profile = profile;
        this.testId = Long.toString(SEQUENCE.incrementAndGet(), 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
    }

    MqttProfile profile() {
        return profile;
    }

    /** Returns the identifier of this test, unique in the JVM: letters and digits only. */
    String testId() {
        return testId;
    }

    /** Returns a client identifier unique to this test, at most 23 characters as 3.1.1 servers must accept. */
    String clientId(String role) {
        String id = role + "-" + testId;
        return id.length() <= 23 ? id : id.substring(id.length() - 23);
    }

    /** Returns a topic unique to this test: {@code it/<test>/<suffix>}. */
    String topic(String suffix) {
        return "it/" + testId + "/" + suffix;
    }

    /** Options for the profile's listener of the broker, with a fresh client identifier for {@code role}. */
    MqttClientOptions.Builder options(String role) {
        return options(role, broker.port(profile.listener()));
    }

    /** Options like {@link #options(String)} but for another port on the loopback, such as a proxy's. */
    MqttClientOptions.Builder options(String role, int port) {
        MqttClientOptions.Builder builder = MqttClientOptions.builder()
                .serverHost(broker.host())
                .serverPort(port)
                .version(profile.version())
                .clientId(clientId(role))
                .reconnect(ReconnectOptions.DISABLED)
                .connectTimeout(CONNECT_TIMEOUT);
        if (profile.isTls()) {
            builder.tls(tls(broker.certificates()).build());
        }
        if (profile.isWebSocket()) {
            builder.transport(Transport.WEBSOCKET).webSocket(WebSocketOptions.DEFAULT.withPath(broker.webSocketPath()));
        }
        return builder;
    }

    /** TLS options that trust the CA of {@code certificates}, host name verification on. */
    static TlsOptions.Builder tls(TestCertificates certificates) {
        return TlsOptions.builder().trustedCertificates(List.of(certificates.caCertificate()));
    }

    MqttClient create(MqttClientOptions options) {
        MqttClient client = MqttClients.create(options);
        clients.add(client);
        return client;
    }

    MqttClient create(String role) {
        return create(options(role).build());
    }

    /** Creates and connects a client for {@code role}. */
    MqttClient connected(String role) {
        return connected(role, UnaryOperator.identity());
    }

    /** Creates and connects a client for {@code role} with options adjusted by {@code customizer}. */
    MqttClient connected(String role, UnaryOperator<MqttClientOptions.Builder> customizer) {
        MqttClient client = create(customizer.apply(options(role)).build());
        client.connect().block(Received.TIMEOUT);
        return client;
    }

    /** Subscribes {@code client} to {@code filter} and returns once the broker's SUBACK granted it. */
    static Received<MqttMessage> subscribe(MqttClient client, String filter, MqttQos maxQos) {
        return subscribe(client, SubscribeRequest.of(Subscription.of(filter, maxQos)));
    }

    /** Subscribes {@code client} with {@code request} and returns once the broker's SUBACK granted it. */
    static Received<MqttMessage> subscribe(MqttClient client, SubscribeRequest request) {
        CompletableFuture<SubscribeResult> subAck = subAck(client, request);
        Received<MqttMessage> received = Received.of(client.subscribe(request));
        SubscribeResult result = Mono.fromFuture(subAck).block(Received.TIMEOUT);
        if (!result.isSuccess()) {
            throw new AssertionError("the broker refused " + request + ": " + result);
        }
        return received;
    }

    /** Returns the SUBACK for the first filter of {@code request} as it arrives; call before subscribing. */
    static CompletableFuture<SubscribeResult> subAck(MqttClient client, SubscribeRequest request) {
        var firstFilter = request.subscriptions().get(0).filter();
        return client.events()
                .ofType(MqttClientEvent.Subscribed.class)
                .map(MqttClientEvent.Subscribed::result)
                .filter(result -> result.subscriptions().stream().anyMatch(s -> s.filter().equals(firstFilter)))
                .next()
                .toFuture();
    }

    /** Records {@code client}'s events from now on. */
    static Received<MqttClientEvent> events(MqttClient client) {
        return Received.of(client.events());
    }

    /** Publishes each message in turn and waits for each to complete. */
    static void publish(MqttClient client, MqttMessage... messages) {
        Flux.fromArray(messages).concatMap(client::publish).blockLast(Received.TIMEOUT);
    }

    /** Closes every client made here, each within a bounded time; failures are collected, not thrown. */
    @Override
    public void close() {
        for (MqttClient client : clients) {
            try {
                client.close().block(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                System.err.println("[it] closing " + client + " failed: " + e);
            }
        }
        clients.clear();
    }
}
