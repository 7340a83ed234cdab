package io.mqttreactive.netty.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttWebSocketUpgradeException;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.netty.testing.FreePorts;
import io.mqttreactive.netty.testing.TestEventLoops;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.Transport;
import io.mqttreactive.options.WebSocketOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket upgrade against an independent server, Netty's own WebSocket server on the loopback: what the
 * upgrade request carries, and how each refusal is signalled.
 */
class WebSocketUpgradeTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final EventLoopGroup SERVER_LOOP = TestEventLoops.nio("ws-upgrade-server");

    /** CONNACK of 3.1.1: session present 0, return code 0 (accepted). */
    private static final byte[] CONNACK = {0x20, 0x02, 0x00, 0x00};

    private final List<FullHttpRequest> requests = new CopyOnWriteArrayList<>();
    private @Nullable Channel server;
    private @Nullable MqttClient client;

    /** How the server answers the upgrade request. */
    private enum Answer { ACCEPT, ACCEPT_WITHOUT_SUBPROTOCOL, NOT_FOUND, SERVICE_UNAVAILABLE }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close().block(WAIT);
        }
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        requests.forEach(FullHttpRequest::release);
    }

    @AfterAll
    static void stopLoop() {
        SERVER_LOOP.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("the upgrade request goes to the configured path with its headers and offers the subprotocol "
            + "mqtt [MQTT-6.0.0-3]; CONNECT and CONNACK then travel in binary frames [MQTT-6.0.0-1]")
    void upgradesAndConnects() {
        int port = start(Answer.ACCEPT);
        client = MqttClients.create(options(port).webSocket(WebSocketOptions.DEFAULT.withPath("/brokers/one")
                .withHeaders(Map.of("Authorization", "Bearer token-1"))).build());

        ConnectResult result = client.connect().block(WAIT);

        assertThat(result.sessionPresent()).isFalse();
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.uri()).isEqualTo("/brokers/one");
            HttpHeaders headers = request.headers();
            assertThat(headers.get("Sec-WebSocket-Protocol")).isEqualTo("mqtt");
            assertThat(headers.get("Authorization")).isEqualTo("Bearer token-1");
            assertThat(headers.get("Host")).isEqualTo("127.0.0.1:" + port);
        });
    }

    @Test
    @DisplayName("a client error status is a non-transient MqttWebSocketUpgradeException: reconnect does not retry")
    void clientErrorStatusIsFinal() {
        client = MqttClients.create(options(start(Answer.NOT_FOUND))
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(10))))
                .build());

        assertThatThrownBy(() -> client.connect().block(WAIT))
                .isInstanceOfSatisfying(MqttWebSocketUpgradeException.class,
                        error -> assertThat(error.httpStatus()).isEqualTo(404))
                .hasMessageContaining("/mqtt").hasMessageContaining("404");
        assertThat(requests).hasSize(1);
    }

    @Test
    @DisplayName("an answer that does not accept the subprotocol is an MqttWebSocketUpgradeException")
    void missingSubprotocolIsRefused() {
        client = MqttClients.create(options(start(Answer.ACCEPT_WITHOUT_SUBPROTOCOL)).build());

        assertThatThrownBy(() -> client.connect().block(WAIT))
                .isInstanceOfSatisfying(MqttWebSocketUpgradeException.class,
                        error -> assertThat(error.httpStatus()).isEqualTo(101))
                .hasMessageContaining("subprotocol");
    }

    @Test
    @DisplayName("a server error status is a transient MqttConnectionClosedException")
    void serverErrorStatusIsTransient() {
        client = MqttClients.create(options(start(Answer.SERVICE_UNAVAILABLE)).build());

        assertThatThrownBy(() -> client.connect().block(WAIT))
                .isExactlyInstanceOf(MqttConnectionClosedException.class).hasMessageContaining("503");
    }

    private static MqttClientOptions.Builder options(int port) {
        return MqttClientOptions.builder().serverHost(FreePorts.LOOPBACK).serverPort(port)
                .transport(Transport.WEBSOCKET).version(MqttVersion.MQTT_3_1_1).clientId("ws-client")
                .reconnect(ReconnectOptions.DISABLED).connectTimeout(WAIT);
    }

    private int start(Answer answer) {
        server = new ServerBootstrap().group(SERVER_LOOP).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
                                new UpgradeAnswer(answer));
                    }
                })
                .bind(FreePorts.LOOPBACK, 0).syncUninterruptibly().channel();
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Answers the upgrade request as told, then CONNACK to the first binary frame. */
    private final class UpgradeAnswer extends SimpleChannelInboundHandler<Object> {

        private final Answer answer;

        UpgradeAnswer(Answer answer) {
            this.answer = answer;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest request) {
                requests.add(request.retain());
                switch (answer) {
                    case ACCEPT -> handshake(ctx, request, "mqtt");
                    case ACCEPT_WITHOUT_SUBPROTOCOL -> handshake(ctx, request, null);
                    case NOT_FOUND -> refuse(ctx, HttpResponseStatus.NOT_FOUND);
                    case SERVICE_UNAVAILABLE -> refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE);
                }
            } else if (msg instanceof BinaryWebSocketFrame) {
                ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(CONNACK)));
            } else if (!(msg instanceof WebSocketFrame)) {
                throw new IllegalStateException("unexpected " + msg);
            }
        }

        private void handshake(ChannelHandlerContext ctx, FullHttpRequest request, @Nullable String subprotocols) {
            new WebSocketServerHandshakerFactory("ws://" + request.headers().get("Host") + request.uri(),
                    subprotocols, false).newHandshaker(request).handshake(ctx.channel(), request);
        }

        private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status) {
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
            HttpUtil.setContentLength(response, 0);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
