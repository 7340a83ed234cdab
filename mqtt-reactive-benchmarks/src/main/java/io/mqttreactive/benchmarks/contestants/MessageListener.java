package io.mqttreactive.benchmarks.contestants;

/** Receives every message a benchmark subscriber gets; called on the library's own thread. */
@FunctionalInterface
public interface MessageListener {

    void onMessage(byte[] payload);
}
