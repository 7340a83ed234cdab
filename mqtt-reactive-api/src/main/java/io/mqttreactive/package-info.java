/**
 * The entry points of mqtt-reactive, a Reactor-native, non-blocking MQTT 3.1, 3.1.1 and 5.0 client:
 * {@link io.mqttreactive.MqttClients} creates an {@link io.mqttreactive.MqttClient} from
 * {@link io.mqttreactive.MqttClientOptions}.
 *
 * <pre>{@code
 * MqttClient client = MqttClients.create("mqtts://user:secret@broker.example.com?clientId=sensor-7");
 * client.connect()
 *       .thenMany(client.subscribe("devices/+/temperature", MqttQos.AT_LEAST_ONCE))
 *       .subscribe(message -> log.info("{}: {}", message.topic(), message.payloadAsString()));
 * }</pre>
 */
@NullMarked
package io.mqttreactive;

import org.jspecify.annotations.NullMarked;
