package io.mqttreactive.netty.testing.fuzz;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * An unpooled allocator that remembers every buffer it handed out and every size it was asked for, so that a
 * fuzz test can check after each input, deterministically rather than on a garbage collection as Netty's leak
 * detector does, that every buffer was released and that no buffer was sized by an announced length.
 *
 * <p>Buffers it creates grow through {@link #calculateNewCapacity}, which it also counts: a buffer that expands
 * itself ({@code ensureWritable}) is measured as well as one allocated at its final size. Not thread-safe: one
 * input at a time, on one thread (an {@code EmbeddedChannel}'s).
 */
public final class InspectableAllocator extends AbstractByteBufAllocator {

    private final List<ByteBuf> handedOut = new ArrayList<>();
    private long largestRequest;
    private long totalRequested;

    public InspectableAllocator() {
        super(false);
    }

    /** Forgets the buffers and sizes of the previous input. */
    public void reset() {
        handedOut.clear();
        largestRequest = 0;
        totalRequested = 0;
    }

    /** Returns the buffers handed out since the last {@link #reset()} that are still not released. */
    public List<ByteBuf> unreleased() {
        return handedOut.stream().filter(buffer -> buffer.refCnt() > 0).toList();
    }

    /** Returns the largest capacity asked for since the last {@link #reset()}, at allocation or growth. */
    public long largestRequest() {
        return largestRequest;
    }

    /** Returns the sum of all capacities asked for since the last {@link #reset()}. */
    public long totalRequested() {
        return totalRequested;
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return track(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity), initialCapacity);
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return track(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity), initialCapacity);
    }

    @Override
    public CompositeByteBuf compositeHeapBuffer(int maxNumComponents) {
        CompositeByteBuf composite = new CompositeByteBuf(this, false, maxNumComponents);
        handedOut.add(composite);
        return composite;
    }

    @Override
    public CompositeByteBuf compositeDirectBuffer(int maxNumComponents) {
        CompositeByteBuf composite = new CompositeByteBuf(this, true, maxNumComponents);
        handedOut.add(composite);
        return composite;
    }

    @Override
    public int calculateNewCapacity(int minNewCapacity, int maxCapacity) {
        int newCapacity = super.calculateNewCapacity(minNewCapacity, maxCapacity);
        count(newCapacity);
        return newCapacity;
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    private ByteBuf track(ByteBuf buffer, int capacity) {
        handedOut.add(buffer);
        count(capacity);
        return buffer;
    }

    private void count(long capacity) {
        largestRequest = Math.max(largestRequest, capacity);
        totalRequested += capacity;
    }
}
