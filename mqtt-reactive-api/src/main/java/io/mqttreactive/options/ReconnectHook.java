package io.mqttreactive.options;

import io.mqttreactive.MqttClientOptions;

import reactor.core.publisher.Mono;

/**
 * Changes the connection before each reconnect attempt: for example a refreshed password or token, other
 * CONNECT properties, or another server to fail over to.
 *
 * <p>The client calls the hook after the attempt's {@link ReconnectDelay} and subscribes to the returned
 * {@code Mono} before it opens the connection. The options it emits are used for this attempt and, until the hook
 * returns others, for every later connection of the client. From them the client takes what a connection is made
 * of: the server (host, port, transport, TLS and WebSocket options), user name and password, keep-alive, will,
 * connect timeout, session expiry interval, user properties, authentication method and data, and the
 * request-response and request-problem information flags. The client identifier, MQTT version, clean start, the
 * session store, flow control and reconnect options stay those the client was built with, since the session and
 * its state outlive connections.
 *
 * <p>An empty {@code Mono} keeps the options of the previous attempt. A {@code Mono} that errors fails the attempt
 * with that error: a {@link io.mqttreactive.exception.MqttTransientException} is retried after the next delay,
 * any other error ends reconnecting like a non-transient connection failure. A {@code Mono} that takes longer than
 * the connect timeout fails the attempt with a transient {@link io.mqttreactive.exception.MqttTimeoutException}.
 * Options that make a CONNECT the MQTT version refuses (for example a password without a user name in 3.1.1) end
 * reconnecting with an {@link IllegalArgumentException}.
 *
 * <p>The hook is called on a Reactor timer thread and must not block: fetch a token with a non-blocking client, or
 * move blocking work to {@code Schedulers.boundedElastic()}. Attempts never overlap, so the hook is never called
 * again before the {@code Mono} of the previous call has finished.
 *
 * <pre>{@code
 * ReconnectOptions reconnect = ReconnectOptions.DEFAULT.withHook(attempt -> tokens.fetch()
 *         .map(token -> attempt.options().mutate().password(token).build()));
 * }</pre>
 */
@FunctionalInterface
public interface ReconnectHook {

    /** The hook that changes nothing: every attempt uses the options of the previous one. */
    ReconnectHook NONE = attempt -> Mono.just(attempt.options());

    /**
     * Returns the options for a reconnect attempt.
     *
     * @param attempt the attempt's number, why the client reconnects and the options used so far
     * @return the options for this attempt; empty to keep {@link ReconnectAttempt#options()}
     */
    Mono<MqttClientOptions> beforeAttempt(ReconnectAttempt attempt);
}
