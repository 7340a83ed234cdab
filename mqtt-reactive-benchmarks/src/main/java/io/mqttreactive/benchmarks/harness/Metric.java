package io.mqttreactive.benchmarks.harness;

/** One measured quantity of one scenario, e.g. "publish QoS 1, 64 B" in msg/s. */
public record Metric(String scenario, String name, String unit, boolean higherIsBetter) {
}
