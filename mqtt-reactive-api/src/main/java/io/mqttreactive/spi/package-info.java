/**
 * Extension points: {@link io.mqttreactive.spi.MqttClientProvider} (how {@link io.mqttreactive.MqttClients}
 * finds an implementation) with {@link io.mqttreactive.spi.ClientResources} (what the application lets an
 * implementation run clients on, such as shared event loops), {@link io.mqttreactive.spi.SessionStore} (where
 * in-flight QoS 1 and 2 state is kept) and {@link io.mqttreactive.spi.PayloadCodec} (how application values
 * become payloads) with {@link io.mqttreactive.spi.JsonCodecProvider} (where
 * {@link io.mqttreactive.spi.PayloadCodec#json(Class)} gets its JSON codecs).
 */
@NullMarked
package io.mqttreactive.spi;

import org.jspecify.annotations.NullMarked;
