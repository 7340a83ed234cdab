package io.mqttreactive.netty.internal.transport;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.options.ProxyOptions;
import io.mqttreactive.options.TlsOptions;
import io.mqttreactive.options.Transport;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.tcp.TcpClient;

/**
 * Connects over TCP or WebSocket ({@link WebSocketUpgrade}), each optionally with TLS and through a proxy
 * ({@link ProxyTunnel}), through reactor-netty:
 * one unpooled connection per call, on the client's event loop ({@link OneLoopResources}, which picks the channel
 * type that loop serves on reactor-netty 1.2 and 1.3 alike), with Nagle's algorithm off since writes are
 * already batched per event-loop turn. The
 * packet handlers sit before reactor-netty's inbound bridge and consume every packet, so reading is switched
 * on here rather than left to reactor-netty's demand-driven receive. The TLS context is built before each
 * connection on a thread that may block, never on the event loop: initialising it reads the system's random
 * source and, with the default trust, the JDK's trust store file.
 */
public final class ReactorNettyConnector implements MqttConnector {

    public static final ReactorNettyConnector INSTANCE = new ReactorNettyConnector();

    private ReactorNettyConnector() {
    }

    @Override
    public Mono<MqttChannel> connect(MqttClientOptions options, EventLoop eventLoop, DecodeContext decodeContext,
            EncodeContext encodeContext) {
        return Mono.defer(() -> {
            TcpClient direct = TcpClient.newConnection()
                    .host(options.serverHost())
                    .port(options.serverPort())
                    .runOn(new OneLoopResources(eventLoop))
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                            options.connectTimeout().toMillis()))
                    .option(ChannelOption.TCP_NODELAY, true);
            ProxyOptions proxy = options.proxy().filter(through -> through.appliesTo(options.serverHost()))
                    .orElse(null);
            Mono<TcpClient> client = proxy == null ? Mono.just(direct) : ProxyTunnel.through(direct, proxy);
            Mono<? extends Connection> connected;
            if (options.tls().isEmpty()) {
                connected = client.flatMap(TcpClient::connect);
            } else {
                TlsOptions tls = options.tls().get();
                connected = Mono.fromCallable(() -> TlsConfigurer.sslContext(tls))
                        .subscribeOn(Schedulers.boundedElastic())
                        .zipWith(client, (context, plain) -> TlsConfigurer.secure(plain, context))
                        .flatMap(TcpClient::connect);
            }
            if (proxy != null) {
                connected = connected.flatMap(ProxyTunnel::opened);
            }
            if (options.transport() == Transport.WEBSOCKET) {
                connected = connected.flatMap(connection -> WebSocketUpgrade.upgrade(connection, options,
                        decodeContext.maximumPacketSize()));
            }
            if (proxy != null) {
                connected = connected.onErrorMap(error -> ProxyTunnel.failure(error, options, proxy));
            }
            return connected.map(connection -> install(connection, decodeContext, encodeContext));
        });
    }

    static MqttChannel install(Connection connection, DecodeContext decodeContext, EncodeContext encodeContext) {
        MqttChannel channel = new MqttChannel(connection.channel(), encodeContext);
        connection.addHandlerLast(MqttFrameDecoder.NAME, new MqttFrameDecoder(decodeContext))
                .addHandlerLast(MqttChannel.NAME, channel);
        channel.autoRead(true);
        return channel;
    }
}
