package io.mqttreactive.benchmarks.contestants;

/** A connected client subscribed to one topic; closing it disconnects. */
public interface BenchSubscriber extends AutoCloseable {

    @Override
    void close() throws Exception;
}
