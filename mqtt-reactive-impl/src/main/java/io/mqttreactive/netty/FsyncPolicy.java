package io.mqttreactive.netty;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a {@link FileSessionStore} forces its writes from the operating system's page cache to the storage
 * device. Every policy survives a crash of the process (including {@code SIGKILL}): a store operation completes
 * only after its record was written to the operating system, which keeps it when the process dies. The
 * policies differ in what survives a crash of the operating system or a power loss:
 *
 * <ul>
 *   <li>{@link #always()} (the default): an operation completes only after its record is on the device
 *       ({@code fsync}), so everything acknowledged survives a power loss. Operations that arrive together
 *       share one {@code fsync} (group commit).</li>
 *   <li>{@link #periodically(Duration)}: an operation completes once written; the store forces at most the
 *       interval later. A power loss may lose what was acknowledged within the last interval.</li>
 *   <li>{@link #never()}: the store never forces on the write path; the operating system writes back when it
 *       decides (on Linux typically within 30 seconds). A power loss may lose any write not yet written back.</li>
 * </ul>
 *
 * <p>Under every policy the log stays readable after a power loss: replay stops at the first damaged or
 * missing record, so the store comes back as it was at some earlier moment. {@link FileSessionStore#close()}
 * and compactions force the file under every policy. Instances are immutable.
 */
public final class FsyncPolicy {

    private static final FsyncPolicy ALWAYS = new FsyncPolicy(Mode.ALWAYS, Duration.ZERO);
    private static final FsyncPolicy NEVER = new FsyncPolicy(Mode.NEVER, Duration.ZERO);

    enum Mode { ALWAYS, PERIODIC, NEVER }

    private final Mode mode;
    private final Duration interval;

    private FsyncPolicy(Mode mode, Duration interval) {
        this.mode = mode;
        this.interval = interval;
    }

    /**
     * Returns the policy that forces every write before the operation completes.
     *
     * @return the policy; the default
     */
    public static FsyncPolicy always() {
        return ALWAYS;
    }

    /**
     * Returns the policy that forces at most {@code interval} after a write; operations complete once written.
     *
     * @param interval the longest time a write stays unforced; positive
     * @return the policy
     * @throws IllegalArgumentException if the interval is not positive
     */
    public static FsyncPolicy periodically(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the fsync interval must be positive, was " + interval);
        }
        return new FsyncPolicy(Mode.PERIODIC, interval);
    }

    /**
     * Returns the policy that leaves writing back to the operating system.
     *
     * @return the policy
     */
    public static FsyncPolicy never() {
        return NEVER;
    }

    /**
     * Returns the interval of a {@link #periodically(Duration)} policy.
     *
     * @return the interval, or empty for the other policies
     */
    public Optional<Duration> interval() {
        return mode == Mode.PERIODIC ? Optional.of(interval) : Optional.empty();
    }

    Mode mode() {
        return mode;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof FsyncPolicy that && mode == that.mode && interval.equals(that.interval);
    }

    @Override
    public int hashCode() {
        return 31 * mode.hashCode() + interval.hashCode();
    }

    @Override
    public String toString() {
        return switch (mode) {
            case ALWAYS -> "FsyncPolicy.always()";
            case PERIODIC -> "FsyncPolicy.periodically(" + interval + ")";
            case NEVER -> "FsyncPolicy.never()";
        };
    }
}
