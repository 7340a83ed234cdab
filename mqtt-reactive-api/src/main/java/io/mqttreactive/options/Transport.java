package io.mqttreactive.options;

/**
 * The network transport MQTT runs over. Either one may be secured with TLS
 * ({@link io.mqttreactive.MqttClientOptions#tls()}).
 */
public enum Transport {

    /** MQTT directly over a TCP connection (URI schemes {@code mqtt} and, with TLS, {@code mqtts}). */
    TCP,

    /**
     * MQTT in binary WebSocket frames (URI schemes {@code ws} and, with TLS, {@code wss}), configured by
     * {@link WebSocketOptions} (MQTT 5.0 section 6).
     */
    WEBSOCKET
}
