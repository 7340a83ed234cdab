/**
 * The public API of mqtt-reactive: a Reactor-native, non-blocking MQTT client.
 */
module io.mqttreactive.api {
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires static org.jspecify;

    exports io.mqttreactive;
}
