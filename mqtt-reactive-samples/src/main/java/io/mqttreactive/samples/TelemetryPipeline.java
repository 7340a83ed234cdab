package io.mqttreactive.samples;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.spi.PayloadCodec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A stream-processing pipeline that crashes mid-stream and loses nothing. Devices publish numbered telemetry
 * readings at QoS 1 to {@code telemetry/<device>}; the {@link AggregatingPipeline} consumes them with manual
 * acknowledgement, aggregates each device's readings in windows, publishes each aggregate at QoS 1 to
 * {@code aggregates/<device>} and acknowledges a window's readings only once the aggregate's PUBACK arrived. Part
 * way through (after {@code --crash-after} of the readings), the pipeline's process is killed: its connection is cut
 * without a DISCONNECT and its durable session store stays as the crash left it ({@link PipelineProcess#kill()}). A
 * new pipeline process with the same client identifier and store starts, the broker resumes its session and sends
 * again the readings the first had not acknowledged, the store gives back the aggregates the first had not seen
 * acknowledged, and the pipeline carries on.
 *
 * <p>A separate checker subscribes to {@code aggregates/#} before anything is published and, once every reading is
 * covered (or 30 s after the devices finished), prints what arrived: every reading of every device must be covered
 * by an aggregate. Readings covered twice are counted with their reason; QoS 1 allows two: an aggregate received
 * again (re-sent from the store) and a reading aggregated by both runs (the crash came before its acknowledgement
 * reached the broker). A reading covered twice by one run is a fault.
 *
 * <p>Without {@code --broker} it starts an embedded HiveMQ CE broker on a free loopback port. Whatever the broker,
 * its queue for a session must hold what piles up while the pipeline is behind or restarting: past it a broker drops
 * QoS 1 messages (HiveMQ CE: {@code max-queue-size}, 1,000 by default, raised in the embedded one). The broker also
 * sets the pace of a pipeline that holds readings unacknowledged: see {@link AggregatingPipeline}. Exit codes: 0 when
 * every reading was covered and no reading was covered twice except as QoS 1 allows, 1 otherwise or when the run
 * failed, 2 for an invalid command line.
 */
@Command(name = "telemetry-pipeline", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Consumes telemetry at QoS 1 with manual acknowledgement, aggregates it in windows and "
                + "publishes the aggregates at QoS 1; crashes part way and restarts with its durable session store; "
                + "checks that no reading was lost.",
            "Without --broker, starts an embedded HiveMQ CE broker on a free loopback port."})
public final class TelemetryPipeline implements Callable<Integer> {

    /** The filter the checker subscribes to: every aggregate. */
    public static final String AGGREGATES = AggregatingPipeline.AGGREGATES_PREFIX + "#";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--broker", paramLabel = "URI", converter = CommandLineConverters.BrokerUri.class,
            description = "Broker to use instead of the embedded one, such as mqtt://localhost:1883 "
                    + "(mqtt:// or ws://, no TLS: the pipeline's connection goes through a relay it can cut).")
    private MqttClientOptions broker;

    @Option(names = "--devices", paramLabel = "N", defaultValue = "4",
            description = "Number of devices (default: ${DEFAULT-VALUE}).")
    private int devices;

    @Option(names = "--readings", paramLabel = "N", defaultValue = "2000",
            description = "Readings in all, the devices taking turns (default: ${DEFAULT-VALUE}).")
    private long readings;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "200",
            description = "Readings per second, in all (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--crash-after", paramLabel = "FRACTION", defaultValue = "0.4",
            description = "Crash the pipeline once this fraction of the readings was published, "
                    + "between 0 and 1 (default: ${DEFAULT-VALUE}).")
    private double crashAfter;

    @Option(names = "--window", paramLabel = "N", defaultValue = "10",
            description = "Most readings of a device in one window (default: ${DEFAULT-VALUE}).")
    private int windowSize;

    @Option(names = "--window-time", paramLabel = "TIME", defaultValue = "100ms",
            converter = CommandLineConverters.TimeSpan.class,
            description = "Longest a window stays open (default: ${DEFAULT-VALUE}).")
    private Duration windowTime;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Directory of the pipeline's durable session store (default: a temporary one, deleted "
                    + "at the end).")
    private Path store;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /**
     * How a run is shaped.
     *
     * @param devices    how many devices, 1 to {@link AggregatingPipeline#MAX_DEVICES}
     * @param readings   how many readings in all, at least 1
     * @param rate       readings per second, in all, at least 1
     * @param crashAfter the fraction of the readings published before the crash, 0 to 1
     * @param windowSize the most readings of a device in one window, at least 1
     * @param windowTime the longest a window stays open, positive
     */
    public record Settings(int devices, long readings, int rate, double crashAfter, int windowSize,
            Duration windowTime) {

        /**
         * Checks the settings.
         *
         * @throws IllegalArgumentException if one is out of range
         */
        public Settings {
            if (devices < 1 || devices > AggregatingPipeline.MAX_DEVICES) {
                throw new IllegalArgumentException("--devices must be 1 to " + AggregatingPipeline.MAX_DEVICES);
            }
            if (readings < 1 || rate < 1 || windowSize < 1) {
                throw new IllegalArgumentException("--readings, --rate and --window must be at least 1");
            }
            if (!(crashAfter >= 0 && crashAfter <= 1)) {
                throw new IllegalArgumentException("--crash-after must be between 0 and 1");
            }
            if (windowTime.isNegative() || windowTime.isZero()) {
                throw new IllegalArgumentException("--window-time must be positive");
            }
        }
    }

    /**
     * What a run did.
     *
     * @param coverage       what the checker's aggregates cover
     * @param crashedRun     aggregates published by the run that crashed, with their readings acknowledged
     * @param restoredRun    aggregates published by the run that took over, with their readings acknowledged
     * @param restored       aggregates the second run found unfinished in the store and published again
     * @param sessionResumed whether the broker still had the pipeline's session when the second run connected
     */
    public record Result(CoverageCheck.Coverage coverage, long crashedRun, long restoredRun, int restored,
            boolean sessionResumed) {

        /** @return whether every reading was covered, and covered twice only where QoS 1 allows it */
        public boolean passed() {
            return coverage.passed();
        }
    }

    /**
     * Runs the sample and exits with its exit code.
     *
     * @param args the command line; {@code --help} lists the options
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new TelemetryPipeline()).execute(args));
    }

    @Override
    public Integer call() {
        Settings settings;
        try {
            settings = new Settings(devices, readings, rate, crashAfter, windowSize, windowTime);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (broker != null && broker.tls().isPresent()) {
            throw new ParameterException(spec.commandLine(), "--broker must not use TLS: the pipeline's "
                    + "connection goes through a relay on the loopback interface, which breaks host name checks");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        Path storeDir = store != null ? store : temporaryDirectory();
        try {
            if (broker != null) {
                return run(broker, settings, storeDir, out).passed() ? 0 : 1;
            }
            out.println("Starting an embedded HiveMQ CE broker...");
            try (EmbeddedBroker embedded = EmbeddedBroker.start(TIMEOUT)) {
                return run(MqttClientOptions.parse(embedded.uri()), settings, storeDir, out).passed() ? 0 : 1;
            }
        } finally {
            if (store == null) {
                deleteRecursively(storeDir);
            }
        }
    }

    /**
     * Runs the pipeline, crashes and restarts it, checks the aggregates and prints the summary to {@code out}.
     * Blocks: call it from {@code main} or a test, never from an event loop.
     *
     * @param broker   the broker's options; each client gets its own client identifier
     * @param settings how the run is shaped
     * @param storeDir the directory of the pipeline's durable session store
     * @param out      where the progress and the summary go
     * @return what the run did
     */
    public static Result run(MqttClientOptions broker, Settings settings, Path storeDir, PrintWriter out) {
        long started = System.nanoTime();
        String runId = String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        String pipelineId = "telemetry-pipeline-" + runId;
        DeviceSimulator simulator = new DeviceSimulator(settings.devices(), settings.readings(), settings.rate());
        CoverageCheck check = new CoverageCheck(simulator.readingsPerDevice());
        List<MqttClient> clients = new ArrayList<>();
        PipelineProcess running = null;
        try {
            MqttClient checker = connect(broker, "pipeline-checker-" + runId, clients);
            MqttSubscription aggregates = checker.subscription(
                    SubscribeRequest.of(Subscription.of(AGGREGATES, MqttQos.AT_LEAST_ONCE)));
            PayloadCodec<Aggregate> codec = PayloadCodec.json(Aggregate.class);
            aggregates.messages().map(message -> codec.decode(message.payload())).subscribe(check::add);
            aggregates.acknowledged().block(TIMEOUT);
            out.printf("Checker:  subscribed to %s at QoS 1%n", AGGREGATES);

            PipelineProcess first = PipelineProcess.start(1, broker, pipelineId, storeDir, settings.windowSize(),
                    settings.windowTime());
            running = first;
            printStarted(first, pipelineId, storeDir, settings, out);

            MqttClient devices = connect(broker, "telemetry-devices-" + runId, clients);
            Flux<Long> acknowledged = devices.publish(simulator.messages())
                    .index((index, result) -> index + 1)
                    .replay(1)
                    .autoConnect(0);
            out.printf("Devices:  %d devices publishing %d readings to telemetry/<device> at QoS 1, %d per second%n",
                    settings.devices(), settings.readings(), settings.rate());
            Duration publishing = Duration.ofMillis(settings.readings() * 1000 / settings.rate()).plus(TIMEOUT);
            long crashAt = Math.round(settings.readings() * settings.crashAfter());
            acknowledged.filter(count -> count >= crashAt).next().block(publishing);

            running = null;
            first.kill();
            out.printf("Crash:    after %d readings, pipeline run 1 was killed: connection cut without DISCONNECT, "
                    + "store left as it was; it had published %d aggregates%n", crashAt, first.aggregatesPublished());
            PipelineProcess second = PipelineProcess.start(2, broker, pipelineId, storeDir, settings.windowSize(),
                    settings.windowTime());
            running = second;
            printStarted(second, pipelineId, storeDir, settings, out);

            acknowledged.last().block(publishing);
            out.printf("Devices:  all %d readings acknowledged by the broker%n", settings.readings());
            check.everyReadingCovered().timeout(TIMEOUT, Mono.empty()).block();
            if (second.failure() != null) {
                out.println("Pipeline: run 2 failed: " + second.failure());
            }
            Result result = new Result(check.coverage(), first.aggregatesPublished(), second.aggregatesPublished(),
                    second.restoredPublishes(), second.sessionPresent());
            out.printf("Done in %.1f s%n", (System.nanoTime() - started) / 1e9);
            print(result, out);
            return result;
        } finally {
            if (running != null) {
                running.stop();
            }
            Flux.fromIterable(clients).flatMap(MqttClient::close).then().block(TIMEOUT);
        }
    }

    private static MqttClient connect(MqttClientOptions broker, String clientId, List<MqttClient> clients) {
        MqttClient client = MqttClients.create(broker.mutate().clientId(clientId).build());
        clients.add(client);
        client.connect().block(TIMEOUT);
        return client;
    }

    private static void printStarted(PipelineProcess run, String clientId, Path storeDir, Settings settings,
            PrintWriter out) {
        out.printf("Pipeline: run %d connected as %s, session present %b, %d unfinished aggregates restored from "
                        + "the store in %s; windows of up to %d readings or %d ms%n", run.instance(), clientId,
                run.sessionPresent(), run.restoredPublishes(), storeDir, settings.windowSize(),
                settings.windowTime().toMillis());
    }

    private static void print(Result result, PrintWriter out) {
        CoverageCheck.Coverage coverage = result.coverage();
        out.printf("Readings sent:        %d%n", coverage.readingsSent());
        out.printf("Aggregates published: %d by run 1 (crashed), %d by run 2, and %d restored from the store and "
                + "published again by run 2%n", result.crashedRun(), result.restoredRun(), result.restored());
        out.printf("Aggregates received:  %d, of which %d again (same aggregate: a QoS 1 re-send after the crash)%n",
                coverage.aggregatesReceived(), coverage.aggregatesReceivedAgain());
        out.printf("Readings covered:     %d of %d%n", coverage.readingsCovered(), coverage.readingsSent());
        out.printf("Covered twice:        %d by both runs (the crash came before their acknowledgement reached the "
                + "broker, which sent them again: allowed by QoS 1), %d twice by one run (not allowed)%n",
                coverage.coveredByTwoInstances(), coverage.coveredTwiceByOneInstance());
        out.printf("LOST: %d%s%n", coverage.lost(),
                coverage.lost() == 0 ? "" : " (first ones: " + String.join(", ", coverage.lostExamples()) + ")");
        out.println(result.passed()
                ? "Nothing was lost, and nothing was duplicated beyond what QoS 1 allows."
                : "FAILED: readings were lost or duplicated beyond what QoS 1 allows. (A broker drops QoS 1 messages "
                        + "queued for a session past its limit: HiveMQ CE's max-queue-size, mosquitto's "
                        + "max_queued_messages.)");
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("telemetry-pipeline-store-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the session store", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover in the temporary folder is no reason to fail.
        }
    }
}
