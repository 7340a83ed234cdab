package io.mqttreactive.benchmarks.harness;

import io.mqttreactive.benchmarks.contestants.Contestant;
import io.mqttreactive.benchmarks.scenarios.RoundContext;
import io.mqttreactive.benchmarks.scenarios.Scenario;
import java.util.List;
import java.util.Map;

/**
 * Runs each scenario as warm-up rounds and then measured rounds, every round going through all contestants in
 * turn (A B C A B C ...), so that a load change on the machine hits all of them alike. A failed round is
 * reported, counted and tried again, at most {@value #ATTEMPTS} times in all; a round that fails every time makes
 * the run fail. (HiveMQ MQTT Client, for one, closes its own connection now and then when mosquitto sends more
 * than the Receive Maximum.)
 */
final class InterleavedRunner {

    private static final int ATTEMPTS = 3;

    private final List<Contestant> contestants;
    private final RoundContext context;
    private final Results results;
    private final int warmups;
    private final int rounds;

    InterleavedRunner(List<Contestant> contestants, RoundContext context, Results results, int warmups, int rounds) {
        this.contestants = contestants;
        this.context = context;
        this.results = results;
        this.warmups = warmups;
        this.rounds = rounds;
    }

    boolean runAll(List<Scenario> scenarios) {
        boolean passed = true;
        for (int s = 0; s < scenarios.size(); s++) {
            Scenario scenario = scenarios.get(s);
            System.out.printf("[%d/%d] %s%n", s + 1, scenarios.size(), scenario.name());
            long start = System.nanoTime();
            for (int round = 1; round <= warmups + rounds; round++) {
                boolean warmup = round <= warmups;
                for (Contestant contestant : contestants) {
                    passed &= runRound(scenario, contestant, warmup,
                            warmup ? "warm-up" : "round " + (round - warmups) + "/" + rounds);
                }
            }
            System.out.printf("  %s took %.0f s%n", scenario.name(), (System.nanoTime() - start) / 1e9);
        }
        return passed;
    }

    private boolean runRound(Scenario scenario, Contestant contestant, boolean warmup, String label) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (runAttempt(scenario, contestant, warmup, attempt == 1 ? label : label + " again")) {
                return true;
            }
        }
        return false;
    }

    private boolean runAttempt(Scenario scenario, Contestant contestant, boolean warmup, String label) {
        StringBuilder line = new StringBuilder(String.format("  %-9s %-14s", label, contestant.name()));
        long start = System.nanoTime();
        try {
            Map<Metric, Double> values = scenario.run(contestant, context);
            values.forEach((metric, value) -> {
                line.append("  ").append(metric.name()).append(' ').append(Results.format(value)).append(' ')
                        .append(metric.unit());
                if (!warmup) {
                    results.add(metric, contestant.name(), value);
                }
            });
            System.out.println(line.append(String.format("  (%.1f s)", (System.nanoTime() - start) / 1e9)));
            return true;
        } catch (Exception e) {
            results.failed(scenario.name(), contestant.name());
            System.out.println(line.append("  FAILED: ").append(e));
            e.printStackTrace(System.out);
            return false;
        }
    }
}
