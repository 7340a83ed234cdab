package io.mqttreactive.netty.testing.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One fuzz input pushed through the inbound side of a pipeline: the input arrives in the reads
 * {@link Segments} cuts it into, buffers from an {@link InspectableAllocator}, until it is used up or the
 * pipeline closed the channel; what reaches the end of the pipeline is collected, messages and errors alike.
 * {@link #verify} then checks the properties every input must keep.
 */
public final class InboundRun {

    /** The name of the handler that collects at the end of the pipeline. */
    public static final String COLLECTOR = "fuzz-collector";

    private final EmbeddedChannel channel;
    private final InspectableAllocator allocator;
    private final List<Object> received = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    /** Collects at the end of {@code channel}'s pipeline, which must use {@code allocator}. */
    public InboundRun(EmbeddedChannel channel, InspectableAllocator allocator) {
        this.channel = channel;
        this.allocator = allocator;
        channel.pipeline().addLast(COLLECTOR, new Collector());
    }

    /** Delivers {@code input} to the pipeline, read by read, as long as the channel stays open. */
    public void feed(byte[] input) {
        feed(input, Segments.of(input));
    }

    /** Delivers {@code bytes} to the pipeline in reads of the given lengths, as long as the channel stays open. */
    public void feed(byte[] bytes, List<Integer> reads) {
        int offset = 0;
        for (int length : reads) {
            if (!channel.isOpen()) {
                return;
            }
            ByteBuf read = allocator.heapBuffer(length, length).writeBytes(bytes, offset, length);
            offset += length;
            try {
                channel.writeInbound(read);
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
    }

    /** Closes the channel and releases whatever it still holds, inbound and outbound. */
    public void close() {
        try {
            channel.finishAndReleaseAll();
        } catch (RuntimeException e) {
            errors.add(e);
        }
    }

    public List<Object> received() {
        return received;
    }

    public List<Throwable> errors() {
        return errors;
    }

    /**
     * Checks, after {@link #close()}, that every error is one {@code typed} accepts, that every buffer was
     * released, and that no buffer was larger than twice the input plus {@code slack} bytes (allocators round
     * up to a power of two).
     *
     * @throws AssertionError naming the first property broken, with the offending error as its cause
     */
    public void verify(byte[] input, Predicate<Throwable> typed, int slack) {
        for (Throwable error : errors) {
            if (!typed.test(error)) {
                throw new AssertionError("untyped error escaped: " + error, error);
            }
        }
        List<ByteBuf> unreleased = allocator.unreleased();
        if (!unreleased.isEmpty()) {
            throw new AssertionError(unreleased.size() + " buffer(s) never released: " + unreleased);
        }
        long bound = 2L * input.length + slack;
        if (allocator.largestRequest() > bound) {
            throw new AssertionError("a buffer of " + allocator.largestRequest() + " bytes was requested for an "
                    + "input of " + input.length + " bytes (bound " + bound + ")");
        }
    }

    private final class Collector extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            received.add(msg);
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            errors.add(cause);
        }
    }
}
