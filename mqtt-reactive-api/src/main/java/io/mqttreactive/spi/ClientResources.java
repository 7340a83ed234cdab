package io.mqttreactive.spi;

/**
 * Resources a provider runs clients on, for example event loops the application shares with its web server.
 * An implementation makes them (the reactor-netty one: {@code io.mqttreactive.netty.MqttClientResources}), the
 * application hands them to {@link io.mqttreactive.MqttClients#create(io.mqttreactive.MqttClientOptions,
 * ClientResources)}, and the provider whose {@link MqttClientProvider#supports(io.mqttreactive.MqttClientOptions,
 * ClientResources)} accepts them creates the client on them.
 *
 * <p>Resources belong to whoever created them: a client never disposes the resources it runs on, and the owner
 * disposes them only after closing the clients that use them. Implementations must be thread-safe.
 */
public interface ClientResources {
}
