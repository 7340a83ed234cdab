package io.mqttreactive.benchmarks.contestants;

import java.time.Duration;

/** A connected client that publishes for the benchmark; closing it disconnects. */
public interface BenchPublisher extends AutoCloseable {

    /**
     * Publishes {@code payload} to {@code topic} as fast as the in-flight window lets it for {@code duration},
     * then waits for every outstanding acknowledgement and for one QoS 1 fence message, so that QoS 0 messages
     * count only once the broker has read them.
     *
     * @return the number of messages published, the fence excluded
     */
    long publishFor(String topic, byte[] payload, int qos, Duration duration) throws Exception;

    /** Publishes one message without waiting for its outcome; used at a paced rate by the latency scenario. */
    void publishAsync(String topic, byte[] payload, int qos);

    @Override
    void close() throws Exception;
}
