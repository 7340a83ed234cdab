package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.packet.UserProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Receives the properties of one property set (MQTT 5.0 section 2.2.2). An encoder describes its properties
 * once against this interface; {@link PropertySizer} measures them and validates every value, then
 * {@link PropertyWriter} writes them, so size and bytes cannot disagree.
 */
interface PropertySink {

    void byteValue(Mqtt5Property property, int value);

    void twoByteInteger(Mqtt5Property property, int value);

    void fourByteInteger(Mqtt5Property property, long value);

    void variableByteInteger(Mqtt5Property property, int value);

    void string(Mqtt5Property property, String value);

    void binary(Mqtt5Property property, byte[] value);

    void userProperty(UserProperty userProperty);

    default void flag(Mqtt5Property property, boolean value) {
        byteValue(property, value ? 1 : 0);
    }

    default void stringIfPresent(Mqtt5Property property, @Nullable String value) {
        if (value != null) {
            string(property, value);
        }
    }

    default void binaryIfPresent(Mqtt5Property property, byte @Nullable [] value) {
        if (value != null) {
            binary(property, value);
        }
    }

    default void userProperties(List<UserProperty> userProperties) {
        for (UserProperty userProperty : userProperties) {
            userProperty(userProperty);
        }
    }
}
