/**
 * The reactor-netty implementation of mqtt-reactive. Only {@code io.mqttreactive.netty} is exported; the
 * codec, transport, session and flow packages are internal.
 */
module io.mqttreactive.impl {
    requires io.mqttreactive.api;
    requires reactor.netty.core;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.codec;
    requires io.netty.handler;
    requires static org.jspecify;
    requires com.fasterxml.jackson.databind;

    provides io.mqttreactive.spi.JsonCodecProvider with io.mqttreactive.netty.json.JacksonJsonCodecProvider;

    exports io.mqttreactive.netty;

    provides io.mqttreactive.spi.MqttClientProvider with io.mqttreactive.netty.ReactorNettyMqttClientProvider;

}
