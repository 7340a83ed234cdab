package io.mqttreactive.netty.internal.reconnect;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.exception.MqttTimeoutException;
import io.mqttreactive.netty.internal.flow.ConnectHandshake;
import io.mqttreactive.options.ReconnectAttempt;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The options of one reconnect attempt: what the {@link io.mqttreactive.options.ReconnectHook} returns, bounded by
 * the connect timeout, reduced to what a connection is made of. The client identifier, version, clean start,
 * session store, flow control and reconnect options stay the client's, since the session outlives connections.
 */
public final class AttemptOptions {

    private AttemptOptions() {
    }

    /**
     * Asks the hook for the options of an attempt, cold.
     *
     * @param client the options the client was built with, holding the hook
     * @param attempt what the hook is told; its options are kept when the hook returns nothing
     */
    public static Mono<MqttClientOptions> resolve(MqttClientOptions client, ReconnectAttempt attempt) {
        Duration timeout = attempt.options().connectTimeout();
        return Mono.defer(() -> client.reconnect().hook().beforeAttempt(attempt))
                .timeout(timeout, Mono.error(() -> new MqttTimeoutException("the reconnect hook", timeout)))
                .defaultIfEmpty(attempt.options())
                .map(fromHook -> connectionOf(client, fromHook));
    }

    /**
     * Takes the connection settings of {@code fromHook} and the session settings of {@code client}.
     *
     * @throws IllegalArgumentException if the result makes a CONNECT the version refuses
     */
    static MqttClientOptions connectionOf(MqttClientOptions client, MqttClientOptions fromHook) {
        MqttClientOptions merged = fromHook.mutate()
                .version(client.version())
                .clientId(client.clientId())
                .session(client.session().withSessionExpiryInterval(fromHook.session().sessionExpiryInterval()))
                .flowControl(client.flowControl())
                .reconnect(client.reconnect())
                .build();
        ConnectHandshake.validate(merged);
        return merged;
    }
}
