package io.mqttreactive.netty.internal.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a connection keeps per packet identifier in use, looked up by the id without boxing or hashing. Like the
 * {@link PacketIdAllocator}, entries live in pages of 1,024 ids, created when an id of theirs is taken and dropped
 * when their last entry is removed, so an idle client holds no page at all. Confined to one event loop: not
 * thread-safe.
 *
 * @param <T> the entry type
 */
public final class PacketIdTable<T> {

    private static final int PAGE_SHIFT = 10;
    private static final int PAGE_SIZE = 1 << PAGE_SHIFT;

    private final Object[][] pages = new Object[(PacketIdAllocator.MAX_ID >>> PAGE_SHIFT) + 1][];
    private final int[] pageCounts = new int[pages.length];
    private int size;

    /** Returns the entry of {@code id}, or null. */
    @SuppressWarnings("unchecked")
    public @Nullable T get(int id) {
        Object[] page = pages[id >>> PAGE_SHIFT];
        return page == null ? null : (T) page[id & (PAGE_SIZE - 1)];
    }

    /** Keeps {@code entry} for {@code id}, replacing what was kept for it. */
    public void put(int id, T entry) {
        int index = id >>> PAGE_SHIFT;
        Object[] page = pages[index];
        if (page == null) {
            page = new Object[PAGE_SIZE];
            pages[index] = page;
        }
        if (page[id & (PAGE_SIZE - 1)] == null) {
            pageCounts[index]++;
            size++;
        }
        page[id & (PAGE_SIZE - 1)] = entry;
    }

    /** Removes the entry of {@code id}; returns false if there was none. */
    public boolean remove(int id) {
        int index = id >>> PAGE_SHIFT;
        Object[] page = pages[index];
        if (page == null || page[id & (PAGE_SIZE - 1)] == null) {
            return false;
        }
        page[id & (PAGE_SIZE - 1)] = null;
        size--;
        if (--pageCounts[index] == 0) {
            pages[index] = null;
        }
        return true;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Returns a copy of the entries, by ascending id. */
    @SuppressWarnings("unchecked")
    public List<T> values() {
        List<T> values = new ArrayList<>(size);
        for (Object[] page : pages) {
            if (page != null) {
                for (Object entry : page) {
                    if (entry != null) {
                        values.add((T) entry);
                    }
                }
            }
        }
        return values;
    }

    /** Removes every entry. */
    public void clear() {
        Arrays.fill(pages, null);
        Arrays.fill(pageCounts, 0);
        size = 0;
    }
}
