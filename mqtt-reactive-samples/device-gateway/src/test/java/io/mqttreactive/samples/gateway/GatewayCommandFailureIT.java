package io.mqttreactive.samples.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A command the client cannot take answers 503 with the typed error: here the broker of {@code mqtt.uri} cannot
 * be reached and the offline queue holds nothing, so the publish fails at once with
 * {@code MqttBufferFullException}. Also: with {@code mqtt.uri} set nothing is embedded or simulated, and the
 * status and health say the client is not connected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mqtt.flow-control.offline-queue-size=0", "mqtt.reconnect.initial-delay=100ms"})
class GatewayCommandFailureIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void unreachableBroker(DynamicPropertyRegistry registry) {
        int closedPort = closedLoopbackPort();
        registry.add("mqtt.uri", () -> "mqtt://127.0.0.1:" + closedPort);
    }

    @Value("${local.server.port}")
    private int port;

    private WebTestClient web;

    @BeforeEach
    void setUp() {
        web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(WAIT).build();
    }

    @Test
    void answers503WithTheTypedErrorWhenTheCommandCannotBePublished() {
        web.post().uri("/api/devices/device-1/commands").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "blink"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.error").isEqualTo("MqttBufferFullException")
                .jsonPath("$.title").isEqualTo("Command not delivered to the broker")
                .jsonPath("$.detail").isEqualTo("The offline queue is full (capacity 0)");
    }

    @Test
    void reportsTheClientAsNotConnectedAndSimulatesNothing() {
        web.get().uri("/api/status").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.connected").isEqualTo(false)
                .jsonPath("$.broker").isEqualTo("127.0.0.1:" + brokerPort());
        web.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.components.mqtt.status").isEqualTo("DOWN");
    }

    @Value("${mqtt.uri}")
    private String brokerUri;

    private int brokerPort() {
        return Integer.parseInt(brokerUri.substring(brokerUri.lastIndexOf(':') + 1));
    }

    private static int closedLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }
}
