package io.mqttreactive.benchmarks.scenarios;

import io.mqttreactive.benchmarks.contestants.BenchSubscriber;
import io.mqttreactive.benchmarks.contestants.Contestant;
import io.mqttreactive.benchmarks.contestants.RawSocketContestant;
import io.mqttreactive.benchmarks.harness.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 2: the contestant's one subscriber receives a fixed number of messages from N raw-socket publishers
 * (the same for every contestant); the rate counts from the first publish to the last message received.
 */
public final class SubscribeThroughput implements Scenario {

    private static final int PAYLOAD_SIZE = 64;
    private static final long QUIET_NANOS = 1_000_000_000L;

    private final int qos;
    private final int publishers;
    private final Metric rate;
    private final Metric delivered;

    public SubscribeThroughput(int qos, int publishers) {
        this.qos = qos;
        this.publishers = publishers;
        rate = new Metric(name(), "throughput", "msg/s", true);
        delivered = new Metric(name(), "delivered", "%", true);
    }

    @Override
    public String name() {
        return "subscribe QoS " + qos + ", " + publishers + " publishers, 64 B";
    }

    @Override
    public Map<Metric, Double> run(Contestant contestant, RoundContext context) throws Exception {
        String topic = context.unique("bench/subscribe");
        AtomicLong received = new AtomicLong();
        AtomicLong lastReceived = new AtomicLong();
        RawSocketContestant raw = new RawSocketContestant();
        List<RawSocketContestant.RawPublisher> senders = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(publishers);
        try (BenchSubscriber subscriber = contestant.subscriber(context.host(), context.port(), context.unique("sub"),
                topic, qos, context.window(), payload -> {
                    received.incrementAndGet();
                    lastReceived.set(System.nanoTime());
                })) {
            for (int i = 0; i < publishers; i++) {
                senders.add(raw.publisher(context.host(), context.port(), context.unique("feed"), context.window()));
            }
            long start = System.nanoTime();
            List<Future<Long>> sends = new ArrayList<>();
            for (RawSocketContestant.RawPublisher sender : senders) {
                sends.add(threads.submit(() -> sender.publishCount(topic, new byte[PAYLOAD_SIZE], qos,
                        context.mode().feedMessages() / publishers)));
            }
            long sent = publishers;
            for (Future<Long> send : sends) {
                sent += send.get();
            }
            awaitDelivery(received, sent);
            Map<Metric, Double> result = new LinkedHashMap<>();
            result.put(rate, received.get() / ((lastReceived.get() - start) / 1e9));
            result.put(delivered, 100.0 * received.get() / sent);
            return result;
        } finally {
            threads.shutdownNow();
            for (RawSocketContestant.RawPublisher sender : senders) {
                sender.close();
            }
        }
    }

    private static void awaitDelivery(AtomicLong received, long sent) throws InterruptedException {
        long seen = -1;
        long lastProgress = System.nanoTime();
        while (received.get() < sent && System.nanoTime() - lastProgress < QUIET_NANOS) {
            long now = received.get();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            }
            Thread.sleep(5);
        }
    }
}
