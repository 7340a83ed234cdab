package io.mqttreactive.spring.boot;

import io.mqttreactive.MqttClient;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import reactor.core.Disposable;

/**
 * What the health indicators report about a client: its connection state, the broker, whether the broker had a
 * session for it at the last connect, and the last error, followed through {@link MqttClient#events()}.
 */
public final class MqttConnectionStatus implements AutoCloseable {

    private final MqttClient client;
    private final Disposable events;
    private volatile Boolean sessionPresent;
    private volatile Throwable lastError;

    /**
     * Starts following a client's events.
     *
     * @param client the client
     */
    public MqttConnectionStatus(MqttClient client) {
        this.client = client;
        this.events = client.events().subscribe(this::record);
    }

    private void record(MqttClientEvent event) {
        if (event instanceof MqttClientEvent.Connected connected) {
            sessionPresent = connected.result().sessionPresent();
        } else if (event instanceof MqttClientEvent.ConnectFailed failed) {
            lastError = failed.cause();
        } else if (event instanceof MqttClientEvent.Disconnected disconnected) {
            disconnected.cause().ifPresent(cause -> lastError = cause);
        } else if (event instanceof MqttClientEvent.ReconnectGaveUp gaveUp) {
            lastError = gaveUp.cause();
        }
    }

    /**
     * Returns the client's connection state now.
     *
     * @return the state
     */
    public ConnectionState state() {
        return client.connectionState();
    }

    /**
     * Returns the last error that ended or prevented a connection.
     *
     * @return the error, or empty if there was none
     */
    public Optional<Throwable> lastError() {
        return Optional.ofNullable(lastError);
    }

    /**
     * Returns the details a health endpoint shows: {@code state}, {@code broker}, {@code clientId} when set,
     * {@code sessionPresent} after a connect, {@code lastError} when there was one. Never the credentials.
     *
     * @return the details, in that order
     */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state().name());
        details.put("broker", client.options().serverHost() + ":" + client.options().serverPort());
        if (!client.options().clientId().isEmpty()) {
            details.put("clientId", client.options().clientId());
        }
        if (sessionPresent != null) {
            details.put("sessionPresent", sessionPresent);
        }
        Throwable error = lastError;
        if (error != null) {
            details.put("lastError", error.getClass().getSimpleName() + ": " + error.getMessage());
        }
        return details;
    }

    /**
     * Tells whether the client counts as healthy: connected. A client that is reconnecting, disconnected or
     * closed is down, so that a load balancer can stop sending it work that needs the broker.
     *
     * @return {@code true} when connected
     */
    public boolean isUp() {
        return state().isConnected();
    }

    @Override
    public void close() {
        events.dispose();
    }
}
