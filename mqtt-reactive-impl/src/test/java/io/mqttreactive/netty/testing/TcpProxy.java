package io.mqttreactive.netty.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A loopback TCP proxy for fault tests: a client connects to {@link #port()} and every byte is relayed to
 * the target and back, until the test {@linkplain #cut() cuts}, {@linkplain #reset() resets},
 * {@linkplain #stall() stalls} or {@linkplain #slow(Duration) slows} the link, or leaves the open connections
 * {@linkplain #stallOpenLinks() half-open}.
 *
 * <p>One thread (plain {@code java.nio}, independent of the Netty under test) serves all connections.
 * Every control method takes effect on that thread before it returns (bounded by {@link #COMMAND_TIMEOUT}),
 * so a test can act right after it. {@link #close()} closes every socket and ends the thread.
 */
public final class TcpProxy implements AutoCloseable {

    /** The longest a control method waits for the proxy thread to carry it out. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final List<ProxyLink> links = new ArrayList<>();
    private final List<LinkTraffic> traffic = new ArrayList<>();
    private final Object counts = new Object();
    private volatile boolean open = true;
    private InetSocketAddress target;
    private boolean stalled;
    private boolean refusing;
    private boolean recording;
    private long delayNanos;
    private int accepted;
    private int active;

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(FreePorts.LOOPBACK, 0), 64);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            selector.close();
            throw e;
        }
        this.thread = new Thread(this::loop, "tcp-proxy-" + port() + "-to-" + target.getPort());
        thread.setDaemon(true);
    }

    /**
     * Starts a proxy on a free loopback port to {@value FreePorts#LOOPBACK}:{@code targetPort}.
     *
     * @param targetPort the port to relay to, e.g. a broker's TCP listener
     * @return the running proxy
     */
    public static TcpProxy start(int targetPort) {
        return start(new InetSocketAddress(FreePorts.LOOPBACK, targetPort));
    }

    /**
     * Starts a proxy on a free loopback port.
     *
     * @param target the address to relay to; must be a loopback address
     * @return the running proxy
     */
    public static TcpProxy start(InetSocketAddress target) {
        if (target.getAddress() == null || !target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("tests relay to loopback addresses only, not " + target);
        }
        try {
            TcpProxy proxy = new TcpProxy(target);
            proxy.thread.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the proxy", e);
        }
    }

    /** @return the address clients connect to, {@value FreePorts#LOOPBACK} */
    public String host() {
        return FreePorts.LOOPBACK;
    }

    /** @return the port clients connect to */
    public int port() {
        return server.socket().getLocalPort();
    }

    /** Closes every open connection on both sides (FIN: each peer reads end of stream); new ones still pass. */
    public void cut() {
        execute(() -> closeAll(false));
    }

    /** Aborts every open connection on both sides with a TCP reset; new ones still pass. */
    public void reset() {
        execute(() -> closeAll(true));
    }

    /**
     * Stops relaying in both directions while every socket stays open, like a link that silently drops
     * everything: peers see neither data nor a close. Connections made meanwhile are accepted and stalled too.
     */
    public void stall() {
        execute(() -> stalled = true);
    }

    /**
     * Makes the connections open now half-open for good: they stay open but relay nothing either way, so peers
     * see neither data nor a close until {@link #cut()}, {@link #reset()} or {@link #close()}. Connections made
     * afterwards relay normally, as when a network path fails and traffic moves to another. {@link #resume()}
     * does not end this.
     */
    public void stallOpenLinks() {
        execute(() -> links.forEach(ProxyLink::stallForGood));
    }

    /** Ends a {@link #stall()}: what was held back is relayed, in order. */
    public void resume() {
        execute(() -> stalled = false);
    }

    /**
     * Delays every chunk read from now on by {@code perChunk} before it is relayed, order kept.
     *
     * @param perChunk the delay; {@link Duration#ZERO} restores full speed
     */
    public void slow(Duration perChunk) {
        long nanos = perChunk.toNanos();
        execute(() -> delayNanos = nanos);
    }

    /**
     * While refusing, each new connection is accepted and closed at once, as a broker that is down would
     * look through a load balancer; existing connections are untouched.
     *
     * @param refuse whether to refuse new connections
     */
    public void refuseConnections(boolean refuse) {
        execute(() -> refusing = refuse);
    }

    /**
     * Relays connections made from now on to another loopback address (e.g. a second broker).
     *
     * @param newTarget the new target
     */
    public void retarget(InetSocketAddress newTarget) {
        if (newTarget.getAddress() == null || !newTarget.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("tests relay to loopback addresses only, not " + newTarget);
        }
        execute(() -> target = newTarget);
    }

    /**
     * Records, from now on, the bytes every new connection carries each way, for a test to decode when it
     * fails; a link of a busy MQTT test carries a few megabytes at most.
     */
    public void recordTraffic() {
        execute(() -> recording = true);
    }

    /** @return copies of what the connections made since {@link #recordTraffic()} carried, oldest first */
    public List<LinkTraffic> recordedTraffic() {
        List<LinkTraffic> copies = new ArrayList<>();
        execute(() -> traffic.forEach(link -> copies.add(link.copy())));
        return copies;
    }

    /** @return how many client connections the proxy accepted, refused ones included */
    public int acceptedConnections() {
        synchronized (counts) {
            return accepted;
        }
    }

    /** @return how many client connections are open now */
    public int activeConnections() {
        synchronized (counts) {
            return active;
        }
    }

    /**
     * Waits until at least {@code count} client connections have been accepted in total.
     *
     * @param count the number to reach
     * @param timeout the longest wait
     * @return whether the count was reached in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitAcceptedConnections(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (counts) {
            while (accepted < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(counts, left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        selector.wakeup();
        try {
            thread.join(COMMAND_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("proxy thread " + thread.getName() + " did not end");
        }
    }

    @Override
    public String toString() {
        return "TcpProxy[" + host() + ":" + port() + " -> " + target + "]";
    }

    private void execute(Runnable command) {
        if (!open) {
            throw new IllegalStateException("proxy closed");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        commands.add(() -> {
            try {
                command.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        selector.wakeup();
        try {
            done.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("proxy command failed or timed out", e);
        }
    }

    private void loop() {
        try {
            while (open) {
                selector.select(selectTimeoutMillis());
                Runnable command;
                while ((command = commands.poll()) != null) {
                    command.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                for (ProxyLink link : List.copyOf(links)) {
                    link.pump(now, stalled);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (open) {
                System.err.println("[tcp-proxy] stopped on error: " + e);
            }
        } finally {
            closeAll(false);
            closeQuietly(server);
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
            Runnable command;
            while ((command = commands.poll()) != null) {
                command.run();
            }
        }
    }

    private long selectTimeoutMillis() {
        if (stalled) {
            return 0;
        }
        long now = System.nanoTime();
        long earliest = Long.MAX_VALUE;
        for (ProxyLink link : links) {
            earliest = Math.min(earliest, link.nextDue());
        }
        if (earliest == Long.MAX_VALUE) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(earliest - now) + 1);
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
            return;
        }
        ProxyLink.End end = (ProxyLink.End) key.attachment();
        try {
            if (key.isConnectable()) {
                end.link().connected();
            }
            if (key.isValid() && key.isReadable()) {
                end.read(System.nanoTime());
            }
        } catch (IOException e) {
            end.link().close(false);
        }
    }

    private void accept() {
        SocketChannel client;
        try {
            client = server.accept();
        } catch (IOException e) {
            return;
        }
        if (client == null) {
            return;
        }
        synchronized (counts) {
            accepted++;
            counts.notifyAll();
        }
        if (refusing) {
            closeQuietly(client);
            return;
        }
        SocketChannel upstream = null;
        try {
            client.configureBlocking(false);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            upstream = SocketChannel.open();
            upstream.configureBlocking(false);
            upstream.setOption(StandardSocketOptions.TCP_NODELAY, true);
            LinkTraffic recorded = recording ? new LinkTraffic(accepted) : null;
            if (recorded != null) {
                traffic.add(recorded);
            }
            ProxyLink link = new ProxyLink(selector, client, upstream, this::delayNanos, this::closed, recorded);
            links.add(link);
            synchronized (counts) {
                active++;
            }
            if (upstream.connect(target)) {
                link.connected();
            }
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private long delayNanos() {
        return delayNanos;
    }

    private void closed(ProxyLink link) {
        links.remove(link);
        synchronized (counts) {
            active--;
        }
    }

    private void closeAll(boolean abort) {
        for (ProxyLink link : List.copyOf(links)) {
            link.close(abort);
        }
    }

    static void closeQuietly(Channel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

}
