package io.mqttreactive.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.samples.EmbeddedBroker;
import io.mqttreactive.samples.Telemetry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The gateway's HTTP API in embedded mode, against the HiveMQ CE broker it starts and its simulated devices:
 * telemetry as Server-Sent Events with its {@code Instant}, the per-device stream, commands and their round
 * trip, a bad command body, the status and the actuator's {@code mqtt} health.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.telemetry-period=200ms")
class GatewayApiIT {

    /** Generous: the first readings wait for the broker, the devices and the JIT of a loaded 2-core machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final ParameterizedTypeReference<ServerSentEvent<Telemetry>> TELEMETRY_EVENTS =
            new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<ServerSentEvent<Messages.CommandResult>> RESULT_EVENTS =
            new ParameterizedTypeReference<>() { };

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private EmbeddedBroker broker;

    private WebTestClient web;
    private MqttClient probe;

    @BeforeEach
    void setUp() {
        web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(WAIT).build();
        probe = MqttClients.create(broker.uri());
        probe.connect().block(WAIT);
    }

    @AfterEach
    void tearDown() {
        probe.close().block(WAIT);
    }

    @Test
    void streamsTelemetryPublishedAsJsonWithAnInstant() {
        Instant measuredAt = Instant.parse("2026-03-04T05:06:07.891Z");
        byte[] json = ("{\"deviceId\":\"probe-7\",\"temperature\":23.5,\"humidity\":41.25,"
                + "\"timestamp\":\"2026-03-04T05:06:07.891Z\"}").getBytes(StandardCharsets.UTF_8);

        Flux<ServerSentEvent<Telemetry>> events = sse("/api/telemetry", TELEMETRY_EVENTS);

        StepVerifier.create(events)
                .assertNext(first -> assertThat(first.comment()).isEqualTo(SharedSubscription.SUBSCRIBED))
                .then(() -> probe.publish(MqttMessage.of("devices/probe-7/telemetry", json, MqttQos.AT_LEAST_ONCE))
                        .subscribe())
                .thenConsumeWhile(event -> !"probe-7".equals(event.data().deviceId()))
                .assertNext(event -> assertThat(event.data())
                        .isEqualTo(new Telemetry("probe-7", 23.5, 41.25, measuredAt)))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void streamsOneDevicesReadingsOnly() {
        Flux<Telemetry> readings = sse("/api/devices/device-2/telemetry", TELEMETRY_EVENTS)
                .filter(event -> event.data() != null).map(ServerSentEvent::data);

        StepVerifier.create(readings.take(3).collectList())
                .assertNext(list -> assertThat(list).hasSize(3).allSatisfy(reading -> {
                    assertThat(reading.deviceId()).isEqualTo("device-2");
                    assertThat(reading.timestamp()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
                }))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void acceptsACommandOnceTheBrokerAcknowledgedItAndShowsTheDevicesAnswer() throws InterruptedException {
        BlockingQueue<ServerSentEvent<Messages.CommandResult>> results = new LinkedBlockingQueue<>();
        Disposable listening = sse("/api/command-results", RESULT_EVENTS).subscribe(results::add);
        try {
            assertThat(next(results).comment()).isEqualTo(SharedSubscription.SUBSCRIBED);

            Messages.CommandAccepted accepted = web.post().uri("/api/devices/device-1/commands")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("action", "blink", "value", "3"))
                    .exchange()
                    .expectStatus().isAccepted()
                    .expectBody(Messages.CommandAccepted.class).returnResult().getResponseBody();

            assertThat(accepted.topic()).isEqualTo("devices/device-1/commands");
            assertThat(accepted.reasonCode()).isEqualTo("SUCCESS");
            Messages.CommandResult answer = next(results).data();
            assertThat(answer.commandId()).isEqualTo(accepted.commandId());
            assertThat(answer.deviceId()).isEqualTo("device-1");
            assertThat(answer.action()).isEqualTo("blink");
            assertThat(answer.status()).isEqualTo("DONE");
        } finally {
            listening.dispose();
        }
    }

    @Test
    void rejectsABadCommandWith400() {
        web.post().uri("/api/devices/device-1/commands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\":")
                .exchange().expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
        web.post().uri("/api/devices/device-1/commands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("value", "3"))
                .exchange().expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectBody().jsonPath("$.detail").isEqualTo("\"action\" is required");
        web.post().uri("/api/devices/a+b/commands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "blink"))
                .exchange().expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void reportsTheConnectionStateAndTheMqttHealth() {
        StepVerifier.create(web.get().uri("/api/status/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                        .expectStatus().isOk().returnResult(String.class).getResponseBody()
                        .filter("CONNECTED"::equals).take(1))
                .expectNext("CONNECTED")
                .expectComplete()
                .verify(WAIT);
        web.get().uri("/api/status").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("CONNECTED")
                .jsonPath("$.connected").isEqualTo(true)
                .jsonPath("$.broker").isEqualTo("127.0.0.1:" + broker.port())
                .jsonPath("$.telemetry.filter").isEqualTo("devices/+/telemetry");
        web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.mqtt.status").isEqualTo("UP")
                .jsonPath("$.components.mqtt.details.state").isEqualTo("CONNECTED");
    }

    private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T next = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(next).as("an event within %s", WAIT).isNotNull();
        return next;
    }

    private <T> Flux<T> sse(String path, ParameterizedTypeReference<T> type) {
        return web.get().uri(path).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(type).getResponseBody();
    }
}
