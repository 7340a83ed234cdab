/**
 * The option objects of {@link io.mqttreactive.MqttClientOptions}: transport
 * ({@link io.mqttreactive.options.TlsOptions}, {@link io.mqttreactive.options.WebSocketOptions}), session, will,
 * reconnect and flow control, and the
 * options of a client-initiated DISCONNECT.
 *
 * <p>Every option object is immutable and has {@code equals}, {@code hashCode} and {@code toString}; a
 * {@code DEFAULT} instance or {@code DEFAULT_*} constants name the defaults. Secrets never appear in
 * {@code toString()}.
 */
@NullMarked
package io.mqttreactive.options;

import org.jspecify.annotations.NullMarked;
