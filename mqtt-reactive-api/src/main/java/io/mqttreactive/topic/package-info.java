/**
 * Validating value types for MQTT topic names ({@link io.mqttreactive.topic.MqttTopic}) and topic filters
 * ({@link io.mqttreactive.topic.MqttTopicFilter}), including shared subscription filters and topic matching.
 */
@NullMarked
package io.mqttreactive.topic;

import org.jspecify.annotations.NullMarked;
