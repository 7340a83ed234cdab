package io.mqttreactive.spi;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;

/**
 * An implementation of the MQTT client, found by {@link io.mqttreactive.MqttClients} through
 * {@link java.util.ServiceLoader}: declare it with {@code provides io.mqttreactive.spi.MqttClientProvider with
 * ...} in {@code module-info.java} and in {@code META-INF/services/io.mqttreactive.spi.MqttClientProvider}.
 *
 * <p>Implementations need a public no-argument constructor, must be thread-safe, and must be cheap to
 * create: {@code MqttClients} instantiates every provider on each lookup.
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
}
