package io.mqttreactive.netty.internal.reconnect;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.options.ServerOrder;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The brokers a client may connect to ({@link io.mqttreactive.options.FailoverOptions}): the one its options name,
 * then the other servers. Each failed attempt moves on, in order or at random, never staying on the server that
 * failed. Confined to the event loop.
 */
public final class ServerList {

    private final MqttClientOptions first;
    private final List<String> others;
    private final ServerOrder order;
    private int current;

    public ServerList(MqttClientOptions options) {
        this.first = options;
        this.others = options.failover().servers();
        this.order = options.failover().order();
    }

    /** Returns {@code options} pointed at the server to try after a failed attempt; unchanged with one server. */
    public MqttClientOptions next(MqttClientOptions options) {
        int size = others.size() + 1;
        if (size == 1) {
            return options;
        }
        int step = order == ServerOrder.IN_ORDER ? 1 : 1 + ThreadLocalRandom.current().nextInt(size - 1);
        current = (current + step) % size;
        return current == 0 ? onServerOf(options, first) : options.mutate().uri(others.get(current - 1)).build();
    }

    /** Returns {@code options} pointed at the server {@code server} names: host, port, transport, TLS, WebSocket. */
    static MqttClientOptions onServerOf(MqttClientOptions options, MqttClientOptions server) {
        return options.mutate().serverHost(server.serverHost()).serverPort(server.serverPort())
                .transport(server.transport()).tls(server.tls().orElse(null)).webSocket(server.webSocket()).build();
    }

    /** Names the server of {@code options} as {@code host:port}. */
    public static String address(MqttClientOptions options) {
        String host = options.serverHost();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + options.serverPort();
    }
}
