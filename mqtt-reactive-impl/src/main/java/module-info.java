/**
 * The reactor-netty implementation of mqtt-reactive. Only {@code io.mqttreactive.netty} is exported; the
 * codec, transport, session, flow and JSON packages are internal.
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
    requires com.fasterxml.jackson.databind;
    requires static org.jspecify;

    exports io.mqttreactive.netty;

    provides io.mqttreactive.spi.MqttClientProvider with io.mqttreactive.netty.ReactorNettyMqttClientProvider;
    provides io.mqttreactive.spi.JsonCodecProvider with io.mqttreactive.netty.json.JacksonJsonCodecProvider;
}
