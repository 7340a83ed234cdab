package io.mqttreactive.benchmarks.scenarios;

import io.mqttreactive.benchmarks.contestants.Contestant;
import io.mqttreactive.benchmarks.harness.Metric;
import java.util.Map;

/** One benchmark scenario; each call to {@link #run} is one round of one contestant with its own clients. */
public interface Scenario {

    String name();

    Map<Metric, Double> run(Contestant contestant, RoundContext context) throws Exception;
}
