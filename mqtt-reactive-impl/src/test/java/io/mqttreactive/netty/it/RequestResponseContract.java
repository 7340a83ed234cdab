package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttRequester;
import io.mqttreactive.MqttResponder;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttRequestTimeoutException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.RequesterOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * MQTT 5.0 request/response (sec 4.10) through a real broker, requester and responder on different clients: the
 * Response Topic and Correlation Data survive the broker ([MQTT-3.3.2-15] and [MQTT-3.3.2-16] bind it), 10,000
 * concurrent requests each get their own response, and timed-out or cancelled requests leave nothing pending.
 */
abstract class RequestResponseContract {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int REQUESTS = 10_000;
    private static final int IN_FLIGHT = 500;

    private final String run = Long.toString(System.nanoTime(), 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
    private final List<MqttClient> clients = new ArrayList<>();

    /** @return the broker of the concrete class */
    abstract MqttTestBroker broker();

    @AfterEach
    void closeClients() {
        clients.forEach(client -> client.close().block(WAIT));
    }

    private MqttClient client(String role, UnaryOperator<MqttClientOptions.Builder> options) {
        String clientId = role + "-" + run;
        MqttClient client = MqttClients.create(options.apply(MqttClientOptions.builder()
                .uri(broker().uri(MqttTestBroker.Listener.TCP).toString()).version(MqttVersion.MQTT_5_0)
                .clientId(clientId.length() <= 23 ? clientId : clientId.substring(clientId.length() - 23))).build());
        clients.add(client);
        return client;
    }

    private MqttClient connected(String role) {
        MqttClient client = client(role, UnaryOperator.identity());
        client.connect().block(WAIT);
        return client;
    }

    private String topic(String service) {
        return "rr/" + run + "/" + service;
    }

    private static MqttMessage request(String topic, String payload) {
        return MqttMessage.builder().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE)
                .userProperties(UserProperties.of("kind", "request")).build();
    }

    /** Starts a responder on its own client and waits until the broker has its subscription. */
    private MqttResponder respond(String service, Function<MqttMessage, Mono<MqttMessage>> handler) {
        MqttResponder responder = connected("responder").responder(topic(service), MqttQos.AT_LEAST_ONCE, handler);
        responder.responses().subscribe();
        responder.acknowledged().block(WAIT);
        return responder;
    }

    private static Mono<MqttMessage> echo(MqttMessage request) {
        return Mono.just(MqttMessage.builder().topic("replaced").payload(request.payload())
                .qos(MqttQos.AT_LEAST_ONCE).build());
    }

    @Test
    @DisplayName("sec 4.10: one round trip, the response on the requester's response topic with its Correlation "
            + "Data")
    void oneRoundTrip() {
        respond("echo", RequestResponseContract::echo);
        MqttRequester requester = connected("requester").requester();

        MqttMessage response = requester.request(request(topic("echo"), "hello")).block(WAIT);

        assertThat(response.payloadAsString()).isEqualTo("hello");
        assertThat(response.topic()).isEqualTo(requester.responseTopic().block(WAIT));
        assertThat(response.correlationData()).get().extracting(data -> data.length).isEqualTo(16);
        assertThat(requester.pendingRequests()).isZero();
        assertThat(requester.unmatchedResponses()).isZero();
    }

    /**
     * 10,000 requests through one requester and its one response subscription, at most {@value #IN_FLIGHT} at a
     * time. The bound is the brokers', not the client's: both queue at most 1,000 messages per client and drop
     * beyond (mosquitto's {@code max_queued_messages}, logging "Outgoing messages are being dropped"; HiveMQ's
     * {@code max-queue-size}). With all 10,000 published at once, whenever the responder falls behind the requester
     * its queue overflows and requests are lost, however well the client behaves. The pending table holding
     * 10,000 at once is shown by {@link #tenThousandRequestsArePendingAtOnce()}. The responder echoes each payload,
     * so every response is checked against its own request.
     */
    @Test
    @DisplayName("sec 4.10.2: 10,000 requests, many concurrent, each get their own response, none mixed up")
    void tenThousandConcurrentRequestsNoneMixedUp() {
        respond("echo", RequestResponseContract::echo);
        MqttRequester requester = connected("requester").requester();

        List<Tuple2<Integer, String>> answered = Flux.range(0, REQUESTS)
                .flatMap(i -> requester.request(request(topic("echo"), "request-" + i))
                        .map(response -> Tuples.of(i, response.payloadAsString())), IN_FLIGHT)
                .collectList()
                .block(WAIT.multipliedBy(4));

        assertThat(answered).hasSize(REQUESTS)
                .allSatisfy(pair -> assertThat(pair.getT2()).isEqualTo("request-" + pair.getT1()));
        assertThat(answered).extracting(Tuple2::getT1).doesNotHaveDuplicates();
        assertThat(requester.pendingRequests()).isZero();
        assertThat(requester.unmatchedResponses()).isZero();
    }

    /**
     * All requests are subscribed while the requester's client is not connected yet, so nothing can answer or
     * fail them: all 10,000 are pending at once. Then the client connects and nobody listens on the request
     * topic, so the broker discards them and every one times out, leaving the table empty.
     */
    @Test
    @DisplayName("10,000 requests are pending at once, and all leave the table when they time out")
    void tenThousandRequestsArePendingAtOnce() {
        MqttClient requesterClient = client("requester", options -> options.flowControl(
                FlowControlOptions.DEFAULT.mutate().maximumPendingPublishes(REQUESTS).build()));
        MqttRequester requester =
                requesterClient.requester(RequesterOptions.DEFAULT.withTimeout(Duration.ofSeconds(5)));
        Sinks.One<Long> timedOut = Sinks.one();
        Flux.range(0, REQUESTS)
                .flatMap(i -> requester.request(request(topic("nobody"), "request-" + i))
                        .then(Mono.<Boolean>empty())
                        .onErrorResume(MqttRequestTimeoutException.class, timeout -> Mono.just(true)), REQUESTS)
                .count()
                .subscribe(timedOut::tryEmitValue, timedOut::tryEmitError);
        assertThat(requester.pendingRequests()).isEqualTo(REQUESTS);

        requesterClient.connect().block(WAIT);
        assertThat(timedOut.asMono().block(WAIT.multipliedBy(2))).isEqualTo(REQUESTS);
        assertThat(requester.pendingRequests()).isZero();
    }

    @Test
    @DisplayName("a request nobody answers fails with MqttRequestTimeoutException and leaves nothing pending")
    void aRequestNobodyAnswersTimesOut() {
        MqttRequester requester = connected("requester").requester();

        assertThatThrownBy(() -> requester.request(request(topic("nobody"), "hello"), Duration.ofMillis(500))
                .block(WAIT))
                .isInstanceOf(MqttRequestTimeoutException.class);
        assertThat(requester.pendingRequests()).isZero();
    }

    /**
     * The responder holds the first request until the test releases it, after the request was cancelled; its
     * response then comes back unmatched. The responder publishes it before it sees the next request, and the
     * broker keeps their order, so once the next response is in the late one was counted.
     */
    @Test
    @DisplayName("a cancelled request leaves nothing pending, and its late response is counted as unmatched")
    void aCancelledRequestLeavesNothingPending() {
        Sinks.One<MqttMessage> held = Sinks.one();
        Sinks.Empty<Void> release = Sinks.empty();
        respond("held", request -> request.payloadAsString().equals("hold")
                ? Mono.fromRunnable(() -> held.tryEmitValue(request)).then(release.asMono())
                        .then(echo(request))
                : echo(request));
        MqttRequester requester = connected("requester").requester();

        Disposable cancelled = requester.request(request(topic("held"), "hold")).subscribe();
        held.asMono().block(WAIT);
        assertThat(requester.pendingRequests()).isEqualTo(1);
        cancelled.dispose();
        assertThat(requester.pendingRequests()).isZero();

        release.tryEmitEmpty();
        assertThat(requester.request(request(topic("held"), "next")).block(WAIT).payloadAsString())
                .isEqualTo("next");
        assertThat(requester.unmatchedResponses()).isEqualTo(1);
        assertThat(requester.pendingRequests()).isZero();
    }
}
