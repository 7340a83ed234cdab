package io.mqttreactive.netty.internal.transport;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttPacketEncoder;
import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.WireLog;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.DecoderException;
import org.jspecify.annotations.Nullable;

/**
 * One network connection to the broker as a packet pipe, confined to its event loop: packets written in one
 * event-loop turn go out with one flush at the end of the turn, or sooner once {@value #FLUSH_PACKETS} packets
 * or {@value #FLUSH_BYTES} bytes wait, or once the oldest of them has waited {@link #DEFAULT_FLUSH_DELAY_NANOS}
 * while the turn goes on (checked at every write and every received packet). So an acknowledgement written
 * while a long read is decoded reaches the broker within a bounded time however slowly the read goes, and a
 * link cut soon after it opened still carries the acknowledgements that move the broker's session forward.
 * Received packets, writability changes, errors and the close reach one {@link Listener}, on the event loop.
 * The first error closes the connection ([MQTT-4.8.0-1] 3.1.1).
 */
public final class MqttChannel extends ChannelInboundHandlerAdapter {

    public static final String NAME = "mqtt-channel";

    /** How many written packets may wait for the end of the event-loop turn before they are flushed at once. */
    static final int FLUSH_PACKETS = 256;

    /** How many written bytes may wait for the end of the event-loop turn before they are flushed at once. */
    static final int FLUSH_BYTES = 64 * 1024;

    /** How long a written packet may wait for the end of a long event-loop turn before it is flushed. */
    static final long DEFAULT_FLUSH_DELAY_NANOS = 1_000_000;

    /** Receives what happens on the connection, always on its event loop. */
    public interface Listener {

        void onPacket(MqttPacket packet);

        void onWritable();

        /** Called once, when the connection has closed; {@code cause} is null for an orderly close. */
        void onClosed(@Nullable Throwable cause);
    }

    private final Channel channel;
    private final Runnable flushTask = this::flushNow;
    private final long flushDelayNanos;
    private EncodeContext encodeContext;
    private @Nullable Listener listener;
    private @Nullable Throwable failure;
    private boolean flushScheduled;
    private int unflushedPackets;
    private int unflushedBytes;
    private long oldestUnflushedNanos;
    private long writtenBytes;
    private boolean closed;
    private long lastWriteNanos = System.nanoTime();
    private long lastReadNanos = lastWriteNanos;
    private long readResumedNanos = lastWriteNanos;
    private boolean readingPaused;

    public MqttChannel(Channel channel, EncodeContext encodeContext) {
        this(channel, encodeContext, DEFAULT_FLUSH_DELAY_NANOS);
    }

    MqttChannel(Channel channel, EncodeContext encodeContext, long flushDelayNanos) {
        this.channel = channel;
        this.encodeContext = encodeContext;
        this.flushDelayNanos = flushDelayNanos;
    }

    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    public void listener(Listener listener) {
        this.listener = listener;
    }

    public void encodeContext(EncodeContext encodeContext) {
        this.encodeContext = encodeContext;
    }

    public EncodeContext encodeContext() {
        return encodeContext;
    }

    public boolean isWritable() {
        return channel.isWritable();
    }

    public boolean isOpen() {
        return !closed && channel.isActive();
    }

    /**
     * Encodes and writes a packet; it is flushed at the end of this event-loop turn.
     *
     * @throws io.mqttreactive.netty.internal.codec.MqttEncodeException if the packet cannot be encoded; nothing
     *         is written then
     */
    public void send(MqttPacket packet) {
        ByteBuf encoded = MqttPacketEncoder.encode(packet, channel.alloc(), encodeContext);
        int size = encoded.readableBytes();
        writtenBytes += size;
        WireLog.sent(packet, size);
        channel.write(encoded, channel.voidPromise());
        flushSoon(size);
    }

    /** Like {@link #send(MqttPacket)}, then calls {@code whenWritten} with null or the write failure. */
    public void send(MqttPacket packet, java.util.function.Consumer<@Nullable Throwable> whenWritten) {
        ByteBuf encoded = MqttPacketEncoder.encode(packet, channel.alloc(), encodeContext);
        int size = encoded.readableBytes();
        writtenBytes += size;
        WireLog.sent(packet, size);
        channel.write(encoded).addListener((ChannelFutureListener) future -> whenWritten.accept(future.cause()));
        flushSoon(size);
    }

    /** Stops or resumes reading from the socket, so that the broker's sends back up in TCP. */
    public void autoRead(boolean autoRead) {
        if (readingPaused == autoRead) {
            readingPaused = !autoRead;
            if (autoRead) {
                readResumedNanos = System.nanoTime();
            }
        }
        channel.config().setAutoRead(autoRead);
    }

    /** Tells whether the client itself stopped reading, with {@link #autoRead(boolean)}. */
    public boolean isReadingPaused() {
        return readingPaused;
    }

    /** Returns when reading last resumed after a pause (or the connection opened), in nanoTime units. */
    public long readResumedNanos() {
        return readResumedNanos;
    }

    /** Returns when a packet was last received, in {@link System#nanoTime()} units. */
    public long lastReadNanos() {
        return lastReadNanos;
    }

    /** Flushes what is written and closes the connection; the listener hears {@link Listener#onClosed} once. */
    public void close(@Nullable Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        flushNow();
        channel.close();
    }

    /**
     * Returns the bytes of every packet written to this connection so far, as encoded: what a TCP connection
     * carries to the broker, without the framing TLS or WebSocket adds.
     */
    public long writtenBytes() {
        return writtenBytes;
    }

    /** Returns when a packet was last written, in {@link System#nanoTime()} units. */
    public long lastWriteNanos() {
        return lastWriteNanos;
    }

    private void flushSoon(int size) {
        long now = System.nanoTime();
        lastWriteNanos = now;
        if (unflushedPackets++ == 0) {
            oldestUnflushedNanos = now;
        }
        unflushedBytes += size;
        if (unflushedPackets >= FLUSH_PACKETS || unflushedBytes >= FLUSH_BYTES
                || now - oldestUnflushedNanos >= flushDelayNanos) {
            flush();
        } else if (!flushScheduled) {
            flushScheduled = true;
            channel.eventLoop().execute(flushTask);
        }
    }

    private void flushNow() {
        flushScheduled = false;
        flush();
    }

    private void flush() {
        unflushedPackets = 0;
        unflushedBytes = 0;
        channel.flush();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastReadNanos = System.nanoTime();
        if (unflushedPackets > 0 && lastReadNanos - oldestUnflushedNanos >= flushDelayNanos) {
            flush();
        }
        if (!closed && listener != null) {
            WireLog.received((MqttPacket) msg);
            listener.onPacket((MqttPacket) msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (channel.isWritable() && listener != null) {
            listener.onWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable error = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (error instanceof MqttDecodeException decodeError && encodeContext.version().isMqtt5() && isOpen()) {
            send(DisconnectPacket.of(decodeError.reasonCode()));
        }
        close(error);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!closed) {
            closed = true;
            if (listener != null) {
                listener.onClosed(failure);
            }
        }
        ctx.fireChannelInactive();
    }
}
