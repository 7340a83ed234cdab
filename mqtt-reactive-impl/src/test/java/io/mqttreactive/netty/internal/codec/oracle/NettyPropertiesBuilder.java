package io.mqttreactive.netty.internal.codec.oracle;

import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds Netty's {@link MqttProperties} from model fields (MQTT 5.0 section 2.2.2.2), leaving out every property
 * whose value is the model's absent or default value, as the model's convention keeps such properties off the wire.
 * With {@code explicitDefaults} it writes such a property anyway wherever the standard allows its default value on
 * the wire (not Maximum Packet Size 0, Maximum QoS 2, Topic Alias 0 or Subscription Identifier 0, and not an
 * absent value that has no wire form), as another implementation may.
 */
final class NettyPropertiesBuilder {

    private static final Set<MqttPropertyType> NO_DEFAULT_ON_THE_WIRE = EnumSet.of(MqttPropertyType.MAXIMUM_PACKET_SIZE,
            MqttPropertyType.MAXIMUM_QOS, MqttPropertyType.TOPIC_ALIAS, MqttPropertyType.SUBSCRIPTION_IDENTIFIER);

    private final MqttProperties properties = new MqttProperties();
    private final boolean explicitDefaults;

    NettyPropertiesBuilder(boolean explicitDefaults) {
        this.explicitDefaults = explicitDefaults;
    }

    NettyPropertiesBuilder integer(MqttPropertyType type, long value, long absent) {
        boolean defaultOnTheWire = explicitDefaults && absent >= 0 && !NO_DEFAULT_ON_THE_WIRE.contains(type);
        if (value != absent || defaultOnTheWire) {
            properties.add(new MqttProperties.IntegerProperty(type.value(), (int) value));
        }
        return this;
    }

    NettyPropertiesBuilder flag(MqttPropertyType type, boolean value, boolean absent) {
        return integer(type, value ? 1 : 0, absent ? 1 : 0);
    }

    NettyPropertiesBuilder string(MqttPropertyType type, @Nullable String value) {
        if (value != null) {
            properties.add(new MqttProperties.StringProperty(type.value(), value));
        }
        return this;
    }

    NettyPropertiesBuilder binary(MqttPropertyType type, byte @Nullable [] value) {
        if (value != null) {
            properties.add(new MqttProperties.BinaryProperty(type.value(), value.clone()));
        }
        return this;
    }

    NettyPropertiesBuilder subscriptionIdentifiers(List<Integer> identifiers) {
        for (int identifier : identifiers) {
            properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.SUBSCRIPTION_IDENTIFIER.value(),
                    identifier));
        }
        return this;
    }

    NettyPropertiesBuilder userProperties(List<UserProperty> userProperties) {
        for (UserProperty property : userProperties) {
            properties.add(new MqttProperties.UserProperty(property.name(), property.value()));
        }
        return this;
    }

    NettyPropertiesBuilder reasonStringAndUserProperties(@Nullable String reasonString,
            List<UserProperty> userProperties) {
        return string(MqttPropertyType.REASON_STRING, reasonString).userProperties(userProperties);
    }

    MqttProperties build() {
        return properties;
    }
}
