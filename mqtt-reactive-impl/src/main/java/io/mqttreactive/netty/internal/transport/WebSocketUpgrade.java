package io.mqttreactive.netty.internal.transport;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttWebSocketUpgradeException;
import io.mqttreactive.options.WebSocketOptions;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.netty.Connection;

/**
 * Upgrades a connected channel to WebSocket (RFC 6455 opening handshake, MQTT 5.0 section 6): sends the upgrade
 * request for the configured path and headers, offering the configured subprotocol ({@code mqtt} by default,
 * [MQTT-6.0.0-3]), checks the answer, and then leaves {@link WebSocketFrames} in place of the HTTP handlers. A
 * refusal with a client error status, or an answer without the subprotocol, is an
 * {@link MqttWebSocketUpgradeException}; a server error status or a connection closed during the upgrade is a
 * transient {@link MqttConnectionClosedException}.
 */
final class WebSocketUpgrade extends ChannelInboundHandlerAdapter {

    private static final String HTTP_CODEC = "mqtt-ws-http-codec";
    private static final String AGGREGATOR = "mqtt-ws-http-aggregator";
    private static final String NAME = "mqtt-ws-upgrade";
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final WebSocketClientHandshaker handshaker;
    private final MonoSink<Connection> sink;
    private final Connection connection;
    private boolean done;

    private WebSocketUpgrade(WebSocketClientHandshaker handshaker, MonoSink<Connection> sink, Connection connection) {
        this.handshaker = handshaker;
        this.sink = sink;
        this.connection = connection;
    }

    /**
     * Upgrades {@code connection}; the result completes with it once the broker accepted the upgrade, and closes it
     * on failure or cancellation.
     *
     * @param maxFramePayload the largest WebSocket frame accepted from the broker, in bytes
     */
    static Mono<Connection> upgrade(Connection connection, MqttClientOptions options, int maxFramePayload) {
        WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(uri(options),
                WebSocketVersion.V13, options.webSocket().subprotocol(), false, headers(options.webSocket()),
                maxFramePayload);
        return Mono.create(sink -> {
            Channel channel = connection.channel();
            sink.onCancel(() -> channel.close());
            connection.addHandlerLast(HTTP_CODEC, new HttpClientCodec())
                    .addHandlerLast(AGGREGATOR, new HttpObjectAggregator(MAX_RESPONSE_BYTES))
                    .addHandlerLast(NAME, new WebSocketUpgrade(handshaker, sink, connection));
            channel.config().setAutoRead(true);
            handshaker.handshake(channel).addListener(sent -> {
                if (!sent.isSuccess()) {
                    channel.pipeline().fireExceptionCaught(sent.cause());
                }
            });
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpResponse response)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            handshaker.finishHandshake(ctx.channel(), response);
            ctx.pipeline().replace(this, WebSocketFrames.NAME, new WebSocketFrames());
            done = true;
            sink.success(connection);
        } catch (WebSocketClientHandshakeException refused) {
            fail(ctx, refusal(refused, response.status().code()));
        } finally {
            ReferenceCountUtil.release(response);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, new MqttConnectionClosedException("WebSocket upgrade to " + handshaker.uri() + " failed: "
                + cause, cause));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(ctx, new MqttConnectionClosedException("the connection closed during the WebSocket upgrade to "
                + handshaker.uri()));
        ctx.fireChannelInactive();
    }

    private void fail(ChannelHandlerContext ctx, RuntimeException error) {
        if (!done) {
            done = true;
            sink.error(error);
            ctx.close();
        }
    }

    private RuntimeException refusal(WebSocketClientHandshakeException refused, int status) {
        String message = "WebSocket upgrade to " + handshaker.uri() + " refused with HTTP status " + status + ": "
                + refused.getMessage();
        return status >= 500 ? new MqttConnectionClosedException(message, refused)
                : new MqttWebSocketUpgradeException(message, status, refused);
    }

    private static URI uri(MqttClientOptions options) {
        try {
            return new URI(options.tls().isPresent() ? "wss" : "ws", null, options.serverHost(),
                    options.serverPort(), options.webSocket().path(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid WebSocket address: " + e.getMessage(), e);
        }
    }

    private static HttpHeaders headers(WebSocketOptions webSocket) {
        HttpHeaders headers = new DefaultHttpHeaders();
        webSocket.headers().forEach(headers::add);
        return headers;
    }
}
