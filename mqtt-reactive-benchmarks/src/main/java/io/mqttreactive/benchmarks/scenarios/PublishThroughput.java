package io.mqttreactive.benchmarks.scenarios;

import io.mqttreactive.benchmarks.contestants.BenchPublisher;
import io.mqttreactive.benchmarks.contestants.Contestant;
import io.mqttreactive.benchmarks.harness.Metric;
import io.mqttreactive.benchmarks.harness.Mode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Scenario 1: one client publishing as fast as its in-flight window allows, to a topic nobody subscribes to. */
public final class PublishThroughput implements Scenario {

    private final int qos;
    private final int payloadSize;
    private final Metric messages;
    private final Metric megabytes;
    private final Function<Mode, Duration> duration;

    public PublishThroughput(int qos, int payloadSize) {
        this(qos, payloadSize, Mode::throughputDuration);
    }

    /** A round that runs as long as {@code duration} says, e.g. the JIT warm-up before all scenarios. */
    public PublishThroughput(int qos, int payloadSize, Function<Mode, Duration> duration) {
        this.qos = qos;
        this.payloadSize = payloadSize;
        this.duration = duration;
        String name = name();
        messages = new Metric(name, "throughput", "msg/s", true);
        megabytes = new Metric(name, "payload", "MB/s", true);
    }

    @Override
    public String name() {
        return "publish QoS " + qos + ", " + (payloadSize >= 1024 ? payloadSize / 1024 + " KiB" : payloadSize + " B");
    }

    @Override
    public Map<Metric, Double> run(Contestant contestant, RoundContext context) throws Exception {
        byte[] payload = new byte[payloadSize];
        String topic = context.unique("bench/publish");
        try (BenchPublisher publisher = contestant.publisher(context.host(), context.port(), context.unique("pub"),
                context.window())) {
            long start = System.nanoTime();
            long published = publisher.publishFor(topic, payload, qos, duration.apply(context.mode()));
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<Metric, Double> result = new LinkedHashMap<>();
            result.put(messages, published / seconds);
            result.put(megabytes, published * (double) payloadSize / seconds / 1e6);
            return result;
        }
    }
}
