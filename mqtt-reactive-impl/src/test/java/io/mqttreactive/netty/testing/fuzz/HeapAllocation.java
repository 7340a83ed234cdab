package io.mqttreactive.netty.testing.fuzz;

import java.lang.management.ManagementFactory;

/**
 * Measures the heap bytes the calling thread allocates while it runs a piece of code (HotSpot's per-thread
 * allocation counter), so that a fuzz test can bound what one input may cost: a reader that allocates an array
 * sized by a length field before the bytes exist shows up as an allocation far larger than its input.
 */
public final class HeapAllocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private HeapAllocation() {
    }

    /** Returns the heap bytes the current thread allocated while {@code code} ran. */
    public static long during(Runnable code) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        code.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    /**
     * Runs {@code code}, which must behave the same on every run, and checks that it allocated at most
     * {@code bound} bytes. The first run of a code path also pays for loading and initialising classes, so an
     * exceeded bound is checked once more on a second run before it counts.
     *
     * @throws AssertionError if both runs allocated more than {@code bound}
     */
    public static void requireAtMost(long bound, String what, Runnable code) {
        long allocated = during(code);
        if (allocated > bound) {
            allocated = Math.min(allocated, during(code));
        }
        if (allocated > bound) {
            throw new AssertionError(what + " allocated " + allocated + " heap bytes (bound " + bound + ")");
        }
    }
}
