package io.mqttreactive.benchmarks.harness;

import io.mqttreactive.benchmarks.contestants.Contestant;
import io.mqttreactive.benchmarks.contestants.HiveMqContestant;
import io.mqttreactive.benchmarks.contestants.MqttReactiveContestant;
import io.mqttreactive.benchmarks.contestants.PahoV3Contestant;
import io.mqttreactive.benchmarks.contestants.PahoV5Contestant;
import io.mqttreactive.benchmarks.contestants.RawSocketContestant;
import io.mqttreactive.benchmarks.scenarios.EndToEndLatency;
import io.mqttreactive.benchmarks.scenarios.PublishThroughput;
import io.mqttreactive.benchmarks.scenarios.RoundContext;
import io.mqttreactive.benchmarks.scenarios.Scenario;
import io.mqttreactive.benchmarks.scenarios.SubscribeThroughput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The side-by-side load harness: one broker, every contestant, interleaved rounds, a Markdown and a CSV table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs mqtt-reactive side by side with HiveMQ MQTT Client, Paho v3, Paho v5 and a raw socket.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Short rounds, 1,000 connections: under 3 minutes.")
    boolean quick;

    @Option(names = "--smoke", description = "One tiny round of everything, to prove every contestant works.")
    boolean smoke;

    @Option(names = "--rounds", description = "Measured rounds per scenario (default: 5, smoke: 1).")
    Integer rounds;

    @Option(names = "--output", defaultValue = "target/bench", description = "Directory for results.md and .csv.")
    Path output;

    @Option(names = "--mosquitto", defaultValue = "/usr/sbin/mosquitto", description = "The broker executable.")
    String mosquitto;

    @Option(names = "--only", description = "A scenario name prefix to run, e.g. 'publish QoS 1'; repeatable.")
    List<String> only = List.of();

    @Option(names = "--contestants", split = ",", description = "Contestants to run (default: all), e.g. HiveMQ.")
    List<String> contestantNames = List.of();

    @Option(names = "--no-connections", description = "Skip the many-connections scenario.")
    boolean noConnections;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Mode mode = smoke ? Mode.SMOKE : quick ? Mode.QUICK : Mode.FULL;
        List<Contestant> contestants = Stream.of(new MqttReactiveContestant(), new HiveMqContestant(),
                        new PahoV3Contestant(), new PahoV5Contestant(), new RawSocketContestant())
                .filter(contestant -> contestantNames.isEmpty() || contestantNames.contains(contestant.name()))
                .toList();
        Results results = new Results(new MqttReactiveContestant().name());
        long start = System.nanoTime();
        boolean passed;
        try (Mosquitto broker = Mosquitto.start(mosquitto)) {
            System.out.printf("mode %s, mosquitto pid %d on port %d, %d cores%n", mode, broker.pid(), broker.port(),
                    Runtime.getRuntime().availableProcessors());
            RoundContext context = new RoundContext(broker.host(), broker.port(), Mosquitto.INFLIGHT_WINDOW, mode);
            int measured = rounds != null ? rounds : mode.rounds();
            if (!mode.jitWarmupDuration().isZero()) {
                System.out.println("JIT warm-up");
                new InterleavedRunner(contestants, context, results, 1, 0).runAll(List.of(
                        new PublishThroughput(0, 64, Mode::jitWarmupDuration),
                        new PublishThroughput(1, 64, Mode::jitWarmupDuration)));
            }
            passed = new InterleavedRunner(contestants, context, results, mode.warmups(), measured)
                    .runAll(scenarios(mode));
            if (!noConnections && selected("many connections")) {
                System.out.printf("[many connections] %d clients in a fresh JVM%n", mode.connections());
                passed &= ConnectionsRun.run(broker, mode.connections(), results, new MqttReactiveContestant().name());
            }
        }
        results.write(output);
        System.out.println();
        System.out.println(results.markdown());
        System.out.printf("took %.0f s; results in %s%n", (System.nanoTime() - start) / 1e9,
                output.toAbsolutePath().normalize());
        return passed ? 0 : 1;
    }

    private List<Scenario> scenarios(Mode mode) {
        List<Scenario> all = new ArrayList<>();
        int[] sizes = mode == Mode.SMOKE ? new int[] {64} : new int[] {64, 4096};
        for (int size : sizes) {
            for (int qos = 0; qos <= 2; qos++) {
                all.add(new PublishThroughput(qos, size));
            }
        }
        all.add(new SubscribeThroughput(0, mode.subscribePublishers()));
        all.add(new SubscribeThroughput(1, mode.subscribePublishers()));
        all.add(new EndToEndLatency(0, 10_000));
        all.add(new EndToEndLatency(1, 10_000));
        return all.stream().filter(scenario -> selected(scenario.name())).toList();
    }

    private boolean selected(String scenario) {
        return only.isEmpty() || only.stream().anyMatch(scenario::startsWith);
    }
}
