package io.mqttreactive.netty.internal.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Lets at most one log line per key through in each interval and counts the lines it held back, so that a
 * repeating warning (a drop per message under overload) costs one line per interval with the count of the others.
 * Keys come from a small, bounded set, such as drop reasons.
 */
final class LogRateLimiter {

    /** The interval of one line per key. */
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** What {@link #admit} answers for a line that is held back. */
    static final long SUPPRESSED = -1;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    LogRateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Tells whether a line for {@code key} may be logged now.
     *
     * @return {@link #SUPPRESSED} if not, otherwise how many lines for the key were held back since the last one
     */
    long admit(String key) {
        Window window = windows.computeIfAbsent(key, unused -> new Window());
        long now = nanoClock.getAsLong();
        synchronized (window) {
            if (window.logged && now - window.startNanos < INTERVAL_NANOS) {
                window.suppressed++;
                return SUPPRESSED;
            }
            long suppressed = window.suppressed;
            window.logged = true;
            window.startNanos = now;
            window.suppressed = 0;
            return suppressed;
        }
    }

    private static final class Window {
        boolean logged;
        long startNanos;
        long suppressed;
    }
}
