package io.mqttreactive.options;

import io.mqttreactive.internal.Checks;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long the client waits before a reconnect attempt. A functional interface: besides the
 * {@link #exponential(Duration, Duration, double) exponential} and {@link #constant(Duration) constant}
 * strategies, any {@code attempt -> Duration} lambda is a strategy.
 *
 * <p>Implementations must be thread-safe and fast; they are called on the connection's event loop.
 */
@FunctionalInterface
public interface ReconnectDelay {

    /** The default minimum delay of the exponential strategy: 1 second. */
    Duration DEFAULT_MIN_DELAY = Duration.ofSeconds(1);

    /** The default maximum delay of the exponential strategy: 2 minutes. */
    Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(2);

    /** The default jitter of the exponential strategy: ±25 %. */
    double DEFAULT_JITTER = 0.25;

    /**
     * Returns the delay before a reconnect attempt.
     *
     * @param attempt the number of the attempt since the connection was lost, starting at 1
     * @return the delay, zero or positive
     */
    Duration delay(long attempt);

    /**
     * Returns the default strategy: exponential from 1 second to 2 minutes, ±25 % jitter.
     *
     * @return the default exponential strategy
     */
    static ReconnectDelay exponential() {
        return exponential(DEFAULT_MIN_DELAY, DEFAULT_MAX_DELAY, DEFAULT_JITTER);
    }

    /**
     * Returns an exponential strategy: attempt {@code n} waits {@code min * 2^(n-1)}, capped at {@code max},
     * then moved by a random factor in {@code [1 - jitter, 1 + jitter]} so that many clients do not reconnect
     * in lockstep.
     *
     * @param min    the base delay of the first attempt; positive
     * @param max    the largest base delay; at least {@code min}
     * @param jitter the relative random spread, 0 (none) to 1
     * @return the strategy
     * @throws IllegalArgumentException if an argument is out of range
     */
    static ReconnectDelay exponential(Duration min, Duration max, double jitter) {
        return new Exponential(min, max, jitter);
    }

    /**
     * Returns a strategy that waits the same time before every attempt.
     *
     * @param delay the delay; zero or positive
     * @return the strategy
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    static ReconnectDelay constant(Duration delay) {
        return new Constant(delay);
    }

    /**
     * Doubling delays with a cap and jitter; see {@link ReconnectDelay#exponential(Duration, Duration, double)}.
     *
     * @param min    the base delay of the first attempt
     * @param max    the largest base delay
     * @param jitter the relative random spread, 0 to 1
     */
    record Exponential(Duration min, Duration max, double jitter) implements ReconnectDelay {

        private static final Duration LONGEST_DELAY = Duration.ofNanos(Long.MAX_VALUE);

        /**
         * Creates the strategy.
         *
         * @param min    the base delay of the first attempt
         * @param max    the largest base delay
         * @param jitter the relative random spread, 0 to 1
         * @throws IllegalArgumentException if an argument is out of range
         */
        public Exponential {
            Checks.requirePositive(min, "minimum delay");
            Objects.requireNonNull(max, "maximum delay");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("maximum delay " + max + " is less than minimum delay " + min);
            }
            if (max.compareTo(LONGEST_DELAY) > 0) {
                throw new IllegalArgumentException("maximum delay must be at most " + LONGEST_DELAY + ", was " + max);
            }
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
            }
        }

        @Override
        public Duration delay(long attempt) {
            Checks.requireRange(attempt, 1, Long.MAX_VALUE, "attempt");
            long minNanos = min.toNanos();
            long doublings = attempt - 1;
            long base = doublings >= Long.numberOfLeadingZeros(minNanos)
                    ? max.toNanos()
                    : Math.min(minNanos << doublings, max.toNanos());
            double factor = jitter == 0 ? 1 : 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
            return Duration.ofNanos(Math.round(base * factor));
        }
    }

    /**
     * The same delay before every attempt; see {@link ReconnectDelay#constant(Duration)}.
     *
     * @param delay the delay
     */
    record Constant(Duration delay) implements ReconnectDelay {

        /**
         * Creates the strategy.
         *
         * @param delay the delay
         * @throws IllegalArgumentException if {@code delay} is negative
         */
        public Constant {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, was " + delay);
            }
        }

        @Override
        public Duration delay(long attempt) {
            Checks.requireRange(attempt, 1, Long.MAX_VALUE, "attempt");
            return delay;
        }
    }
}
