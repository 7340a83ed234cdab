package io.mqttreactive.netty.internal.codec.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the properties Netty decoded back into model fields (MQTT 5.0 section 2.2.2.2), mapping a missing property to
 * the model's absent value. Strict about the model's wire convention: a property present at its default value, a
 * boolean property other than 0 or 1, or a property the packet type does not read fails the assertion.
 */
final class ModelPropertiesReader {

    private final MqttProperties properties;
    private final String packet;
    private final Set<Integer> read = new HashSet<>();

    ModelPropertiesReader(MqttProperties properties, String packet) {
        this.properties = properties;
        this.packet = packet;
    }

    long fourByteInteger(MqttPropertyType type, long absent) {
        Integer value = integer(type);
        return value == null ? absent : checkNotDefault(type, Integer.toUnsignedLong(value), absent);
    }

    int twoByteInteger(MqttPropertyType type, int absent) {
        Integer value = integer(type);
        return value == null ? absent : (int) checkNotDefault(type, value, absent);
    }

    boolean flag(MqttPropertyType type, boolean absent) {
        Integer value = integer(type);
        if (value == null) {
            return absent;
        }
        assertThat(value).as("%s %s must be 0 or 1", packet, type).isBetween(0, 1);
        return checkNotDefault(type, value, absent ? 1 : 0) == 1;
    }

    @Nullable String string(MqttPropertyType type) {
        MqttProperty<?> property = property(type);
        return property == null ? null : (String) property.value();
    }

    byte @Nullable [] binary(MqttPropertyType type) {
        MqttProperty<?> property = property(type);
        return property == null ? null : (byte[]) property.value();
    }

    List<Integer> subscriptionIdentifiers() {
        read.add(MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value());
        return properties.getProperties(MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value()).stream()
                .map(property -> (Integer) property.value())
                .toList();
    }

    /** Reads the one Subscription Identifier a SUBSCRIBE may carry; 0 when absent. */
    int singleSubscriptionIdentifier() {
        List<Integer> identifiers = subscriptionIdentifiers();
        assertThat(identifiers).as("%s Subscription Identifiers", packet).hasSizeLessThanOrEqualTo(1);
        return identifiers.isEmpty() ? 0 : (int) checkNotDefault(MqttPropertyType.SUBSCRIPTION_IDENTIFIER,
                identifiers.get(0), 0);
    }

    List<UserProperty> userProperties() {
        read.add(MqttPropertyType.USER_PROPERTY.value());
        return properties.getProperties(MqttPropertyType.USER_PROPERTY.value()).stream()
                .map(property -> (MqttProperties.StringPair) property.value())
                .map(pair -> new UserProperty(pair.key, pair.value))
                .toList();
    }

    @Nullable String reasonString() {
        return string(MqttPropertyType.REASON_STRING);
    }

    /** Fails if Netty decoded a property this packet type never reads. */
    void checkAllRead() {
        for (MqttProperty<?> property : properties.listAll()) {
            assertThat(read).as("%s carries property 0x%02X, which it does not allow", packet, property.propertyId())
                    .contains(property.propertyId());
        }
    }

    private @Nullable Integer integer(MqttPropertyType type) {
        MqttProperty<?> property = property(type);
        return property == null ? null : (Integer) property.value();
    }

    private @Nullable MqttProperty<?> property(MqttPropertyType type) {
        read.add(type.value());
        return properties.getProperty(type.value());
    }

    private long checkNotDefault(MqttPropertyType type, long value, long absent) {
        assertThat(value).as("%s carries %s at its default %d, which the encoder must leave out", packet, type, value)
                .isNotEqualTo(absent);
        return value;
    }
}
