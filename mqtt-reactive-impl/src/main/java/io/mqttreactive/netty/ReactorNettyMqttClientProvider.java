package io.mqttreactive.netty;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.netty.internal.client.NettyMqttClient;
import io.mqttreactive.netty.internal.transport.ReactorNettyConnector;
import io.mqttreactive.options.Transport;
import io.mqttreactive.spi.ClientResources;
import io.mqttreactive.spi.MqttClientProvider;
import java.util.Objects;

/**
 * The {@link MqttClientProvider} of the reactor-netty implementation, found by
 * {@link io.mqttreactive.MqttClients} through {@link java.util.ServiceLoader}. Supports MQTT 3.1, 3.1.1 and 5.0
 * over TCP and WebSocket, each with or without TLS. Runs clients on {@link MqttClientResources}: the global ones by
 * default, or those passed to {@link io.mqttreactive.MqttClients#create(MqttClientOptions, ClientResources)}.
 */
public final class ReactorNettyMqttClientProvider implements MqttClientProvider {

    /** The name this provider reports: {@value}. */
    public static final String NAME = "reactor-netty";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ReactorNettyMqttClientProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(MqttClientOptions options) {
        return options.transport() == Transport.TCP || options.transport() == Transport.WEBSOCKET;
    }

    @Override
    public MqttClient create(MqttClientOptions options) {
        return create(options, MqttClientResources.global());
    }

    /**
     * Tells whether the options are supported and the resources are {@link MqttClientResources}.
     *
     * @param options the client options
     * @param resources the resources the client should run on
     * @return {@code true} if {@link #create(MqttClientOptions, ClientResources)} will accept them
     */
    @Override
    public boolean supports(MqttClientOptions options, ClientResources resources) {
        return supports(options) && resources instanceof MqttClientResources;
    }

    /**
     * Creates a client on {@link MqttClientResources}, as {@link #create(MqttClientOptions, MqttClientResources)}.
     *
     * @param options the client options
     * @param resources the event loops to run on, an {@link MqttClientResources}
     * @return a new, disconnected client
     * @throws IllegalArgumentException if the options need a transport this provider does not support, or the
     *                                  resources are not {@link MqttClientResources}
     */
    @Override
    public MqttClient create(MqttClientOptions options, ClientResources resources) {
        Objects.requireNonNull(resources, "resources");
        if (!(resources instanceof MqttClientResources loops)) {
            throw new IllegalArgumentException("provider " + NAME + " runs clients on MqttClientResources only, not on "
                    + resources);
        }
        return create(options, loops);
    }

    /**
     * Creates a client on given resources, for example loop resources shared with the rest of the application.
     *
     * @param options the client options
     * @param resources the event loops to run on
     * @return a new, disconnected client
     * @throws IllegalArgumentException if the options need a transport this provider does not support
     */
    public MqttClient create(MqttClientOptions options, MqttClientResources resources) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resources, "resources");
        if (!supports(options)) {
            throw new IllegalArgumentException("transport " + options.transport() + " is not supported yet");
        }
        return new NettyMqttClient(options, ReactorNettyConnector.INSTANCE, resources.nextEventLoop());
    }
}
