package io.mqttreactive.benchmarks.harness;

import java.time.Duration;

/** How long and how often each scenario runs; {@code SMOKE} only proves every contestant completes a round. */
public enum Mode {
    SMOKE(Duration.ZERO, Duration.ofMillis(100), 2_000, Duration.ofMillis(200), 0, 1, 2, 50),
    QUICK(Duration.ofSeconds(1), Duration.ofMillis(200), 20_000, Duration.ofMillis(300), 0, 5, 2,
            1_000),
    FULL(Duration.ofSeconds(5), Duration.ofSeconds(3), 150_000, Duration.ofSeconds(4), 1, 5, 4,
            10_000);

    private final Duration jitWarmupDuration;

    private final Duration throughputDuration;
    private final int feedMessages;
    private final Duration latencyDuration;
    private final int warmups;
    private final int rounds;
    private final int subscribePublishers;
    private final int connections;

    Mode(Duration jitWarmupDuration, Duration throughputDuration, int feedMessages, Duration latencyDuration,
            int warmups, int rounds, int subscribePublishers,
            int connections) {
        this.jitWarmupDuration = jitWarmupDuration;
        this.throughputDuration = throughputDuration;
        this.feedMessages = feedMessages;
        this.latencyDuration = latencyDuration;
        this.warmups = warmups;
        this.rounds = rounds;
        this.subscribePublishers = subscribePublishers;
        this.connections = connections;
    }

    /** How long each contestant publishes at QoS 0 and at QoS 1 before any scenario, so the JIT has compiled it. */
    public Duration jitWarmupDuration() {
        return jitWarmupDuration;
    }

    public Duration throughputDuration() {
        return throughputDuration;
    }

    /** How many messages the subscribe scenario's publishers send together. */
    public int feedMessages() {
        return feedMessages;
    }

    public Duration latencyDuration() {
        return latencyDuration;
    }

    public int warmups() {
        return warmups;
    }

    public int rounds() {
        return rounds;
    }

    public int subscribePublishers() {
        return subscribePublishers;
    }

    public int connections() {
        return connections;
    }
}
