package io.mqttreactive.netty.internal.flow;

/**
 * Stops and resumes reading the connection on behalf of a flow that holds as much as it may, so the broker's
 * sends back up in TCP instead of in memory. Reading goes on only while nobody holds it paused. Confined to the
 * event loop.
 */
public interface ReadThrottle {

    /** Stops reading for {@code who}; idempotent. */
    void pause(Object who);

    /** Withdraws {@code who}'s pause; reading resumes once no one else holds one. Idempotent. */
    void resume(Object who);
}
