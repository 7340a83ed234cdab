/**
 * Extension points: {@link io.mqttreactive.spi.MqttClientProvider} (how {@link io.mqttreactive.MqttClients}
 * finds an implementation), {@link io.mqttreactive.spi.SessionStore} (where in-flight QoS 1 and 2 state is
 * kept) and {@link io.mqttreactive.spi.PayloadCodec} (how application values become payloads).
 */
@NullMarked
package io.mqttreactive.spi;

import org.jspecify.annotations.NullMarked;
