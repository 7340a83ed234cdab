package io.mqttreactive.netty.testing;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The loopback server side of the test proxies ({@link HttpConnectProxy}, {@link Socks5Proxy}): each accepted
 * connection first speaks the proxy protocol through the {@linkplain #addProtocolHandlers handlers} of the subclass,
 * which then {@linkplain #openTunnel opens a tunnel} to a loopback target and relays bytes both ways, one chunk in
 * flight per direction, so memory stays bounded whatever the peers send. Tunnels are counted, so a test can prove
 * its traffic went through the proxy; refusals are counted too. Targets outside the loopback are refused without
 * a lookup, so nothing leaves the machine and nothing blocks: the proxy runs on a Reactor non-blocking thread,
 * which BlockHound checks. {@link #close()} closes every connection and stops the thread.
 */
public abstract class TunnelProxy implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final EventLoopGroup loop;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final ChannelGroup tunnels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private @Nullable Channel server;

    /**
     * Makes the proxy's event loop; the subclass's factory then calls {@link #bind()}.
     *
     * @param name names the proxy's thread
     */
    protected TunnelProxy(String name) {
        this.loop = TestEventLoops.nio(name);
    }

    /** Adds the handlers that speak the proxy protocol on an accepted connection. */
    protected abstract void addProtocolHandlers(ChannelPipeline pipeline);

    /** Starts listening on a free loopback port. */
    protected final void bind() {
        try {
            this.server = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channels.add(channel);
                            addProtocolHandlers(channel.pipeline());
                        }
                    })
                    .bind(FreePorts.LOOPBACK, 0).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return the address clients connect to, {@value FreePorts#LOOPBACK} */
    public String host() {
        return FreePorts.LOOPBACK;
    }

    /** @return the port clients connect to */
    public int port() {
        return ((InetSocketAddress) Objects.requireNonNull(server, "not bound").localAddress()).getPort();
    }

    /** @return how many tunnels the proxy opened to a target */
    public int tunnelsOpened() {
        return opened.get();
    }

    /** @return how many requests the proxy refused: bad credentials, a forbidden or unreachable target */
    public int refusals() {
        return refused.get();
    }

    /** Closes every open tunnel on both sides, as a proxy that drops its connections; new ones still pass. */
    public void dropTunnels() {
        tunnels.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
        }
        channels.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
        if (!loop.shutdownGracefully(0, CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(CLOSE_TIMEOUT.toMillis() * 2)) {
            throw new IllegalStateException(this + " did not stop");
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + host() + ":" + port() + "]";
    }

    /** Counts a refused request. */
    protected final void refused() {
        refused.incrementAndGet();
    }

    /**
     * The loopback address of {@code host} if it names one ({@code localhost} or a loopback literal), else
     * {@code null}; never looks a name up.
     */
    protected static @Nullable InetAddress loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress address = NetUtil.isValidIpV4Address(literal) || NetUtil.isValidIpV6Address(literal)
                ? NetUtil.createInetAddressFromIpAddressString(literal) : null;
        return address != null && address.isLoopbackAddress() ? address : null;
    }

    /**
     * Connects to {@code target} on the client's event loop, with reading off on the client until the tunnel is
     * open; {@code onOpen} gets the target channel (and then calls {@link #relay}), {@code onFailure} the cause.
     */
    protected final void openTunnel(Channel client, InetSocketAddress target, Consumer<Channel> onOpen,
            Consumer<Throwable> onFailure) {
        client.config().setAutoRead(false);
        new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.AUTO_READ, false)
                .handler(new ChannelInboundHandlerAdapter())
                .connect(target)
                .addListener((ChannelFutureListener) connected -> {
                    if (!connected.isSuccess()) {
                        refused();
                        onFailure.accept(connected.cause());
                    } else if (!client.isActive()) {
                        connected.channel().close();
                    } else {
                        channels.add(connected.channel());
                        onOpen.accept(connected.channel());
                    }
                });
    }

    /**
     * Relays bytes between {@code client} (its proxy protocol handlers already removed) and {@code target}, and
     * counts the tunnel.
     */
    protected final void relay(Channel client, Channel target) {
        opened.incrementAndGet();
        tunnels.add(client);
        tunnels.add(target);
        target.pipeline().addLast(new Relay(client));
        client.pipeline().addLast(new Relay(target));
        client.read();
        target.read();
    }

    /** Writes what one side reads to the other, reading the next chunk only once the last one is written. */
    private static final class Relay extends ChannelInboundHandlerAdapter {

        private final Channel peer;

        Relay(Channel peer) {
            this.peer = peer;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            peer.writeAndFlush(msg).addListener((ChannelFutureListener) written -> {
                if (written.isSuccess()) {
                    ctx.channel().read();
                } else {
                    ctx.channel().close();
                    peer.close();
                }
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            peer.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.channel().close();
            peer.close();
        }
    }
}
