package io.mqttreactive.benchmarks.scenarios;

import io.mqttreactive.benchmarks.harness.Mode;
import java.util.concurrent.atomic.AtomicLong;

/** The broker and mode every round runs against, and unique names so rounds never see each other's messages. */
public record RoundContext(String host, int port, int window, Mode mode, AtomicLong sequence) {

    public RoundContext(String host, int port, int window, Mode mode) {
        this(host, port, window, mode, new AtomicLong());
    }

    public String unique(String prefix) {
        return prefix + "-" + sequence.incrementAndGet();
    }
}
