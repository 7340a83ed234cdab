package io.mqttreactive.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttVersion;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The quickstart end to end, briefly: real clients and real windows on an embedded HiveMQ CE broker, started
 * once for the class (each start and stop costs seconds) and given to the runs as their broker. BlockHound is
 * installed (see the Failsafe configuration in this module's pom), so a blocking call on an event loop or a
 * Reactor non-blocking thread, by the sample or the SDK, fails the run.
 */
@Timeout(60)
class QuickstartIT {

    private static final List<String> DEVICES = List.of("dev-01", "dev-02", "dev-03", "dev-04");

    private static EmbeddedBroker broker;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aggregatesTheTelemetryOfEveryDevice() {
        QuickstartSettings settings = new QuickstartSettings(Optional.of(MqttClientOptions.parse(broker.uri())),
                Optional.empty(), DEVICES.size(), 10, Duration.ofSeconds(2), Duration.ofMillis(500), false);

        RunReport report = new QuickstartRun(settings, new PrintWriter(out, true), Mono.never(), Clock.systemUTC())
                .run();

        assertThat(report.published()).containsOnlyKeys(DEVICES).allSatisfy((device, count) ->
                assertThat(count).as("readings of %s acknowledged", device).isGreaterThanOrEqualTo(10));
        assertThat(report.received()).containsOnlyKeys(DEVICES).allSatisfy((device, stats) ->
                assertThat(stats.count()).as("readings of %s received", device)
                        .isEqualTo(report.published().get(device)));
        assertThat(report.allDelivered()).isTrue();
        assertThat(report.windows()).isGreaterThanOrEqualTo(4);
        assertThat(report.rejected()).isZero();
        assertThat(out.toString())
                .contains("broker at " + broker.uri(), "MQTT 5.0", "(application/json)")
                .contains("window 1 ", "window 2 ", "Totals over ")
                .contains("Published " + report.publishedCount() + " readings at QoS 1")
                .contains("the dashboard received " + report.receivedCount());
        assertThat(out.toString().lines().filter(line -> line.startsWith("  dev-0"))).hasSizeGreaterThan(8);
    }

    @Test
    void runsFromTheCommandLineWithMqtt311AndExitsWithZero() {
        int exitCode = execute("--broker", broker.uri(), "--version", "3.1.1", "--devices", "2", "--rate", "20",
                "--duration", "1s", "--window", "400ms");

        assertThat(err.toString()).isEmpty();
        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("MQTT 3.1.1", "dev-01", "dev-02", "Totals over ")
                .doesNotContain("application/json", "Warning", "other publishers");
    }

    @Test
    void anUnreachableBrokerFailsWithExitCodeOneAndAClearMessage() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        int exitCode = execute("--broker", "mqtt://127.0.0.1:" + closedPort, "--duration", "1s");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).startsWith("quickstart failed: The dashboard cannot connect to the broker at"
                + " mqtt://127.0.0.1:" + closedPort + ": ");
        assertThat(out.toString()).doesNotContain("Starting an embedded");
    }

    @Test
    void blockHoundIsWatching() {
        CountDownLatch never = new CountDownLatch(1);
        Mono<Boolean> blockingOnAParallelThread = Mono.fromCallable(() -> never.await(1, TimeUnit.MILLISECONDS))
                .subscribeOn(Schedulers.parallel());
        assertThatThrownBy(() -> blockingOnAParallelThread.block(Duration.ofSeconds(5)))
                .hasCauseInstanceOf(BlockingOperationError.class);
    }

    @Test
    void theVersionOptionOverridesTheBrokerUri() {
        QuickstartSettings settings = new QuickstartSettings(
                Optional.of(new CommandLineConverters.BrokerUri().convert("mqtt://127.0.0.1:1?version=3.1.1")),
                Optional.of(MqttVersion.MQTT_5_0), 1, 1, Duration.ofSeconds(1), Duration.ofSeconds(1), false);
        assertThat(settings.version()).contains(MqttVersion.MQTT_5_0);
        assertThat(settings.period()).isEqualTo(Duration.ofSeconds(1));
    }

    private int execute(String... args) {
        return Quickstart.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
