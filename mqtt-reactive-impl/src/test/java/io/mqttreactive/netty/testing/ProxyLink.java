package io.mqttreactive.netty.testing;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One connection through {@link TcpProxy}: the client socket and its upstream socket, relayed both ways on
 * the proxy's selector thread (and only there). Bytes read from one end wait as chunks, each due at its read
 * time plus the proxy's delay, until they are written to the other end; an end that has read a megabyte not
 * yet written stops reading, so a slow peer slows the other. When one end reaches end of stream and all it
 * sent has been relayed, the whole link closes. With a {@link LinkTraffic}, every byte written is recorded.
 */
final class ProxyLink {

    private static final int CHUNK_SIZE = 16 * 1024;
    private static final int MAX_PENDING_BYTES = 1024 * 1024;

    private final End client;
    private final End upstream;
    private final LongSupplier delayNanos;
    private final Consumer<ProxyLink> onClose;
    private final @Nullable LinkTraffic traffic;
    private boolean connected;
    private boolean stalled;
    private boolean stalledForGood;
    private boolean closed;

    ProxyLink(Selector selector, SocketChannel clientChannel, SocketChannel upstreamChannel, LongSupplier delayNanos,
            Consumer<ProxyLink> onClose, @Nullable LinkTraffic traffic) throws IOException {
        this.delayNanos = delayNanos;
        this.onClose = onClose;
        this.traffic = traffic;
        this.client = new End(clientChannel);
        this.upstream = new End(upstreamChannel);
        client.peer = upstream;
        upstream.peer = client;
        client.key = clientChannel.register(selector, 0, client);
        upstream.key = upstreamChannel.register(selector, SelectionKey.OP_CONNECT, upstream);
    }

    /** Completes the upstream connection; relaying starts once it is done. */
    void connected() throws IOException {
        connected = upstream.channel.finishConnect();
    }

    /** Stops relaying on this link for the rest of its life, both ways, leaving both sockets open. */
    void stallForGood() {
        stalledForGood = true;
    }

    /** @return the {@link System#nanoTime()} at which the next chunk becomes due, or {@link Long#MAX_VALUE} */
    long nextDue() {
        return stalledForGood ? Long.MAX_VALUE : Math.min(client.nextDue(), upstream.nextDue());
    }

    /**
     * Relays what is due, closes on a relayed end of stream, and sets what the selector waits for next.
     *
     * @param now the current {@link System#nanoTime()}
     * @param stall whether the proxy is stalled: nothing is read or written
     */
    void pump(long now, boolean stall) {
        if (closed) {
            return;
        }
        this.stalled = stall || stalledForGood;
        try {
            if (connected && !stalled) {
                client.flush(now);
                upstream.flush(now);
                if ((client.endOfStream && client.pending.isEmpty())
                        || (upstream.endOfStream && upstream.pending.isEmpty())) {
                    close(false);
                    return;
                }
            }
            client.updateInterest();
            upstream.updateInterest();
        } catch (IOException e) {
            close(false);
        }
    }

    /** @param abort whether to reset (RST) both sockets instead of closing them (FIN) */
    void close(boolean abort) {
        if (closed) {
            return;
        }
        closed = true;
        onClose.accept(this);
        client.close(abort);
        upstream.close(abort);
    }

    /** One socket of the link, with the chunks read from it that wait to be written to its peer. */
    final class End {

        final SocketChannel channel;
        final ArrayDeque<Chunk> pending = new ArrayDeque<>();
        End peer;
        SelectionKey key;
        int pendingBytes;
        boolean endOfStream;
        /** Whether the peer's socket buffer is full, so chunks read here wait for OP_WRITE on the peer. */
        boolean writeBlocked;

        End(SocketChannel channel) {
            this.channel = channel;
        }

        ProxyLink link() {
            return ProxyLink.this;
        }

        void read(long now) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK_SIZE);
            int n = channel.read(buffer);
            if (n < 0) {
                endOfStream = true;
            } else if (n > 0) {
                buffer.flip();
                pending.add(new Chunk(buffer, now + delayNanos.getAsLong()));
                pendingBytes += n;
            }
        }

        void flush(long now) throws IOException {
            writeBlocked = false;
            while (!pending.isEmpty() && pending.peek().due() <= now) {
                Chunk head = pending.peek();
                int from = head.data().position();
                pendingBytes -= peer.channel.write(head.data());
                if (traffic != null) {
                    traffic.written(this == upstream, head.data(), from, head.data().position());
                }
                if (head.data().hasRemaining()) {
                    writeBlocked = true;
                    return;
                }
                pending.remove();
            }
        }

        long nextDue() {
            return pending.isEmpty() || writeBlocked ? Long.MAX_VALUE : pending.peek().due();
        }

        void updateInterest() {
            if (!key.isValid()) {
                return;
            }
            int ops = 0;
            if (!connected) {
                ops = this == upstream ? SelectionKey.OP_CONNECT : 0;
            } else if (!stalled) {
                if (!endOfStream && pendingBytes < MAX_PENDING_BYTES) {
                    ops |= SelectionKey.OP_READ;
                }
                if (peer.writeBlocked) {
                    ops |= SelectionKey.OP_WRITE;
                }
            }
            key.interestOps(ops);
        }

        void close(boolean abort) {
            try {
                if (abort && channel.isOpen()) {
                    channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            TcpProxy.closeQuietly(channel);
        }
    }

    private record Chunk(ByteBuffer data, long due) {
    }
}
