package io.mqttreactive.options;

import java.util.List;
import java.util.Objects;

/**
 * Other brokers to fail over to, and whether to follow a broker that sends the client elsewhere.
 *
 * <p><b>Server list.</b> The client connects first to the server its options name
 * ({@code uri(..)} or {@code serverHost}/{@code serverPort}), and stays with the server it is connected to. Every
 * failed attempt after that, a reconnect attempt or a retry of {@code connect()}
 * ({@link ReconnectOptions#connectRetry()}), moves to another server of the list made of that server and
 * {@link #servers()}, in {@link #order()}, after the attempt's reconnect delay. Each of {@link #servers()} is a URI
 * such as {@code mqtts://b.example.com:8883} or {@code wss://b.example.com/mqtt} that gives the transport, TLS,
 * host, port and WebSocket path; every other setting (credentials, TLS trust, keep-alive, session) is the
 * client's. A {@link ReconnectHook} sees the server chosen for the attempt and may change it.
 *
 * <p><b>Redirects</b> (MQTT 5.0 section 4.11). A broker may refuse the CONNECT, or end a connection, with reason
 * Use another server (0x9C) or Server moved (0x9D) and a Server Reference. The client then connects to the first
 * server of the reference: {@code host}, {@code host:port}, {@code [v6-address]:port} or a URI, keeping the
 * transport and TLS of the server it leaves when no URI says otherwise, and the port when none is given. A refused
 * CONNECT is redirected at once, within the same {@code connect()} or reconnect attempt; an ended connection
 * reconnects to the reference. At most {@link #maximumRedirects()} redirects follow one another, and never back to
 * a server of the same chain: beyond that, or with {@code maximumRedirects} 0, the refusal or disconnection stands
 * as if there were no reference. The client stays with the server it was sent to until a connection there fails.
 * Each redirect is told by a {@link io.mqttreactive.event.MqttClientEvent.Redirected} event.
 *
 * @param servers          the other servers' URIs, in order; empty by default
 * @param order            how the next server is chosen; {@link ServerOrder#IN_ORDER} by default
 * @param maximumRedirects how many redirects may follow one another, 0 to refuse them;
 *                         {@value #DEFAULT_MAXIMUM_REDIRECTS} by default
 */
public record FailoverOptions(List<String> servers, ServerOrder order, int maximumRedirects) {

    /** The default of {@link #maximumRedirects()}. */
    public static final int DEFAULT_MAXIMUM_REDIRECTS = 3;

    /** No other servers; redirects followed up to {@value #DEFAULT_MAXIMUM_REDIRECTS} hops. */
    public static final FailoverOptions DEFAULT = new FailoverOptions(List.of(), ServerOrder.IN_ORDER,
            DEFAULT_MAXIMUM_REDIRECTS);

    /**
     * Creates failover options. The server URIs are checked when the client options are built.
     *
     * @param servers          the other servers' URIs, in order
     * @param order            how the next server is chosen
     * @param maximumRedirects how many redirects may follow one another, 0 to refuse them
     * @throws NullPointerException     if {@code servers}, one of them or {@code order} is null
     * @throws IllegalArgumentException if {@code maximumRedirects} is negative
     */
    public FailoverOptions {
        servers = List.copyOf(servers);
        Objects.requireNonNull(order, "order");
        if (maximumRedirects < 0) {
            throw new IllegalArgumentException("maximumRedirects must not be negative, was " + maximumRedirects);
        }
    }

    /**
     * Returns the default options with these other servers, tried in order.
     *
     * @param servers URIs such as {@code mqtts://b.example.com:8883}
     * @return the options
     */
    public static FailoverOptions servers(String... servers) {
        return DEFAULT.withServers(List.of(servers));
    }

    /**
     * @param servers the other servers' URIs
     * @return a copy with these servers
     */
    public FailoverOptions withServers(List<String> servers) {
        return new FailoverOptions(servers, order, maximumRedirects);
    }

    /**
     * @param order how the next server is chosen
     * @return a copy with this order
     */
    public FailoverOptions withOrder(ServerOrder order) {
        return new FailoverOptions(servers, order, maximumRedirects);
    }

    /**
     * @param maximumRedirects how many redirects may follow one another, 0 to refuse them
     * @return a copy with this maximum
     */
    public FailoverOptions withMaximumRedirects(int maximumRedirects) {
        return new FailoverOptions(servers, order, maximumRedirects);
    }
}
