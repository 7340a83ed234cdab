package io.mqttreactive.event;

/**
 * The state of a client's connection to the broker, as reported by
 * {@link io.mqttreactive.MqttClient#connectionStates()}.
 *
 * <p>A client starts {@link #DISCONNECTED}; {@code connect()} moves it through {@link #CONNECTING} to
 * {@link #CONNECTED}; a lost connection moves it to {@link #RECONNECTING} (automatic reconnect) or
 * {@link #DISCONNECTED}; {@code disconnect()} moves it through {@link #DISCONNECTING} to {@link #DISCONNECTED};
 * {@code close()} ends in {@link #CLOSED}, which is final.
 */
public enum ConnectionState {

    /** Not connected and not trying to be: before {@code connect()}, after {@code disconnect()} or giving up. */
    DISCONNECTED,

    /** Opening the network connection and waiting for the CONNACK of a {@code connect()}. */
    CONNECTING,

    /** Connected: the broker accepted the CONNECT. */
    CONNECTED,

    /** The connection was lost; waiting before, or making, a reconnect attempt. */
    RECONNECTING,

    /** Sending DISCONNECT and closing the connection. */
    DISCONNECTING,

    /** The client is closed for good. */
    CLOSED;

    /**
     * Tells whether the client can exchange packets with the broker now.
     *
     * @return {@code true} for {@link #CONNECTED}
     */
    public boolean isConnected() {
        return this == CONNECTED;
    }
}
