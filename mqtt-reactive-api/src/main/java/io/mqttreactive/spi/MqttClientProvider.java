package io.mqttreactive.spi;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;

/**
 * An implementation of the MQTT client, found by {@link io.mqttreactive.MqttClients} through
 * {@link java.util.ServiceLoader}: declare it with {@code provides io.mqttreactive.spi.MqttClientProvider with
 * ...} in {@code module-info.java} and in {@code META-INF/services/io.mqttreactive.spi.MqttClientProvider}.
 *
 * <p>Implementations need a public no-argument constructor, must be thread-safe, and must be cheap to
 * create: {@code MqttClients} instantiates every provider on each lookup. A provider that can run clients on
 * {@link ClientResources} the application passes in overrides both methods that take them; the defaults refuse
 * all resources, so providers written before those methods existed keep working unchanged.
 */
public interface MqttClientProvider {

    /**
     * Returns a short name for the provider, shown when no provider supports a set of options.
     *
     * @return the name, for example {@code "reactor-netty"}
     */
    String name();

    /**
     * Tells whether this provider can create a client for the options, for example whether it supports the
     * transport.
     *
     * @param options the client options
     * @return {@code true} if {@link #create(MqttClientOptions)} will accept them
     */
    boolean supports(MqttClientOptions options);

    /**
     * Creates a client. No I/O happens until the client's {@code connect()} is subscribed.
     *
     * @param options the client options, for which {@link #supports(MqttClientOptions)} returned {@code true}
     * @return a new, disconnected client
     * @throws IllegalArgumentException if the provider cannot use the options
     */
    MqttClient create(MqttClientOptions options);

    /**
     * Tells whether this provider can create a client for the options on the given resources: whether it
     * supports the options, as {@link #supports(MqttClientOptions)} tells, and the resources are of a kind it
     * runs clients on. {@code MqttClients} asks this instead of {@link #supports(MqttClientOptions)} when the
     * application passes resources. The default refuses every resources object.
     *
     * @param options   the client options
     * @param resources the resources the client should run on
     * @return {@code true} if {@link #create(MqttClientOptions, ClientResources)} will accept them
     */
    default boolean supports(MqttClientOptions options, ClientResources resources) {
        return false;
    }

    /**
     * Creates a client that runs on the given resources. No I/O happens until the client's {@code connect()} is
     * subscribed; the client never disposes the resources. The default refuses, as its
     * {@link #supports(MqttClientOptions, ClientResources)} does.
     *
     * @param options   the client options, for which {@link #supports(MqttClientOptions, ClientResources)}
     *                  returned {@code true}
     * @param resources the resources to run on
     * @return a new, disconnected client
     * @throws IllegalArgumentException if the provider cannot use the options or the resources
     */
    default MqttClient create(MqttClientOptions options, ClientResources resources) {
        throw new IllegalArgumentException("provider " + name() + " cannot run clients on " + resources);
    }
}
