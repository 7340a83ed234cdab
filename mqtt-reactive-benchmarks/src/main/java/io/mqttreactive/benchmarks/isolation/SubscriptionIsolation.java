package io.mqttreactive.benchmarks.isolation;

import io.mqttreactive.benchmarks.harness.Mosquitto;
import io.mqttreactive.options.AcknowledgeMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How much a slow QoS 1 subscription holds back a fast one on the same client, with the slow one acknowledging on
 * delivery (the default) and on entering its buffer ({@link AcknowledgeMode#onBuffer(int, long)}): the fast
 * subscription's throughput as a share of its throughput alone. The slow subscriber takes 10 msg/s; its topic is fed
 * at each of the given mean rates, below it (it keeps up on average, but messages sometimes arrive while it is busy)
 * and above it (it falls behind). Rounds are interleaved after a warm-up, against a mosquitto started for the run;
 * the table gives medians.
 */
@Command(name = "bench isolation", mixinStandardHelpOptions = true,
        description = "Measures how much a subscription consuming 10 msg/s holds back another on the same client.")
public final class SubscriptionIsolation implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "10", description = "Length of each round (default: 10).")
    int seconds;

    @Option(names = "--repeat", defaultValue = "3", description = "Rounds of each kind, interleaved (default: 3).")
    int repeat;

    @Option(names = "--slow-rates", split = ",", defaultValue = "8,20",
            description = "Mean rates of the slow topic's feed in msg/s, at random times (default: 8,20).")
    List<Double> slowRates;

    @Option(names = "--buffer-size", defaultValue = "" + AcknowledgeMode.DEFAULT_BUFFER_SIZE,
            description = "The slow subscription's buffer in the on-buffer rounds, in messages (default: 1024).")
    int bufferSize;

    @Option(names = "--mosquitto", defaultValue = "/usr/sbin/mosquitto", description = "The broker executable.")
    String mosquitto;

    /** One kind of round: the slow subscription's mode (none: the fast one alone) and its topic's feed rate. */
    private record Kind(String label, Optional<AcknowledgeMode> slowMode, double slowRate) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SubscriptionIsolation()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Kind> kinds = new ArrayList<>();
        kinds.add(new Kind("alone", Optional.empty(), 0));
        for (double rate : slowRates) {
            String feed = String.format(Locale.ROOT, ", slow topic fed %.0f msg/s", rate);
            kinds.add(new Kind("slow one acknowledging on delivery (default)" + feed,
                    Optional.of(AcknowledgeMode.ON_DELIVERY), rate));
            kinds.add(new Kind("slow one acknowledging on buffer (" + bufferSize + " messages)" + feed,
                    Optional.of(AcknowledgeMode.onBuffer(bufferSize, AcknowledgeMode.DEFAULT_BUFFER_BYTES)), rate));
        }
        Map<Kind, List<IsolationRound.Outcome>> outcomes = new LinkedHashMap<>();
        kinds.forEach(kind -> outcomes.put(kind, new ArrayList<>()));
        Duration round = Duration.ofSeconds(seconds);
        try (Mosquitto broker = Mosquitto.start(mosquitto)) {
            IsolationRound rounds = new IsolationRound(broker.host(), broker.port(), Mosquitto.INFLIGHT_WINDOW);
            System.out.printf("mosquitto pid %d on port %d; %d s rounds; the client's Receive Maximum is %d%n",
                    broker.pid(), broker.port(), seconds, Mosquitto.INFLIGHT_WINDOW);
            System.out.println("warm-up");
            rounds.run("isolation-warmup", Optional.of(AcknowledgeMode.onBuffer()), 8, Duration.ofSeconds(5));
            int number = 0;
            for (int i = 1; i <= repeat; i++) {
                for (Kind kind : kinds) {
                    IsolationRound.Outcome outcome = rounds.run("isolation-" + ++number, kind.slowMode(),
                            kind.slowRate(), round);
                    outcomes.get(kind).add(outcome);
                    System.out.printf(Locale.ROOT, "  %s: fast %.0f msg/s, slow received %d%n", kind.label(),
                            outcome.fastRate(), outcome.slowReceived());
                }
            }
        }
        System.out.println();
        System.out.println(table(outcomes));
        return 0;
    }

    private static String table(Map<Kind, List<IsolationRound.Outcome>> outcomes) {
        double alone = median(outcomes.values().iterator().next().stream().map(IsolationRound.Outcome::fastRate)
                .toList());
        StringBuilder table = new StringBuilder("| fast subscription | its throughput (msg/s, median, min–max) "
                + "| share of alone | slow subscription received (msg, median) |\n|---|---|---|---|\n");
        outcomes.forEach((kind, results) -> {
            List<Double> rates = results.stream().map(IsolationRound.Outcome::fastRate).sorted().toList();
            double slow = median(results.stream().map(outcome -> (double) outcome.slowReceived()).toList());
            table.append(String.format(Locale.ROOT, "| %s | %.0f (%.0f–%.0f) | %.0f %% | %s |%n",
                    kind.slowMode().isEmpty() ? kind.label() : "beside a " + kind.label(), median(rates),
                    rates.get(0), rates.get(rates.size() - 1), 100 * median(rates) / alone,
                    kind.slowMode().isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f", slow)));
        });
        return table.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
