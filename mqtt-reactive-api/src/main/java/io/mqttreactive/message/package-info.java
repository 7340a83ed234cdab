/**
 * The values exchanged with the broker: {@link io.mqttreactive.message.MqttMessage}, subscriptions, the
 * results of connect, publish and subscribe, {@link io.mqttreactive.message.UserProperties} and the MQTT 5.0
 * reason codes.
 *
 * <p>Every type here is immutable and thread-safe, except the builders. None of them carries wire state such
 * as packet identifiers or the DUP flag.
 */
@NullMarked
package io.mqttreactive.message;

import org.jspecify.annotations.NullMarked;
