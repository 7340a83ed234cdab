package io.mqttreactive.samples;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.MqttMessage;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A service scaled out to N instances behind one shared subscription: N worker clients subscribe to
 * {@code $share/workers/jobs/#} at QoS 1, a producer publishes M jobs to {@code jobs/<n>}, and the broker hands
 * each job to one worker. Each worker processes a job (a short non-blocking pause stands in for the work) and
 * only then acknowledges it, so a job a worker never finished is the broker's to send again. At the end the
 * sample prints how many jobs each worker processed and whether every job was processed exactly once. Which
 * worker gets which job is the broker's decision: mosquitto deals them in turn, HiveMQ CE hands a batch to a
 * worker with nothing in flight, so its tally is uneven. Without
 * {@code --broker} it starts an embedded HiveMQ CE broker on a free loopback port.
 *
 * <p>Exit codes: 0 when every job was processed exactly once, 1 otherwise or when the run failed, 2 for an invalid
 * command line.
 */
@Command(name = "shared-subscription-workers", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs N workers in one MQTT shared subscription group and publishes M jobs to them.",
            "Without --broker, starts an embedded HiveMQ CE broker on a free loopback port."})
public final class SharedSubscriptionWorkers implements Callable<Integer> {

    /** The shared subscription every worker joins: group {@code workers}, filter {@code jobs/#}. */
    public static final String SHARED_FILTER = "$share/workers/jobs/#";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Option(names = "--broker", paramLabel = "URI", converter = CommandLineConverters.BrokerUri.class,
            description = "Broker to use instead of the embedded one, such as mqtt://localhost:1883.")
    private MqttClientOptions broker;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "3",
            description = "Number of workers, each with its own client (default: ${DEFAULT-VALUE}).")
    private int workers;

    @Option(names = "--jobs", paramLabel = "M", defaultValue = "300",
            description = "Number of jobs to publish (default: ${DEFAULT-VALUE}).")
    private int jobs;

    @Option(names = "--work", paramLabel = "TIME", defaultValue = "5ms",
            converter = CommandLineConverters.TimeSpan.class,
            description = "Time a worker spends on a job (default: ${DEFAULT-VALUE}).")
    private Duration work;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /**
     * What a run did.
     *
     * @param jobs        how many jobs were published
     * @param byWorker    how many jobs each worker processed, by client identifier, in starting order
     * @param duplicates  how many jobs were processed more than once
     * @param unprocessed how many jobs no worker processed
     */
    public record Result(int jobs, Map<String, Integer> byWorker, int duplicates, int unprocessed) {

        /** @return whether every job was processed, and exactly once */
        public boolean everyJobProcessedOnce() {
            return duplicates == 0 && unprocessed == 0;
        }
    }

    /**
     * Runs the sample and exits with its exit code.
     *
     * @param args the command line; {@code --help} lists the options
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SharedSubscriptionWorkers()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(System.out, true);
        if (broker != null) {
            return run(broker, workers, jobs, work, out).everyJobProcessedOnce() ? 0 : 1;
        }
        out.println("Starting an embedded HiveMQ CE broker...");
        try (EmbeddedBroker embedded = EmbeddedBroker.start(TIMEOUT)) {
            return run(MqttClientOptions.parse(embedded.uri()), workers, jobs, work, out).everyJobProcessedOnce()
                    ? 0 : 1;
        }
    }

    /**
     * Starts {@code workers} workers in one shared subscription group, publishes {@code jobs} jobs at QoS 1, waits
     * until every job was processed (at most 30 s), prints the tally to {@code out} and disconnects. Blocks: call
     * it from {@code main} or a test, never from an event loop.
     *
     * @param broker  the broker's options; each client gets its own client identifier
     * @param workers how many workers, at least 1
     * @param jobs    how many jobs, at least 1
     * @param work    how long a worker spends on each job
     * @param out     where the tally goes
     * @return what the run did
     */
    public static Result run(MqttClientOptions broker, int workers, int jobs, Duration work, PrintWriter out) {
        String prefix = String.format("worker-%04x-", ThreadLocalRandom.current().nextInt(0x10000));
        Map<Integer, AtomicInteger> processed = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byWorker = new LinkedHashMap<>();
        AtomicInteger distinct = new AtomicInteger();
        Sinks.Empty<Void> allProcessed = Sinks.empty();
        List<MqttClient> clients = new ArrayList<>();
        try {
            List<Mono<Void>> subscribed = new ArrayList<>();
            for (int i = 1; i <= workers; i++) {
                MqttClient worker = connect(broker, prefix + i, clients);
                AtomicInteger count = new AtomicInteger();
                byWorker.put(prefix + i, count);
                subscribed.add(worker.events().ofType(MqttClientEvent.Subscribed.class).next().then().cache());
                subscribed.get(subscribed.size() - 1).subscribe();
                worker.subscribeAcknowledged(SHARED_FILTER, MqttQos.AT_LEAST_ONCE)
                        .concatMap(job -> Mono.delay(work)
                                .doOnNext(done -> {
                                    count.incrementAndGet();
                                    if (processed.computeIfAbsent(jobNumber(job.message()), n -> new AtomicInteger())
                                            .incrementAndGet() == 1 && distinct.incrementAndGet() == jobs) {
                                        allProcessed.tryEmitEmpty();
                                    }
                                })
                                .then(job.acknowledge()))
                        .subscribe();
            }
            Mono.when(subscribed).block(TIMEOUT);
            out.printf("Workers:  %d in group \"workers\", each subscribed to %s at QoS 1%n", workers, SHARED_FILTER);
            MqttClient producer = connect(broker, prefix + "producer", clients);
            producer.publish(Flux.range(0, jobs).map(n -> MqttMessage.of("jobs/" + n,
                            Integer.toString(n).getBytes(StandardCharsets.UTF_8), MqttQos.AT_LEAST_ONCE)))
                    .then().block(TIMEOUT);
            out.printf("Producer: published %d jobs to jobs/<n> at QoS 1, all acknowledged by the broker%n", jobs);
            allProcessed.asMono().timeout(TIMEOUT, Mono.empty()).block();
            Map<String, Integer> tally = new LinkedHashMap<>();
            byWorker.forEach((worker, count) -> tally.put(worker, count.get()));
            Result result = new Result(jobs, tally,
                    (int) processed.values().stream().filter(count -> count.get() > 1).count(),
                    jobs - processed.size());
            print(result, out);
            return result;
        } finally {
            Flux.fromIterable(clients).flatMap(MqttClient::close).then().block(TIMEOUT);
        }
    }

    private static MqttClient connect(MqttClientOptions broker, String clientId, List<MqttClient> clients) {
        MqttClient client = MqttClients.create(broker.mutate().clientId(clientId).build());
        clients.add(client);
        client.connect().block(TIMEOUT);
        return client;
    }

    private static int jobNumber(MqttMessage message) {
        return Integer.parseInt(message.payloadAsString());
    }

    private static void print(Result result, PrintWriter out) {
        result.byWorker().forEach((worker, count) -> out.printf("  %-20s processed %5d jobs%n", worker, count));
        if (result.everyJobProcessedOnce()) {
            out.printf("Every one of the %d jobs was processed exactly once.%n", result.jobs());
        } else {
            out.printf("Of %d jobs, %d were processed more than once and %d were not processed.%n",
                    result.jobs(), result.duplicates(), result.unprocessed());
        }
    }
}
