package io.mqttreactive.netty.internal.transport;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttException;
import io.mqttreactive.exception.MqttProxyException;
import io.mqttreactive.options.ProxyOptions;
import io.mqttreactive.options.ProxyType;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyConnectException;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.tcp.TcpClient;
import reactor.netty.transport.ProxyProvider;

/**
 * Opens connections through the {@link ProxyOptions proxy} of the options, with reactor-netty's proxy support
 * (Netty's {@link ProxyHandler}, first in the pipeline, so TLS and WebSocket run through the tunnel): an HTTP
 * {@code CONNECT} tunnel (RFC 9110 section 9.3.6) or a SOCKS5 one (RFC 1928, RFC 1929). A connection is handed on
 * only once the tunnel is open, so nothing is written towards the broker before. A proxy's refusal (an HTTP
 * client error status, rejected SOCKS5 credentials or authentication method, a target its rules forbid) becomes
 * an {@link MqttProxyException}; a proxy that cannot be reached, answers too late, closes, or cannot reach the
 * broker, a transient {@link MqttConnectionClosedException}; both name the proxy, the broker and the answer.
 * The same code serves Netty 4.1 with reactor-netty 1.2 and Netty 4.2 with reactor-netty 1.3.
 */
final class ProxyTunnel {

    private static final int MAXIMUM_CAUSE_DEPTH = 16;
    private static final Pattern HTTP_STATUS = Pattern.compile("status: (\\d{3})");
    private static final Pattern SOCKS5_REFUSAL = Pattern.compile(
            "unexpected authMethod|authStatus|status: (FORBIDDEN|COMMAND_UNSUPPORTED|ADDRESS_UNSUPPORTED)");

    private ProxyTunnel() {
    }

    /**
     * Routes the connections of {@code client} through {@code proxy}, its host resolved now (on a thread that may
     * block, unless it is an IP address) so that each attempt, reconnects included, follows changes in DNS. The
     * broker's address is left unresolved: the proxy resolves it, as the client's own network may not.
     */
    static Mono<TcpClient> through(TcpClient client, ProxyOptions proxy) {
        Mono<InetSocketAddress> address = Mono.fromCallable(() -> resolved(proxy));
        if (!NetUtil.isValidIpV4Address(proxy.host()) && !NetUtil.isValidIpV6Address(proxy.host())) {
            address = address.subscribeOn(Schedulers.boundedElastic());
        }
        return address.map(resolved -> client.resolver(NoopAddressResolverGroup.INSTANCE).proxy(spec -> {
            ProxyProvider.Builder builder = spec.type(proxy.type() == ProxyType.HTTP ? ProxyProvider.Proxy.HTTP
                            : ProxyProvider.Proxy.SOCKS5)
                    .address(resolved)
                    .connectTimeoutMillis(proxy.handshakeTimeout().toMillis());
            if (proxy.username().isPresent()) {
                builder.username(proxy.username().get())
                        .password(username -> new String(proxy.password().orElseThrow()));
            }
        }));
    }

    private static InetSocketAddress resolved(ProxyOptions proxy) throws UnknownHostException {
        InetSocketAddress address = new InetSocketAddress(proxy.host(), proxy.port());
        if (address.isUnresolved()) {
            throw new UnknownHostException("cannot resolve the proxy host " + proxy.host());
        }
        return address;
    }

    /** Completes with {@code connection} once its proxy has opened the tunnel, or fails as the proxy did. */
    static Mono<Connection> opened(Connection connection) {
        ProxyHandler handler = connection.channel().pipeline().get(ProxyHandler.class);
        if (handler == null || handler.connectFuture().isSuccess()) {
            return Mono.just(connection);
        }
        return Mono.create(sink -> {
            sink.onCancel(() -> connection.channel().close());
            handler.connectFuture().addListener(tunnel -> {
                if (tunnel.isSuccess()) {
                    sink.success(connection);
                } else {
                    connection.channel().close();
                    sink.error(tunnel.cause());
                }
            });
        });
    }

    /**
     * Names the proxy in a failure to connect through it; a TLS failure with the broker, or a failure already
     * typed (such as a refused WebSocket upgrade), is left as it is.
     */
    static Throwable failure(Throwable error, MqttClientOptions options, ProxyOptions proxy) {
        ProxyConnectException refusal = causedBy(error, ProxyConnectException.class);
        if (refusal == null && (error instanceof MqttException || causedBy(error, SSLException.class) != null)) {
            return error;
        }
        String route = "to " + options.serverHost() + ":" + options.serverPort() + " through the " + proxy.type()
                + " proxy " + proxy.host() + ":" + proxy.port();
        if (refusal == null) {
            return new MqttConnectionClosedException("cannot connect " + route + ": " + error.getMessage(), error);
        }
        String answer = answer(refusal);
        if (isRefusal(refusal, answer)) {
            return new MqttProxyException("the proxy refused the tunnel " + route + ": " + answer, refusal);
        }
        return new MqttConnectionClosedException("the proxy did not open the tunnel " + route + ": " + answer,
                refusal);
    }

    private static boolean isRefusal(ProxyConnectException failure, String answer) {
        if (failure instanceof HttpProxyHandler.HttpProxyConnectException) {
            Matcher status = HTTP_STATUS.matcher(answer);
            return status.find() && status.group(1).startsWith("4");
        }
        return SOCKS5_REFUSAL.matcher(answer).find();
    }

    /**
     * What the proxy answered, from Netty's message {@code "<protocol>, <auth>, <proxy> => <target>, <answer>"}.
     */
    private static String answer(ProxyConnectException failure) {
        String message = String.valueOf(failure.getMessage());
        int target = message.indexOf(" => ");
        int answer = target < 0 ? -1 : message.indexOf(", ", target);
        return answer < 0 ? message : message.substring(answer + 2);
    }

    private static <T extends Throwable> @Nullable T causedBy(Throwable error, Class<T> type) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAXIMUM_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
