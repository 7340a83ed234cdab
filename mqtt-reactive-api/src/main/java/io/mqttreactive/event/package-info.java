/**
 * What the client reports about itself: {@link io.mqttreactive.event.ConnectionState} changes and
 * {@link io.mqttreactive.event.MqttClientEvent}s such as reconnect attempts and dropped messages.
 */
@NullMarked
package io.mqttreactive.event;

import org.jspecify.annotations.NullMarked;
