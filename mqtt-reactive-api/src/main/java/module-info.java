/**
 * The public API of mqtt-reactive: a Reactor-native, non-blocking MQTT 3.1, 3.1.1 and 5.0 client.
 *
 * <p>Implementations register an {@link io.mqttreactive.spi.MqttClientProvider};
 * {@link io.mqttreactive.MqttClients} finds them with {@link java.util.ServiceLoader}.
 *
 * @uses io.mqttreactive.spi.MqttClientProvider
 * @uses io.mqttreactive.spi.JsonCodecProvider
 */
@SuppressWarnings("module")
module io.mqttreactive.api {
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires static org.jspecify;

    exports io.mqttreactive;
    exports io.mqttreactive.auth;
    exports io.mqttreactive.event;
    exports io.mqttreactive.exception;
    exports io.mqttreactive.message;
    exports io.mqttreactive.options;
    exports io.mqttreactive.spi;
    exports io.mqttreactive.topic;
    exports io.mqttreactive.internal to io.mqttreactive.impl;

    uses io.mqttreactive.spi.MqttClientProvider;
    uses io.mqttreactive.spi.JsonCodecProvider;
}
