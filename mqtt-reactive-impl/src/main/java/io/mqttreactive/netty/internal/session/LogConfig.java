package io.mqttreactive.netty.internal.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LogSessionStore} is set up.
 *
 * @param directory           where its files live
 * @param sync                when it forces writes to the storage device
 * @param syncInterval        for {@link Sync#PERIODIC}, the longest time a write stays unforced; otherwise zero
 * @param limits              its bounds
 * @param compactionThreshold the log size below which it never compacts; above it, it compacts once the log is
 *                            more than twice the size of its live records
 * @param syncListener        told after every force of appended records, on the store's thread (tests watch it)
 */
public record LogConfig(Path directory, Sync sync, Duration syncInterval, SessionLimits limits,
        long compactionThreshold, Runnable syncListener) {

    /** The default {@link #compactionThreshold()}: 4 MiB. */
    public static final long DEFAULT_COMPACTION_THRESHOLD = 4L * 1024 * 1024;

    /** When appended records are forced to the storage device. */
    public enum Sync {
        /** Before the operation's publisher completes, once per batch of operations (group commit). */
        ALWAYS,
        /** At most {@link #syncInterval()} after the write; the publisher completes after the write. */
        PERIODIC,
        /** Never on the write path: the operating system writes the page cache back when it decides. */
        NEVER
    }

    /**
     * Creates a configuration.
     *
     * @throws IllegalArgumentException if the interval does not fit the mode or the threshold is negative
     */
    public LogConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(syncInterval, "syncInterval");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(syncListener, "syncListener");
        if ((sync == Sync.PERIODIC) != (syncInterval.compareTo(Duration.ZERO) > 0)) {
            throw new IllegalArgumentException("a positive sync interval goes with PERIODIC only, was " + sync
                    + " every " + syncInterval);
        }
        if (compactionThreshold < 0) {
            throw new IllegalArgumentException("compactionThreshold must not be negative, was "
                    + compactionThreshold);
        }
    }

    /**
     * Returns the default configuration of a directory: force on every write, default limits and threshold.
     *
     * @param directory the directory
     * @return the configuration
     */
    public static LogConfig of(Path directory) {
        return new LogConfig(directory, Sync.ALWAYS, Duration.ZERO, SessionLimits.DEFAULT,
                DEFAULT_COMPACTION_THRESHOLD, () -> { });
    }

    /** Returns a copy with another sync mode and interval. */
    public LogConfig withSync(Sync sync, Duration syncInterval) {
        return new LogConfig(directory, sync, syncInterval, limits, compactionThreshold, syncListener);
    }

    /** Returns a copy with other limits. */
    public LogConfig withLimits(SessionLimits limits) {
        return new LogConfig(directory, sync, syncInterval, limits, compactionThreshold, syncListener);
    }

    /** Returns a copy with another compaction threshold. */
    public LogConfig withCompactionThreshold(long compactionThreshold) {
        return new LogConfig(directory, sync, syncInterval, limits, compactionThreshold, syncListener);
    }

    /** Returns a copy with another sync listener. */
    public LogConfig withSyncListener(Runnable syncListener) {
        return new LogConfig(directory, sync, syncInterval, limits, compactionThreshold, syncListener);
    }
}
