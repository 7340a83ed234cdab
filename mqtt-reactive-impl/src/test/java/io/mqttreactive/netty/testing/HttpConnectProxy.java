package io.mqttreactive.netty.testing;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP proxy that opens {@code CONNECT host:port} tunnels (RFC 9110 section 9.3.6) to loopback
 * targets, optionally requiring HTTP Basic credentials (RFC 7617): a request without them, or with wrong ones, is
 * answered 407 with a {@code Proxy-Authenticate} challenge and closed. A target outside the loopback is answered
 * 403, an unreachable one 502, any other method 405.
 */
public final class HttpConnectProxy extends TunnelProxy {

    private static final int MAX_REQUEST_BYTES = 8 * 1024;

    private final @Nullable String expectedAuthorization;

    private HttpConnectProxy(@Nullable String expectedAuthorization) {
        super("http-proxy");
        this.expectedAuthorization = expectedAuthorization;
    }

    /** Starts a proxy that takes requests without credentials. */
    public static HttpConnectProxy start() {
        return started(new HttpConnectProxy(null));
    }

    /** Starts a proxy that requires HTTP Basic credentials. */
    public static HttpConnectProxy requiringCredentials(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return started(new HttpConnectProxy("Basic " + token));
    }

    private static HttpConnectProxy started(HttpConnectProxy proxy) {
        proxy.bind();
        return proxy;
    }

    @Override
    protected void addProtocolHandlers(ChannelPipeline pipeline) {
        pipeline.addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES), new ConnectRequest());
    }

    /** Answers the one {@code CONNECT} request of a connection, then hands the connection to the relay. */
    private final class ConnectRequest extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (!HttpMethod.CONNECT.equals(request.method())) {
                refuse(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED);
                return;
            }
            if (expectedAuthorization != null
                    && !expectedAuthorization.equals(request.headers().get(HttpHeaderNames.PROXY_AUTHORIZATION))) {
                FullHttpResponse challenge = response(HttpResponseStatus.PROXY_AUTHENTICATION_REQUIRED);
                challenge.headers().set(HttpHeaderNames.PROXY_AUTHENTICATE, "Basic realm=\"test-proxy\"");
                refuse(ctx, challenge);
                return;
            }
            InetSocketAddress target = target(request.uri());
            if (target == null) {
                refuse(ctx, HttpResponseStatus.FORBIDDEN);
                return;
            }
            Channel client = ctx.channel();
            openTunnel(client, target, upstream -> client.writeAndFlush(response(HttpResponseStatus.OK))
                            .addListener((ChannelFutureListener) answered -> {
                                if (!answered.isSuccess()) {
                                    upstream.close();
                                    return;
                                }
                                client.pipeline().remove(HttpServerCodec.class);
                                client.pipeline().remove(HttpObjectAggregator.class);
                                client.pipeline().remove(this);
                                relay(client, upstream);
                            }),
                    cause -> client.writeAndFlush(response(HttpResponseStatus.BAD_GATEWAY))
                            .addListener(ChannelFutureListener.CLOSE));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status) {
            refuse(ctx, response(status));
        }

        private void refuse(ChannelHandlerContext ctx, FullHttpResponse response) {
            refused();
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        private static @Nullable InetSocketAddress target(String authority) {
            int colon = authority.lastIndexOf(':');
            if (colon < 0) {
                return null;
            }
            InetAddress address = loopback(authority.substring(0, colon));
            try {
                int port = Integer.parseInt(authority.substring(colon + 1));
                return address == null ? null : new InetSocketAddress(address, port);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static FullHttpResponse response(HttpResponseStatus status) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            return response;
        }
    }
}
