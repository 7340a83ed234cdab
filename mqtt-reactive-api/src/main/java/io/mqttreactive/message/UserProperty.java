package io.mqttreactive.message;

import io.mqttreactive.internal.MqttStrings;

/**
 * One MQTT 5.0 user property: a name and value pair, both valid MQTT UTF-8 strings [MQTT-1.5.7-1] (5.0).
 *
 * @param name  the name
 * @param value the value
 */
public record UserProperty(String name, String value) {

    /**
     * Creates a user property.
     *
     * @param name  the name
     * @param value the value
     * @throws NullPointerException     if {@code name} or {@code value} is {@code null}
     * @throws IllegalArgumentException if either contains U+0000 or an unpaired surrogate, or encodes to more
     *                                  than 65,535 UTF-8 bytes
     */
    public UserProperty {
        MqttStrings.requireValid(name, "user property name");
        MqttStrings.requireValid(value, "user property value");
    }
}
