package io.mqttreactive.netty.internal.session;

/**
 * Hands out packet identifiers 1 to 65,535 that are not in use ([MQTT-2.3.1-2] 3.1.1, [MQTT-2.2.1-3] 5.0) and
 * takes them back only when the flow that used them is complete ([MQTT-2.3.1-3] 3.1.1). Ids are handed out
 * round-robin, so a freed id is not reused at once. Confined to one event loop: not thread-safe.
 *
 * <p>The in-use bits live in pages of 1,024 ids, created when an id of theirs is taken and dropped when their last
 * id is freed, so an idle client holds a few hundred bytes instead of a whole 8 KiB bitmap.
 */
public final class PacketIdAllocator {

    public static final int MAX_ID = 65_535;

    private static final int PAGE_SHIFT = 10;
    private static final int WORDS_PER_PAGE = (1 << PAGE_SHIFT) / Long.SIZE;

    private final long[][] pages = new long[(MAX_ID >>> PAGE_SHIFT) + 1][];
    private final int[] pageCounts = new int[pages.length];
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
        int page = id >>> PAGE_SHIFT;
        pages[page][word(id)] &= ~(1L << id);
        if (--pageCounts[page] == 0) {
            pages[page] = null;
        }
        count--;
        return true;
    }

    public boolean isUsed(int id) {
        long[] page = pages[id >>> PAGE_SHIFT];
        return page != null && (page[word(id)] & 1L << id) != 0;
    }

    /** Returns how many ids are in use. */
    public int inUseCount() {
        return count;
    }

    private void mark(int id) {
        int page = id >>> PAGE_SHIFT;
        if (pages[page] == null) {
            pages[page] = new long[WORDS_PER_PAGE];
        }
        pages[page][word(id)] |= 1L << id;
        pageCounts[page]++;
        count++;
    }

    private static int word(int id) {
        return (id >>> 6) & (WORDS_PER_PAGE - 1);
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
