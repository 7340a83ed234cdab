package io.mqttreactive.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.testing.FreePorts;
import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker.Listener;
import io.mqttreactive.netty.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The auto-configured client against HiveMQ CE on loopback: startup, loops, health and graceful shutdown. */
class MqttStarterIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HiveMqBroker broker = HiveMqBroker.shared();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqttAutoConfiguration.class))
            .withPropertyValues("mqtt.uri=" + broker.uri(Listener.TCP));

    @Test
    void connectsOnStartupAndReportsHealthUp() {
        runner.withPropertyValues("mqtt.client-id=starter-health").run(context -> {
            MqttClient client = context.getBean(MqttClient.class);
            awaitState(client, ConnectionState.CONNECTED);

            Health health = context.getBean(MqttHealthIndicator.class).health(true).block(WAIT);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("state", "CONNECTED")
                    .containsEntry("clientId", "starter-health").containsEntry("sessionPresent", false);
        });
    }

    @Test
    void anSslBundleSecuresTheConnectionWithMutualTls() {
        TestCertificates certificates = broker.certificates();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MqttAutoConfiguration.class))
                .withPropertyValues("mqtt.uri=" + broker.uri(Listener.MUTUAL_TLS), "mqtt.client-id=starter-tls",
                        "mqtt.ssl-bundle=broker",
                        "spring.ssl.bundle.pem.broker.truststore.certificate=file:" + certificates.caCertificatePem(),
                        "spring.ssl.bundle.pem.broker.keystore.certificate=file:"
                                + certificates.clientCertificatePem(),
                        "spring.ssl.bundle.pem.broker.keystore.private-key=file:"
                                + certificates.clientPrivateKeyPem())
                .run(context -> {
                    MqttClient client = context.getBean(MqttClient.class);
                    assertThat(client.options().tls()).isPresent();
                    awaitState(client, ConnectionState.CONNECTED);
                });
    }

    @Test
    void deliversOnTheLoopsOfSpringsReactorResourceFactory() {
        runner.withUserConfiguration(MqttAutoConfigurationTest.OwnLoops.class)
                .withPropertyValues("mqtt.client-id=starter-loops").run(context -> {
                    MqttClient client = context.getBean(MqttClient.class);
                    awaitState(client, ConnectionState.CONNECTED);
                    AtomicReference<String> deliveredOn = new AtomicReference<>();

                    StepVerifier.create(client.subscribe("starter/loops", MqttQos.AT_LEAST_ONCE)
                                    .doOnNext(message -> deliveredOn.set(Thread.currentThread().getName())).take(1))
                            .then(() -> client.publish(message("starter/loops", 0)).subscribe())
                            .expectNextCount(1).expectComplete().verify(WAIT);

                    assertThat(deliveredOn.get()).startsWith("own-loops");
                });
    }

    @Test
    void gracefulShutdownWaitsForInFlightPublishesAndLosesNoneThatWereAcknowledged() {
        int messages = 2_000;
        Set<String> received = ConcurrentHashMap.newKeySet();
        MqttClient observer = MqttClients.create(MqttClientOptions.builder().uri(broker.uri(Listener.TCP).toString())
                .clientId("starter-shutdown-observer").build());
        observer.connect().block(WAIT);
        Mono<MqttClientEvent> subscribed = observer.events()
                .filter(event -> event instanceof MqttClientEvent.Subscribed).next().cache();
        subscribed.subscribe();
        Disposable observing = observer.subscribe("starter/shutdown", MqttQos.AT_LEAST_ONCE)
                .subscribe(message -> received.add(new String(message.payload(), StandardCharsets.UTF_8)));
        subscribed.block(WAIT);
        try {
            List<PublishResult> acknowledged = new CopyOnWriteArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            runner.withPropertyValues("mqtt.client-id=starter-shutdown", "mqtt.shutdown.timeout=20s")
                    .run(context -> {
                        MqttClient client = context.getBean(MqttClient.class);
                        awaitState(client, ConnectionState.CONNECTED);
                        DrainableMqttClient drainable = context.getBean(DrainableMqttClient.class);
                        Flux.range(0, messages).flatMap(i -> client.publish(message("starter/shutdown", i))
                                        .doOnNext(acknowledged::add).doOnError(failures::add)
                                        .onErrorResume(error -> Mono.empty()), 256)
                                .subscribe();
                        StepVerifier.create(Flux.interval(Duration.ofMillis(1))
                                        .filter(tick -> drainable.publishesInProgress() > 0).take(1))
                                .expectNextCount(1).expectComplete().verify(WAIT);

                        context.close();

                        assertThat(drainable.publishesInProgress()).isZero();
                    });

            System.out.printf("graceful shutdown: %d acknowledged, %d refused as shutting down%n",
                    acknowledged.size(), failures.size());
            assertThat(failures).allSatisfy(failure -> assertThat(failure)
                    .isInstanceOf(MqttShuttingDownException.class));
            assertThat(acknowledged).as("publishes acknowledged before the disconnect").isNotEmpty();
            assertThat(acknowledged.size() + failures.size()).isEqualTo(messages);
            StepVerifier.create(Flux.interval(Duration.ofMillis(5))
                            .filter(tick -> received.size() >= acknowledged.size()).take(1))
                    .expectNextCount(1).expectComplete().verify(WAIT);
            for (PublishResult result : acknowledged) {
                assertThat(received).contains(new String(result.message().payload(), StandardCharsets.UTF_8));
            }
        } finally {
            observing.dispose();
            observer.close().block(WAIT);
        }
    }

    @Test
    void failFastFailsStartupWhenTheBrokerCannotBeReached() {
        int closedPort = FreePorts.pick(1)[0];
        runner.withPropertyValues("mqtt.uri=mqtt://127.0.0.1:" + closedPort, "mqtt.connect.fail-fast=true",
                "mqtt.connect-timeout=2s").run(context -> assertThat(context).hasFailed()
                        .getFailure().hasRootCauseInstanceOf(java.net.ConnectException.class));
    }

    @Test
    void withoutFailFastStartupGoesOnAndTheStatusShowsTheFailure() {
        int closedPort = FreePorts.pick(1)[0];
        runner.withPropertyValues("mqtt.uri=mqtt://127.0.0.1:" + closedPort, "mqtt.reconnect.initial-delay=50ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MqttConnectionStatus status = context.getBean(MqttConnectionStatus.class);
                    StepVerifier.create(Flux.interval(Duration.ofMillis(10))
                                    .filter(tick -> status.lastError().isPresent()).take(1))
                            .expectNextCount(1).expectComplete().verify(WAIT);
                    assertThat(status.isUp()).isFalse();
                    assertThat(status.lastError().get()).isInstanceOf(MqttException.class);
                    Health health = context.getBean(MqttHealthIndicator.class).health(true).block(WAIT);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsKey("lastError");
                });
    }

    private static MqttMessage message(String topic, int index) {
        return MqttMessage.of(topic, Integer.toString(index).getBytes(StandardCharsets.UTF_8), MqttQos.AT_LEAST_ONCE);
    }

    private static void awaitState(MqttClient client, ConnectionState state) {
        StepVerifier.create(client.connectionStates().filter(state::equals).take(1))
                .expectNext(state).expectComplete().verify(WAIT);
    }
}
