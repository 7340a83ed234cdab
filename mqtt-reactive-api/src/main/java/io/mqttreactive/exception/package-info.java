/**
 * The exceptions of mqtt-reactive.
 *
 * <p>Errors raised by the client are unchecked {@link io.mqttreactive.exception.MqttException}s, delivered as
 * error signals of the returned publishers. They fall in two branches:
 * {@link io.mqttreactive.exception.MqttTransientException} (retrying the same operation, for example after a
 * reconnect, may succeed) and {@link io.mqttreactive.exception.MqttNonTransientException} (retrying unchanged
 * will fail again). Broker rejections carry the MQTT reason code, reason string and user properties.
 *
 * <p>Invalid arguments are not {@code MqttException}s: they are rejected synchronously, before any I/O, with
 * {@link java.lang.IllegalArgumentException} (for topics its subclass
 * {@link io.mqttreactive.exception.InvalidTopicException}) or {@link java.lang.NullPointerException}.
 */
@NullMarked
package io.mqttreactive.exception;

import org.jspecify.annotations.NullMarked;
