package io.mqttreactive.benchmarks.scenarios;

import io.mqttreactive.benchmarks.contestants.BenchPublisher;
import io.mqttreactive.benchmarks.contestants.BenchSubscriber;
import io.mqttreactive.benchmarks.contestants.Contestant;
import io.mqttreactive.benchmarks.harness.Metric;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Scenario 3: a publisher and a subscriber of the same contestant, messages sent at a fixed rate. Each message
 * carries the time it was meant to be sent, so a stalled sender counts against the latency (no coordinated
 * omission).
 */
public final class EndToEndLatency implements Scenario {

    private static final int PAYLOAD_SIZE = 64;

    private final int qos;
    private final int ratePerSecond;
    private final Metric p50;
    private final Metric p99;
    private final Metric p999;

    public EndToEndLatency(int qos, int ratePerSecond) {
        this.qos = qos;
        this.ratePerSecond = ratePerSecond;
        p50 = new Metric(name(), "p50", "µs", false);
        p99 = new Metric(name(), "p99", "µs", false);
        p999 = new Metric(name(), "p99.9", "µs", false);
    }

    @Override
    public String name() {
        return "latency QoS " + qos + ", " + ratePerSecond + " msg/s, 64 B";
    }

    @Override
    public Map<Metric, Double> run(Contestant contestant, RoundContext context) throws Exception {
        String topic = context.unique("bench/latency");
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong received = new AtomicLong();
        try (BenchSubscriber subscriber = contestant.subscriber(context.host(), context.port(), context.unique("sub"),
                topic, qos, context.window(), payload -> {
                    long latency = System.nanoTime() - ByteBuffer.wrap(payload).getLong();
                    recorder.recordValue(Math.max(0, Math.min(latency, TimeUnit.SECONDS.toNanos(60))));
                    received.incrementAndGet();
                });
             BenchPublisher publisher = contestant.publisher(context.host(), context.port(), context.unique("pub"),
                     context.window())) {
            long count = context.mode().latencyDuration().toNanos() * ratePerSecond / 1_000_000_000L;
            long interval = 1_000_000_000L / ratePerSecond;
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                long intended = start + i * interval;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                byte[] payload = new byte[PAYLOAD_SIZE];
                ByteBuffer.wrap(payload).putLong(intended);
                publisher.publishAsync(topic, payload, qos);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (received.get() < count) {
                throw new IllegalStateException("only " + received.get() + " of " + count + " messages arrived");
            }
            Histogram histogram = recorder.getIntervalHistogram();
            Map<Metric, Double> result = new LinkedHashMap<>();
            result.put(p50, histogram.getValueAtPercentile(50) / 1e3);
            result.put(p99, histogram.getValueAtPercentile(99) / 1e3);
            result.put(p999, histogram.getValueAtPercentile(99.9) / 1e3);
            return result;
        }
    }
}
