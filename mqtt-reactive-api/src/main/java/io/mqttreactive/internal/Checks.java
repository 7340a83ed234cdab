package io.mqttreactive.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Argument checks with uniform error messages, used by the api value types.
 */
public final class Checks {

    /** The largest value of a Four Byte Integer, such as the session expiry interval in seconds. */
    public static final long MAX_FOUR_BYTE_INTEGER = 4_294_967_295L;

    /** The largest value of a Variable Byte Integer, such as a subscription identifier. */
    public static final int MAX_VARIABLE_BYTE_INTEGER = 268_435_455;

    /** The largest packet MQTT can carry: a Remaining Length of 268,435,455 plus a five-byte fixed header. */
    public static final int MAX_PACKET_SIZE = 268_435_460;

    /** The largest value of a Two Byte Integer, such as a receive maximum or keep alive in seconds. */
    public static final int MAX_TWO_BYTE_INTEGER = 65_535;

    private Checks() {
    }

    /**
     * Checks that {@code value} lies in {@code [min, max]}.
     *
     * @param value the value
     * @param min   the smallest allowed value
     * @param max   the largest allowed value
     * @param what  the name of the value for the error message
     * @return {@code value}
     * @throws IllegalArgumentException if the value is out of range
     */
    public static long requireRange(long value, long min, long max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /**
     * Checks that {@code value} lies in {@code [min, max]}.
     *
     * @param value the value
     * @param min   the smallest allowed value
     * @param max   the largest allowed value
     * @param what  the name of the value for the error message
     * @return {@code value}
     * @throws IllegalArgumentException if the value is out of range
     */
    public static int requireRange(int value, int min, int max, String what) {
        return (int) requireRange((long) value, min, max, what);
    }

    /**
     * Checks that a duration is a whole number of seconds in {@code [0, maxSeconds]}.
     *
     * @param value      the duration
     * @param maxSeconds the largest allowed number of seconds
     * @param what       the name of the value for the error message
     * @return {@code value}
     * @throws NullPointerException     if {@code value} is {@code null}
     * @throws IllegalArgumentException if the duration is negative, too long or not whole seconds
     */
    public static Duration requireSeconds(Duration value, long maxSeconds, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.getNano() != 0 || value.getSeconds() > maxSeconds) {
            throw new IllegalArgumentException(what + " must be a whole number of seconds between 0 and "
                    + maxSeconds + ", was " + value);
        }
        return value;
    }

    /**
     * Checks that a duration is strictly positive.
     *
     * @param value the duration
     * @param what  the name of the value for the error message
     * @return {@code value}
     * @throws NullPointerException     if {@code value} is {@code null}
     * @throws IllegalArgumentException if the duration is zero or negative
     */
    public static Duration requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
        return value;
    }
}
