package io.mqttreactive.netty.testing.scripted;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.client.NettyMqttClient;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttPacketEncoder;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PingReqPacket;
import io.mqttreactive.netty.internal.transport.MqttConnector;
import io.mqttreactive.netty.internal.transport.MqttFrameDecoder;
import io.mqttreactive.netty.testing.TestEventLoops;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A scripted fake broker behind the client's transport seam, for flow tests without a real broker: "expect
 * PUBLISH id 1, answer PUBACK id 1". The client reaches it through {@link #connector()}, an in-JVM Netty
 * {@link LocalChannel} pair on one event loop that the client and the broker share, so every packet passes the
 * client's real codec and the broker's decoder, in a deterministic order, without sockets or ports.
 *
 * <p>Every packet the client sends is logged ({@link #received()}) and then, in this order: answered by a
 * standing rule ({@link #whenever}), consumed by the next step of the script ({@link #expect}; a packet that
 * does not match the step is a test failure), or queued for {@link #awaitReceived}. PINGREQ is answered with
 * PINGRESP unless {@link #answerPings(boolean)} turned that off. {@link #send} pushes unsolicited packets,
 * {@link #sendRaw} arbitrary bytes; {@link #barrier()} waits until the client has processed everything sent so
 * far. Answers are written in a later event-loop turn than the packet they answer, as over a network.
 *
 * <pre>{@code
 * try (ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0)) {
 *     MqttClient client = broker.connectedClient(options -> options);
 *     broker.expect(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));
 *     client.publish(message).block(ScriptedBroker.WAIT);
 * }
 * }</pre>
 *
 * <p>{@link #close()} closes the clients made by {@link #newClient}, fails with the first script violation, and
 * fails if an expected packet never came. Script methods are thread-safe; every wait is bounded by {@link #WAIT}.
 */
public final class ScriptedBroker implements AutoCloseable {

    /** The bound of every wait of the broker and of the tests using it. */
    public static final Duration WAIT = Duration.ofSeconds(5);

    /** The id of the PUBREL {@link #barrier()} sends; tests must not use it for inbound QoS 2 messages. */
    public static final int BARRIER_PACKET_ID = 65_535;

    private static final EventLoopGroup LOOPS = TestEventLoops.local("scripted-broker");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private final MqttVersion version;
    private final ByteBufAllocator allocator;
    private final EventLoop loop = LOOPS.next();
    private final LocalAddress address = new LocalAddress("scripted-broker-" + ADDRESSES.incrementAndGet());
    private final Channel server;
    private final Object lock = new Object();
    private final Deque<ScriptStep<?>> script = new ArrayDeque<>();
    private final List<ScriptStep<?>> rules = new ArrayList<>();
    private final Deque<CompletableFuture<Void>> barriers = new ArrayDeque<>();
    private final BlockingQueue<MqttPacket> inbox = new LinkedBlockingQueue<>();
    private final Queue<MqttPacket> received = new ConcurrentLinkedQueue<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<MqttClient> clients = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Channel> firstConnection = new CompletableFuture<>();
    private volatile @Nullable Channel connection;
    private volatile boolean answerPings = true;
    private volatile Consumer<ChannelPipeline> clientPipeline = pipeline -> { };

    private ScriptedBroker(MqttVersion version, ByteBufAllocator allocator) {
        this.version = version;
        this.allocator = allocator;
        this.server = new ServerBootstrap()
                .group(loop)
                .channel(LocalServerChannel.class)
                .childOption(ChannelOption.ALLOCATOR, allocator)
                .childHandler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel channel) {
                        channel.pipeline().addLast(new MqttFrameDecoder(DecodeContext.of(version)),
                                new ConnectionHandler());
                    }
                })
                .bind(address).syncUninterruptibly().channel();
    }

    /** Starts a broker speaking one protocol version. */
    public static ScriptedBroker start(MqttVersion version) {
        return new ScriptedBroker(version, ByteBufAllocator.DEFAULT);
    }

    /**
     * Starts a broker for tests that move tens of thousands of packets: its connections, the client's included,
     * allocate buffers without leak tracking, since paranoid tracking records a stack trace at every buffer
     * access and would make such a test take minutes. Every other test keeps the JVM's leak detection level.
     */
    public static ScriptedBroker startForBulkTraffic(MqttVersion version) {
        return new ScriptedBroker(version, new UnpooledByteBufAllocator(false, true));
    }

    /** The seam to hand to a client: every connection it opens reaches this broker. */
    public MqttConnector connector() {
        return new ScriptedConnector(address, allocator, pipeline -> clientPipeline.accept(pipeline));
    }

    /**
     * Adds handlers to the pipeline of every connection a client opens from now on, after the client's own, for
     * tests that inject faults below the client (a handler added first sees the bytes before the decoder does).
     */
    public ScriptedBroker clientPipeline(Consumer<ChannelPipeline> customizer) {
        this.clientPipeline = customizer;
        return this;
    }

    /**
     * Creates a client of this broker's version on its event loop, closed by {@link #close()}.
     *
     * @param options adjusts the options; server, version and client id are preset
     */
    public MqttClient newClient(UnaryOperator<MqttClientOptions.Builder> options) {
        return newClient(options, UnaryOperator.identity());
    }

    /**
     * Creates a client like {@link #newClient(UnaryOperator)} whose connections go through a wrapper of
     * {@link #connector()}, for tests that watch what the client asks the transport for.
     */
    public MqttClient newClient(UnaryOperator<MqttClientOptions.Builder> options,
            UnaryOperator<MqttConnector> connectorWrapper) {
        MqttClientOptions built = options.apply(MqttClientOptions.builder()
                .serverHost("127.0.0.1").serverPort(1883).version(version).clientId("scripted-client")).build();
        MqttClient client = new NettyMqttClient(built, connectorWrapper.apply(connector()), loop);
        clients.add(client);
        return client;
    }

    /** Creates a client, scripts CONNECT → {@code connAck} and connects. */
    public MqttClient connectedClient(UnaryOperator<MqttClientOptions.Builder> options, ConnAckPacket connAck) {
        MqttClient client = newClient(options);
        expect(PacketMatcher.isConnect()).answer(connAck);
        client.connect().block(WAIT);
        return client;
    }

    /** Creates a client and connects it; the broker accepts a new session with no MQTT 5 properties. */
    public MqttClient connectedClient(UnaryOperator<MqttClientOptions.Builder> options) {
        return connectedClient(options, Packets.connAck());
    }

    /** Adds a step to the script: the next packet the client sends must match; finish it with an answer. */
    public <P extends MqttPacket> ScriptStep<P> expect(PacketMatcher<P> matcher) {
        return new ScriptStep<>(this, matcher, false);
    }

    /** Adds a standing rule: every matching packet is answered, before the script sees it. */
    public <P extends MqttPacket> ScriptStep<P> whenever(PacketMatcher<P> matcher) {
        return new ScriptStep<>(this, matcher, true);
    }

    /** Turns the automatic PINGRESP answer to PINGREQ on (the default) or off. */
    public ScriptedBroker answerPings(boolean answer) {
        this.answerPings = answer;
        return this;
    }

    /**
     * Returns the next packet the client sent that no rule or script step consumed, waiting up to
     * {@link #WAIT}.
     *
     * @throws AssertionError if none came, or it does not match
     */
    public <P extends MqttPacket> P awaitReceived(PacketMatcher<P> matcher) {
        MqttPacket packet;
        try {
            packet = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + matcher, e);
        }
        throwFailures();
        if (packet == null) {
            throw new AssertionError("the client sent no " + matcher + " within " + WAIT.toMillis()
                    + " ms; it sent " + received);
        }
        if (!matcher.matches(packet)) {
            throw new AssertionError("expected " + matcher + ", the client sent " + packet);
        }
        return matcher.cast(packet);
    }

    /** Waits until the client has processed everything sent so far, then asserts it sent nothing else. */
    public void assertNothingElseReceived() {
        barrier();
        throwFailures();
        if (!inbox.isEmpty()) {
            throw new AssertionError("the client sent unexpected packets: " + inbox);
        }
    }

    /**
     * Asserts that the client sends nothing during {@code quiet}: for what must not happen even later, such as
     * a reply to a packet the client is not reading while its reading is paused. Prefer
     * {@link #assertNothingElseReceived()}, which does not depend on time, wherever the client is reading.
     */
    public void assertNothingReceivedWithin(Duration quiet) {
        MqttPacket packet;
        try {
            packet = inbox.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while watching for packets", e);
        }
        throwFailures();
        if (packet != null) {
            throw new AssertionError("the client sent " + packet + " within " + quiet.toMillis() + " ms");
        }
    }

    /**
     * Waits until the client has read and handled every packet sent to it so far: sends PUBREL for
     * {@link #BARRIER_PACKET_ID}, which the client answers with PUBCOMP in the order it handles packets. The
     * PUBCOMP is neither logged nor queued.
     */
    public void barrier() {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        synchronized (lock) {
            barriers.add(reached);
        }
        send(Packets.pubRel(BARRIER_PACKET_ID));
        await(reached, "the PUBCOMP answering the barrier PUBREL");
    }

    /** Sends packets to the client in one write, flushed once. */
    public void send(MqttPacket... packets) {
        write(requireConnection(), List.of(packets), false);
    }

    /** Sends bytes as they are, for malformed packets. */
    public void sendRaw(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        requireConnection().writeAndFlush(Unpooled.wrappedBuffer(raw));
    }

    /** Closes the current connection from the broker's side, as when the network drops. */
    public void closeConnection() {
        requireConnection().close().awaitUninterruptibly(WAIT.toMillis());
    }

    /** Waits until the current connection is closed, by either side. */
    public void awaitConnectionClosed() {
        Channel channel = await(firstConnection, "a connection from the client");
        Channel current = connection != null ? connection : channel;
        if (!current.closeFuture().awaitUninterruptibly(WAIT.toMillis())) {
            throw new AssertionError("the connection is still open after " + WAIT.toMillis() + " ms");
        }
    }

    /** Tells whether the current connection is open. */
    public boolean isConnectionOpen() {
        Channel channel = connection;
        return channel != null && channel.isActive();
    }

    /** Every packet the client sent, in order, barrier replies excepted. */
    public List<MqttPacket> received() {
        return List.copyOf(received);
    }

    /** The packets of one type the client sent, in order. */
    public List<MqttPacket> received(MqttPacketType type) {
        return received.stream().filter(packet -> packet.type() == type).toList();
    }

    /** Waits until the client has sent {@code count} packets of a type, rules and script included. */
    public void awaitReceivedCount(MqttPacketType type, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (lock) {
            while (received(type).size() < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("the client sent " + received(type).size() + " " + type + ", not "
                            + count + ", within " + WAIT.toMillis() + " ms");
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + type, e);
                }
            }
        }
    }

    /** Waits until every scripted step has been met; fails on the first script violation. */
    public void awaitScriptDone() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (lock) {
            while (!script.isEmpty() && failures.isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("the client never sent " + script.peek().matcher() + "; it sent "
                            + received);
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + script.peek().matcher(), e);
                }
            }
        }
        throwFailures();
    }

    /**
     * Closes the clients made here and the broker; then fails with the first script violation or a step the
     * client never met.
     */
    @Override
    public void close() {
        List<String> unmet;
        synchronized (lock) {
            unmet = script.stream().map(step -> step.matcher().toString()).toList();
            script.clear();
            rules.clear();
        }
        for (MqttClient client : clients) {
            client.close().block(WAIT);
        }
        Channel channel = connection;
        if (channel != null) {
            channel.close().awaitUninterruptibly(WAIT.toMillis());
        }
        server.close().awaitUninterruptibly(WAIT.toMillis());
        throwFailures();
        if (!unmet.isEmpty()) {
            throw new AssertionError("the client never sent " + unmet + "; it sent " + received);
        }
    }

    private void onPacket(Channel channel, MqttPacket packet) {
        if (isBarrierReply(packet)) {
            return;
        }
        synchronized (lock) {
            // Logged under the lock, so that a test that saw the packet arrive also sees what the script made of it.
            received.add(packet);
            lock.notifyAll();
            if (answerPings && packet instanceof PingReqPacket) {
                write(channel, List.<MqttPacket>of(Packets.pingResp()), false);
                return;
            }
            for (ScriptStep<?> rule : rules) {
                if (rule.matcher().matches(packet)) {
                    rule.run(channel, packet);
                    return;
                }
            }
            inbox.add(packet);
            feedScript(channel);
        }
    }

    private void feedScript(Channel channel) {
        while (!script.isEmpty() && !inbox.isEmpty()) {
            ScriptStep<?> step = script.poll();
            MqttPacket packet = inbox.poll();
            if (step.matcher().matches(packet)) {
                step.run(channel, packet);
            } else {
                failures.add(new AssertionError("the script expected " + step.matcher() + ", the client sent "
                        + packet));
            }
        }
        lock.notifyAll();
    }

    private boolean isBarrierReply(MqttPacket packet) {
        if (packet instanceof AckPacket ack && ack.type() == MqttPacketType.PUBCOMP
                && ack.packetId() == BARRIER_PACKET_ID) {
            CompletableFuture<Void> reached;
            synchronized (lock) {
                reached = barriers.poll();
            }
            if (reached != null) {
                reached.complete(null);
                return true;
            }
        }
        return false;
    }

    /** Puts a finished step into the script or the standing rules; a waiting packet may meet it at once. */
    ScriptedBroker add(ScriptStep<?> step) {
        Channel channel = connection;
        synchronized (lock) {
            if (step.isStanding()) {
                rules.add(step);
            } else {
                script.add(step);
                if (channel != null) {
                    feedScript(channel);
                }
            }
        }
        return this;
    }

    /** Writes packets to the client in a later event-loop turn, then closes the connection if asked to. */
    void write(Channel channel, List<MqttPacket> packets, boolean thenClose) {
        channel.eventLoop().execute(() -> {
            writeNow(channel, packets);
            if (thenClose) {
                channel.close();
            }
        });
    }

    private void writeNow(Channel channel, List<MqttPacket> packets) {
        try {
            for (MqttPacket packet : packets) {
                channel.write(MqttPacketEncoder.encode(packet, channel.alloc(), EncodeContext.of(version)));
            }
        } catch (RuntimeException e) {
            failures.add(new AssertionError("the broker could not encode its answer " + packets, e));
        }
        channel.flush();
    }

    private Channel requireConnection() {
        Channel channel = connection;
        if (channel == null) {
            channel = await(firstConnection, "a connection from the client");
        }
        return channel;
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throwFailures();
            throw new AssertionError("no " + what + " within " + WAIT.toMillis() + " ms; the client sent "
                    + received);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed", e.getCause());
        }
    }

    private void throwFailures() {
        if (!failures.isEmpty()) {
            AssertionError first = new AssertionError(failures.get(0).getMessage(), failures.get(0));
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    private final class ConnectionHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            connection = ctx.channel();
            firstConnection.complete(ctx.channel());
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            onPacket(ctx.channel(), (MqttPacket) msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failures.add(new AssertionError("the broker could not decode what the client sent", cause));
            ctx.close();
        }
    }
}
