package io.mqttreactive.netty.internal.packet;

import java.util.Objects;

/** One MQTT 5 User Property: a UTF-8 string pair. A packet keeps its user properties in wire order, duplicates included. */
public record UserProperty(String name, String value) {

    public UserProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
