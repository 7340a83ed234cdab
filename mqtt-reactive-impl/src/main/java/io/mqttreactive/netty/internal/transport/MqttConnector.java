package io.mqttreactive.netty.internal.transport;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.netty.channel.EventLoop;
import reactor.core.publisher.Mono;

/**
 * The seam between the client and the network: opens a connection to the broker on a given event loop and hands
 * it over as an {@link MqttChannel}, with the frame decoder in place. Tests replace it to point the client at a
 * scripted broker or a faulty link.
 */
@FunctionalInterface
public interface MqttConnector {

    /**
     * Opens a connection. Cold: nothing happens until subscription.
     *
     * @param options where to connect and how (transport, TLS, timeouts)
     * @param eventLoop the event loop the connection must live on
     * @param decodeContext the limits for packets from the broker
     * @param encodeContext the limits for packets to the broker until CONNACK says otherwise
     */
    Mono<MqttChannel> connect(MqttClientOptions options, EventLoop eventLoop, DecodeContext decodeContext,
            EncodeContext encodeContext);
}
