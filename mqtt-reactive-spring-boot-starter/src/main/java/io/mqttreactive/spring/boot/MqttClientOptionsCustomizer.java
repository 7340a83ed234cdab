package io.mqttreactive.spring.boot;

import io.mqttreactive.MqttClientOptions;

/**
 * Changes the client options the auto-configuration built from the {@code mqtt.*} properties, before the client
 * is created; for what the properties do not cover (will, user properties, MQTT 5 details). Every bean of this
 * type is applied, in {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface MqttClientOptionsCustomizer {

    /**
     * Customizes the options.
     *
     * @param builder the builder, already holding what the properties say
     */
    void customize(MqttClientOptions.Builder builder);
}
