package io.mqttreactive.netty.testing;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.socksx.v5.DefaultSocks5CommandResponse;
import io.netty.handler.codec.socksx.v5.DefaultSocks5InitialResponse;
import io.netty.handler.codec.socksx.v5.DefaultSocks5PasswordAuthResponse;
import io.netty.handler.codec.socksx.v5.Socks5AddressType;
import io.netty.handler.codec.socksx.v5.Socks5AuthMethod;
import io.netty.handler.codec.socksx.v5.Socks5CommandRequest;
import io.netty.handler.codec.socksx.v5.Socks5CommandRequestDecoder;
import io.netty.handler.codec.socksx.v5.Socks5CommandStatus;
import io.netty.handler.codec.socksx.v5.Socks5CommandType;
import io.netty.handler.codec.socksx.v5.Socks5InitialRequest;
import io.netty.handler.codec.socksx.v5.Socks5InitialRequestDecoder;
import io.netty.handler.codec.socksx.v5.Socks5Message;
import io.netty.handler.codec.socksx.v5.Socks5PasswordAuthRequest;
import io.netty.handler.codec.socksx.v5.Socks5PasswordAuthRequestDecoder;
import io.netty.handler.codec.socksx.v5.Socks5PasswordAuthStatus;
import io.netty.handler.codec.socksx.v5.Socks5ServerEncoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * A loopback SOCKS5 proxy (RFC 1928) that opens {@code CONNECT} tunnels to loopback targets, without
 * authentication or requiring user name and password (RFC 1929): a client that does not offer that method is
 * answered "no acceptable method", wrong credentials "failure", and the connection is closed. A target outside the
 * loopback is answered "not allowed by ruleset", an unreachable one "connection refused".
 */
public final class Socks5Proxy extends TunnelProxy {

    private static final String DECODER = "socks5-decoder";

    private final @Nullable String username;
    private final @Nullable String password;

    private Socks5Proxy(@Nullable String username, @Nullable String password) {
        super("socks5-proxy");
        this.username = username;
        this.password = password;
    }

    /** Starts a proxy that takes connections without authentication. */
    public static Socks5Proxy start() {
        return started(new Socks5Proxy(null, null));
    }

    /** Starts a proxy that requires user name and password authentication. */
    public static Socks5Proxy requiringCredentials(String username, String password) {
        return started(new Socks5Proxy(username, password));
    }

    private static Socks5Proxy started(Socks5Proxy proxy) {
        proxy.bind();
        return proxy;
    }

    @Override
    protected void addProtocolHandlers(ChannelPipeline pipeline) {
        pipeline.addLast(DECODER, new Socks5InitialRequestDecoder())
                .addLast(Socks5ServerEncoder.DEFAULT)
                .addLast(new Negotiation());
    }

    /** Takes the greeting, the credentials when required, and the {@code CONNECT} command of one connection. */
    private final class Negotiation extends SimpleChannelInboundHandler<Socks5Message> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Socks5Message message) {
            if (message.decoderResult().isFailure()) {
                ctx.close();
            } else if (message instanceof Socks5InitialRequest greeting) {
                greet(ctx, greeting);
            } else if (message instanceof Socks5PasswordAuthRequest credentials) {
                authenticate(ctx, credentials);
            } else if (message instanceof Socks5CommandRequest command) {
                connect(ctx, command);
            } else {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private void greet(ChannelHandlerContext ctx, Socks5InitialRequest greeting) {
            Socks5AuthMethod method = username == null ? Socks5AuthMethod.NO_AUTH : Socks5AuthMethod.PASSWORD;
            if (!greeting.authMethods().contains(method)) {
                refused();
                ctx.writeAndFlush(new DefaultSocks5InitialResponse(Socks5AuthMethod.UNACCEPTED))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.pipeline().replace(DECODER, DECODER, username == null ? new Socks5CommandRequestDecoder()
                    : new Socks5PasswordAuthRequestDecoder());
            ctx.writeAndFlush(new DefaultSocks5InitialResponse(method));
        }

        private void authenticate(ChannelHandlerContext ctx, Socks5PasswordAuthRequest credentials) {
            if (!credentials.username().equals(username) || !credentials.password().equals(password)) {
                refused();
                ctx.writeAndFlush(new DefaultSocks5PasswordAuthResponse(Socks5PasswordAuthStatus.FAILURE))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.pipeline().replace(DECODER, DECODER, new Socks5CommandRequestDecoder());
            ctx.writeAndFlush(new DefaultSocks5PasswordAuthResponse(Socks5PasswordAuthStatus.SUCCESS));
        }

        private void connect(ChannelHandlerContext ctx, Socks5CommandRequest command) {
            InetAddress address = loopback(command.dstAddr());
            if (command.type() != Socks5CommandType.CONNECT || address == null) {
                refused();
                answer(ctx, command.type() != Socks5CommandType.CONNECT ? Socks5CommandStatus.COMMAND_UNSUPPORTED
                        : Socks5CommandStatus.FORBIDDEN).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            Channel client = ctx.channel();
            ctx.pipeline().remove(DECODER);
            openTunnel(client, new InetSocketAddress(address, command.dstPort()),
                    upstream -> answer(ctx, Socks5CommandStatus.SUCCESS).addListener((ChannelFutureListener) sent -> {
                        if (!sent.isSuccess()) {
                            upstream.close();
                            return;
                        }
                        client.pipeline().remove(Socks5ServerEncoder.class);
                        client.pipeline().remove(this);
                        relay(client, upstream);
                    }),
                    cause -> answer(ctx, Socks5CommandStatus.CONNECTION_REFUSED)
                            .addListener(ChannelFutureListener.CLOSE));
        }

        private ChannelFuture answer(ChannelHandlerContext ctx, Socks5CommandStatus status) {
            return ctx.writeAndFlush(new DefaultSocks5CommandResponse(status, Socks5AddressType.IPv4, "127.0.0.1",
                    0));
        }
    }
}
