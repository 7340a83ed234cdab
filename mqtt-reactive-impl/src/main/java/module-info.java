/**
 * The reactor-netty implementation of mqtt-reactive. Only {@code io.mqttreactive.netty} is exported; the
 * codec, transport, session, flow and JSON packages are internal. JSON payloads use Jackson 3
 * ({@code tools.jackson.databind}, optional: resolved only if the application has it) or Jackson 2.
 */
module io.mqttreactive.impl {
    requires io.mqttreactive.api;
    requires reactor.netty.core;
    /* Optional: when present, MqttClientResources.global() runs clients on its global loops, as WebFlux does. */
    requires static reactor.netty.http;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.handler;
    requires io.netty.handler.proxy;
    requires io.netty.resolver;
    // JacksonCodecs and Jackson2/3JsonCodecs, in the exported package, take Jackson mappers and type references;
    // Jackson 3 is optional.
    requires transitive com.fasterxml.jackson.databind;
    requires static transitive tools.jackson.databind;
    requires static org.jspecify;
    // Optional: loaded only when an application binds MqttClientMetrics or MqttClientObservations.
    requires static micrometer.core;
    requires static micrometer.observation;
    requires static micrometer.commons;

    exports io.mqttreactive.netty;

    provides io.mqttreactive.spi.MqttClientProvider with io.mqttreactive.netty.ReactorNettyMqttClientProvider;
    provides io.mqttreactive.spi.JsonCodecProvider with io.mqttreactive.netty.json.Jackson3JsonCodecProvider,
            io.mqttreactive.netty.json.Jackson2JsonCodecProvider;
}
