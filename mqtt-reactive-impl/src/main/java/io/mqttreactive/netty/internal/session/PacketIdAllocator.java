package io.mqttreactive.netty.internal.session;

/**
 * Hands out packet identifiers 1 to 65,535 that are not in use ([MQTT-2.3.1-2] 3.1.1, [MQTT-2.2.1-3] 5.0) and
 * takes them back only when the flow that used them is complete ([MQTT-2.3.1-3] 3.1.1). Ids are handed out
 * round-robin, so a freed id is not reused at once. Confined to one event loop: not thread-safe.
 */
public final class PacketIdAllocator {

    public static final int MAX_ID = 65_535;

    private final long[] inUse = new long[(MAX_ID + 1) / 64];
    private int count;
    private int next = 1;

    /**
     * Returns a free id and marks it used.
     *
     * @throws IllegalStateException if all 65,535 ids are in use
     */
    public int allocate() {
        if (count == MAX_ID) {
            throw new IllegalStateException("all 65535 packet identifiers are in use");
        }
        while (isUsed(next)) {
            advance();
        }
        int id = next;
        mark(id);
        advance();
        return id;
    }

    /** Marks a given id used, as when a session is restored from a store; returns false if it was in use. */
    public boolean claim(int id) {
        checkRange(id);
        if (isUsed(id)) {
            return false;
        }
        mark(id);
        return true;
    }

    /** Frees an id; freeing an unused id has no effect and returns false. */
    public boolean release(int id) {
        checkRange(id);
        if (!isUsed(id)) {
            return false;
        }
        inUse[id >>> 6] &= ~(1L << id);
        count--;
        return true;
    }

    public boolean isUsed(int id) {
        return (inUse[id >>> 6] & 1L << id) != 0;
    }

    /** Returns how many ids are in use. */
    public int inUseCount() {
        return count;
    }

    private void mark(int id) {
        inUse[id >>> 6] |= 1L << id;
        count++;
    }

    private void advance() {
        next = next == MAX_ID ? 1 : next + 1;
    }

    private static void checkRange(int id) {
        if (id < 1 || id > MAX_ID) {
            throw new IllegalArgumentException("packet identifier must be 1 to 65535, was " + id);
        }
    }
}
