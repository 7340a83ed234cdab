package io.mqttreactive.options;

import io.mqttreactive.internal.Checks;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how the client reconnects after it lost an established connection.
 *
 * <p>Reconnecting re-subscribes the cold connect with {@code retryWhen}, waiting {@link #delay()} before each
 * attempt, after which {@link #hook()} may change the connection. On a resumed session the client re-sends
 * unacknowledged messages; on a new session it re-subscribes the active subscriptions when
 * {@link #resubscribe()} is set and handles messages in flight by {@link #sessionLossPolicy()}. Publishes made
 * meanwhile wait in the offline queue ({@link FlowControlOptions#offlineQueueSize()}). Reconnecting stops on a
 * failure that would repeat (bad credentials, not authorized, a protocol error, a server DISCONNECT reason such
 * as session taken over) and after {@link #maxAttempts()} failed attempts, told by a
 * {@link io.mqttreactive.event.MqttClientEvent.ReconnectGaveUp} event. A {@code connect()} call is not
 * retried unless {@link #connectRetry()} allows it, for services that may start before their broker.
 *
 * @param enabled     whether to reconnect automatically; {@value #DEFAULT_ENABLED} by default
 * @param delay       the wait before each attempt
 * @param maxAttempts how many consecutive failed attempts to make before giving up, at least 1; unlimited
 *                    ({@link Long#MAX_VALUE}) by default
 * @param resubscribe whether to re-subscribe active subscriptions when the broker has no session;
 *                    {@value #DEFAULT_RESUBSCRIBE} by default
 * @param hook        called before each attempt to change the connection, for example with a refreshed token
 *                    or another server; {@link ReconnectHook#NONE} by default
 * @param sessionLossPolicy what happens to QoS 1 and 2 messages in flight when the broker has no session;
 *                    {@link SessionLossPolicy#REPUBLISH} by default
 * @param connectRetry how long one {@code connect()} call keeps retrying failures worth retrying (the broker is
 *                    not reachable yet, refused as unavailable, timed out), waiting {@link #delay()} before each
 *                    new attempt and giving up with the last failure once the next attempt would start later than
 *                    this after the call; {@link Duration#ZERO} (the default) fails on the first failure
 */
public record ReconnectOptions(boolean enabled, ReconnectDelay delay, long maxAttempts, boolean resubscribe,
        ReconnectHook hook, SessionLossPolicy sessionLossPolicy, Duration connectRetry) {

    /** The default of {@link #enabled()}. */
    public static final boolean DEFAULT_ENABLED = true;

    /** The default of {@link #maxAttempts()}: no limit. */
    public static final long DEFAULT_MAX_ATTEMPTS = Long.MAX_VALUE;

    /** The default of {@link #resubscribe()}. */
    public static final boolean DEFAULT_RESUBSCRIBE = true;

    /** The default of {@link #sessionLossPolicy()}. */
    public static final SessionLossPolicy DEFAULT_SESSION_LOSS_POLICY = SessionLossPolicy.REPUBLISH;

    /** The default options: reconnect with exponential delays of 1 s to 2 min ±25 %, without limit. */
    public static final ReconnectOptions DEFAULT = new ReconnectOptions(DEFAULT_ENABLED, ReconnectDelay.exponential(),
            DEFAULT_MAX_ATTEMPTS, DEFAULT_RESUBSCRIBE, ReconnectHook.NONE, DEFAULT_SESSION_LOSS_POLICY, Duration.ZERO);

    /** Options that never reconnect: a lost connection ends the client's subscriptions with an error. */
    public static final ReconnectOptions DISABLED = DEFAULT.withEnabled(false);

    /**
     * Creates reconnect options.
     *
     * @param enabled     whether to reconnect automatically; {@value #DEFAULT_ENABLED} by default
     * @param delay       the wait before each attempt
     * @param maxAttempts how many consecutive failed attempts to make before giving up, at least 1; unlimited
     *                    ({@link Long#MAX_VALUE}) by default
     * @param resubscribe whether to re-subscribe active subscriptions when the broker has no session;
     *                    {@value #DEFAULT_RESUBSCRIBE} by default
     * @param hook        called before each attempt to change the connection, for example with a refreshed token
     *                    or another server; {@link ReconnectHook#NONE} by default
     * @param sessionLossPolicy what happens to QoS 1 and 2 messages in flight when the broker has no session;
     *                    {@link SessionLossPolicy#REPUBLISH} by default
     * @param connectRetry how long one {@code connect()} call keeps retrying; {@link Duration#ZERO} for no retry
     * @throws NullPointerException     if {@code delay}, {@code hook}, {@code sessionLossPolicy} or
     *                                  {@code connectRetry} is {@code null}
     * @throws IllegalArgumentException if {@code maxAttempts} is less than 1 or {@code connectRetry} is negative
     */
    public ReconnectOptions {
        Objects.requireNonNull(delay, "delay");
        Checks.requireRange(maxAttempts, 1, Long.MAX_VALUE, "maximum reconnect attempts");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(sessionLossPolicy, "sessionLossPolicy");
        Objects.requireNonNull(connectRetry, "connectRetry");
        if (connectRetry.isNegative()) {
            throw new IllegalArgumentException("connectRetry must not be negative, was " + connectRetry);
        }
    }

    /**
     * Creates reconnect options whose {@code connect()} calls are not retried.
     *
     * @param enabled     whether to reconnect automatically
     * @param delay       the wait before each attempt
     * @param maxAttempts consecutive failed attempts before giving up, at least 1
     * @param resubscribe whether to re-subscribe active subscriptions when the broker has no session
     * @param hook        called before each attempt to change the connection
     * @param sessionLossPolicy what happens to QoS 1 and 2 messages in flight when the broker has no session
     * @throws NullPointerException     if {@code delay}, {@code hook} or {@code sessionLossPolicy} is {@code null}
     * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
     */
    public ReconnectOptions(boolean enabled, ReconnectDelay delay, long maxAttempts, boolean resubscribe,
            ReconnectHook hook, SessionLossPolicy sessionLossPolicy) {
        this(enabled, delay, maxAttempts, resubscribe, hook, sessionLossPolicy, Duration.ZERO);
    }

    /**
     * Creates reconnect options without a hook, republishing in-flight messages when the session was lost.
     *
     * @param enabled     whether to reconnect automatically
     * @param delay       the wait before each attempt
     * @param maxAttempts consecutive failed attempts before giving up, at least 1
     * @param resubscribe whether to re-subscribe active subscriptions when the broker has no session
     * @throws NullPointerException     if {@code delay} is {@code null}
     * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
     */
    public ReconnectOptions(boolean enabled, ReconnectDelay delay, long maxAttempts, boolean resubscribe) {
        this(enabled, delay, maxAttempts, resubscribe, ReconnectHook.NONE, DEFAULT_SESSION_LOSS_POLICY, Duration.ZERO);
    }

    /**
     * Returns a copy that does or does not reconnect.
     *
     * @param enabled whether to reconnect automatically
     * @return the changed copy
     */
    public ReconnectOptions withEnabled(boolean enabled) {
        return new ReconnectOptions(enabled, delay, maxAttempts, resubscribe, hook, sessionLossPolicy, connectRetry);
    }

    /**
     * Returns a copy with another delay strategy.
     *
     * @param delay the wait before each attempt
     * @return the changed copy
     */
    public ReconnectOptions withDelay(ReconnectDelay delay) {
        return new ReconnectOptions(enabled, delay, maxAttempts, resubscribe, hook, sessionLossPolicy, connectRetry);
    }

    /**
     * Returns a copy with another attempt limit.
     *
     * @param maxAttempts consecutive failed attempts before giving up, at least 1
     * @return the changed copy
     */
    public ReconnectOptions withMaxAttempts(long maxAttempts) {
        return new ReconnectOptions(enabled, delay, maxAttempts, resubscribe, hook, sessionLossPolicy, connectRetry);
    }

    /**
     * Returns a copy that does or does not re-subscribe on a new session.
     *
     * @param resubscribe whether to re-subscribe active subscriptions
     * @return the changed copy
     */
    public ReconnectOptions withResubscribe(boolean resubscribe) {
        return new ReconnectOptions(enabled, delay, maxAttempts, resubscribe, hook, sessionLossPolicy, connectRetry);
    }

    /**
     * Returns a copy with another reconnect hook.
     *
     * @param hook called before each attempt to change the connection; {@link ReconnectHook#NONE} for none
     * @return the changed copy
     */
    public ReconnectOptions withHook(ReconnectHook hook) {
        return new ReconnectOptions(enabled, delay, maxAttempts, resubscribe, hook, sessionLossPolicy, connectRetry);
    }

    /**
     * Returns a copy with another policy for in-flight messages when the broker has no session.
     *
     * @param sessionLossPolicy republish or fail QoS 1 and 2 messages sent but not acknowledged
     * @return the changed copy
     */
    public ReconnectOptions withSessionLossPolicy(SessionLossPolicy sessionLossPolicy) {
        return new ReconnectOptions(enabled, delay, maxAttempts, resubscribe, hook, sessionLossPolicy, connectRetry);
    }

    /**
     * Returns a copy whose {@code connect()} calls keep retrying failures worth retrying for up to
     * {@code connectRetry}, with the delays of {@link #delay()}; see {@link #connectRetry()}.
     *
     * @param connectRetry how long one {@code connect()} call keeps retrying; {@link Duration#ZERO} for no retry
     * @return the changed copy
     */
    public ReconnectOptions withConnectRetry(Duration connectRetry) {
        return new ReconnectOptions(enabled, delay, maxAttempts, resubscribe, hook, sessionLossPolicy, connectRetry);
    }
}
