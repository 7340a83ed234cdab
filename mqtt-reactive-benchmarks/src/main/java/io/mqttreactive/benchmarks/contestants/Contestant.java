package io.mqttreactive.benchmarks.contestants;

/**
 * One MQTT client library in the comparison. Every client it creates uses MQTT 5 where the library speaks it,
 * keeps at most {@code window} QoS 1 and 2 messages in flight, and talks to one broker on loopback.
 */
public interface Contestant {

    String name();

    BenchPublisher publisher(String host, int port, String clientId, int window) throws Exception;

    BenchSubscriber subscriber(String host, int port, String clientId, String topic, int qos, int window,
            MessageListener listener) throws Exception;
}
