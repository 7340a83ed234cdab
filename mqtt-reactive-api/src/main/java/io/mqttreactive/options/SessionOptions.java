package io.mqttreactive.options;

import io.mqttreactive.internal.Checks;
import io.mqttreactive.spi.SessionStore;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * How the client starts and keeps its session.
 *
 * <p>With {@code cleanStart} the client and broker discard any previous session ([MQTT-3.1.2-6] (3.1.1),
 * [MQTT-3.1.2-4] (5.0)); without it they resume the session of the client identifier. For MQTT 3.1 and 3.1.1,
 * {@code cleanStart} is the CleanSession flag, the session lives until a clean connection, and
 * {@code sessionExpiryInterval} is not sent. For MQTT 5.0 the session ends
 * {@code sessionExpiryInterval} after the connection closes: zero (the default) ends it with the connection,
 * {@link #SESSION_EXPIRY_NEVER} keeps it forever.
 *
 * <p>The {@code store} keeps the client's in-flight QoS 1 and 2 state as it changes, each change written before
 * the packet that depends on it is sent. With a durable store (such as the implementation's file store) and
 * without {@code cleanStart}, a client created later with the same client identifier and store, for example
 * after a process crash, takes that state over on its first connect and finishes the unfinished messages: it
 * re-sends them on a resumed session and publishes them again on a new one; see
 * {@link io.mqttreactive.event.MqttClientEvent.SessionRestored}. With {@code cleanStart} the first connect
 * clears what the store kept for the client identifier.
 *
 * <p>A store operation that has not completed within {@code storeTimeout} fails as if the store had failed: a
 * message waiting to be stored fails its publish with an {@link io.mqttreactive.exception.MqttSessionStoreException}
 * and is not sent, and a {@link io.mqttreactive.event.MqttClientEvent.SessionStoreFailed} event tells of it, so a
 * stuck store cannot hold back the messages behind it for good.
 *
 * @param cleanStart            whether to discard any previous session; {@value #DEFAULT_CLEAN_START} by default
 * @param sessionExpiryInterval how long the session outlives the connection, whole seconds up to
 *                              4,294,967,295 (MQTT 5.0)
 * @param store                 where the client keeps its in-flight QoS 1 and 2 state; empty to keep it in the
 *                              client's memory only, where it survives a lost connection but not the process
 * @param storeTimeout          how long one store operation may take; {@link #DEFAULT_STORE_TIMEOUT} by default
 */
public record SessionOptions(boolean cleanStart, Duration sessionExpiryInterval, Optional<SessionStore> store,
        Duration storeTimeout) {

    /** The default of {@link #cleanStart()}. */
    public static final boolean DEFAULT_CLEAN_START = true;

    /** The default of {@link #sessionExpiryInterval()}: the session ends with the connection. */
    public static final Duration DEFAULT_SESSION_EXPIRY_INTERVAL = Duration.ZERO;

    /** The session expiry interval that means the session never expires: 4,294,967,295 seconds. */
    public static final Duration SESSION_EXPIRY_NEVER = Duration.ofSeconds(Checks.MAX_FOUR_BYTE_INTEGER);

    /** The default of {@link #storeTimeout()}. */
    public static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofSeconds(10);

    /** The default options: a clean start, a session that ends with the connection, the in-memory store. */
    public static final SessionOptions DEFAULT =
            new SessionOptions(DEFAULT_CLEAN_START, DEFAULT_SESSION_EXPIRY_INTERVAL, Optional.empty());

    /**
     * Creates session options.
     *
     * @param cleanStart            whether to discard any previous session; {@value #DEFAULT_CLEAN_START} by default
     * @param sessionExpiryInterval how long the session outlives the connection, whole seconds up to
     *                              4,294,967,295 (MQTT 5.0)
     * @param store                 where the client keeps its in-flight QoS 1 and 2 state; empty to keep it in the
     *                              client's memory only, where it survives a lost connection but not the process
     * @param storeTimeout          how long one store operation may take; {@link #DEFAULT_STORE_TIMEOUT} by default
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the interval is negative, longer than {@link #SESSION_EXPIRY_NEVER}
     *                                  or not whole seconds, or the store timeout is not positive
     */
    public SessionOptions {
        Checks.requireSeconds(sessionExpiryInterval, Checks.MAX_FOUR_BYTE_INTEGER, "session expiry interval");
        Objects.requireNonNull(store, "store");
        Checks.requirePositive(storeTimeout, "store timeout");
    }

    /**
     * Creates session options with the {@linkplain #DEFAULT_STORE_TIMEOUT default store timeout}.
     *
     * @param cleanStart            whether to discard any previous session; {@value #DEFAULT_CLEAN_START} by default
     * @param sessionExpiryInterval how long the session outlives the connection, whole seconds up to
     *                              4,294,967,295 (MQTT 5.0)
     * @param store                 where the client keeps its in-flight QoS 1 and 2 state; empty to keep it in the
     *                              client's memory only, where it survives a lost connection but not the process
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the interval is negative, longer than {@link #SESSION_EXPIRY_NEVER}
     *                                  or not whole seconds
     */
    public SessionOptions(boolean cleanStart, Duration sessionExpiryInterval, Optional<SessionStore> store) {
        this(cleanStart, sessionExpiryInterval, store, DEFAULT_STORE_TIMEOUT);
    }

    /**
     * Returns a copy with another clean start flag.
     *
     * @param cleanStart whether to discard any previous session
     * @return the changed copy
     */
    public SessionOptions withCleanStart(boolean cleanStart) {
        return new SessionOptions(cleanStart, sessionExpiryInterval, store, storeTimeout);
    }

    /**
     * Returns a copy with another session expiry interval.
     *
     * @param sessionExpiryInterval how long the session outlives the connection
     * @return the changed copy
     */
    public SessionOptions withSessionExpiryInterval(Duration sessionExpiryInterval) {
        return new SessionOptions(cleanStart, sessionExpiryInterval, store, storeTimeout);
    }

    /**
     * Returns a copy with another session store.
     *
     * @param store the store, or {@code null} for the implementation's in-memory store
     * @return the changed copy
     */
    public SessionOptions withStore(@Nullable SessionStore store) {
        return new SessionOptions(cleanStart, sessionExpiryInterval, Optional.ofNullable(store), storeTimeout);
    }

    /**
     * Returns a copy with another store timeout.
     *
     * @param storeTimeout how long one store operation may take
     * @return the changed copy
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public SessionOptions withStoreTimeout(Duration storeTimeout) {
        return new SessionOptions(cleanStart, sessionExpiryInterval, store, storeTimeout);
    }
}
