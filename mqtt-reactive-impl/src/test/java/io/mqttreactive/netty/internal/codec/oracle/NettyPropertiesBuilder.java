package io.mqttreactive.netty.internal.codec.oracle;

import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds Netty's {@link MqttProperties} from model fields (MQTT 5.0 section 2.2.2.2), leaving out every property
 * whose value is the model's absent or default value, as the model's convention keeps such properties off the wire.
 */
final class NettyPropertiesBuilder {

    private final MqttProperties properties = new MqttProperties();

    NettyPropertiesBuilder integer(MqttPropertyType type, long value, long absent) {
        if (value != absent) {
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
