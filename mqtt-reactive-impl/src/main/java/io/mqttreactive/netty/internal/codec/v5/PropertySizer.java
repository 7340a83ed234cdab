package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.MqttBinary;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.codec.VariableByteInteger;
import io.mqttreactive.netty.internal.packet.UserProperty;
import java.util.function.Consumer;

/**
 * Measures a property set (MQTT 5.0 section 2.2.2) and validates every value against its data type and the
 * rule of its property, so that a packet that would break the standard is refused before anything is
 * allocated: a Topic Alias, Receive Maximum or Subscription Identifier of 0 ([MQTT-3.3.2-8] 5.0), a flag
 * other than 0 or 1, an integer out of range, an invalid UTF-8 string.
 */
final class PropertySizer implements PropertySink {

    private long length;

    private PropertySizer() {
    }

    /** Returns the Property Length of the properties {@code properties} describes. */
    static long measure(Consumer<PropertySink> properties) {
        PropertySizer sizer = new PropertySizer();
        properties.accept(sizer);
        return sizer.length;
    }

    /** Returns the size of a property set on the wire: its Property Length and the properties. */
    static long sizeWithLength(long propertyLength) {
        if (propertyLength > VariableByteInteger.MAX_VALUE) {
            return 4 + propertyLength;
        }
        return VariableByteInteger.size((int) propertyLength) + propertyLength;
    }

    @Override
    public void byteValue(Mqtt5Property property, int value) {
        checkRange(property, Mqtt5Property.Type.BYTE, value, 0xFF);
        length += identifierSize(property) + 1;
    }

    @Override
    public void twoByteInteger(Mqtt5Property property, int value) {
        checkRange(property, Mqtt5Property.Type.TWO_BYTE_INTEGER, value, 0xFFFF);
        length += identifierSize(property) + 2;
    }

    @Override
    public void fourByteInteger(Mqtt5Property property, long value) {
        checkRange(property, Mqtt5Property.Type.FOUR_BYTE_INTEGER, value, 0xFFFF_FFFFL);
        length += identifierSize(property) + 4;
    }

    @Override
    public void variableByteInteger(Mqtt5Property property, int value) {
        checkRange(property, Mqtt5Property.Type.VARIABLE_BYTE_INTEGER, value, VariableByteInteger.MAX_VALUE);
        length += identifierSize(property) + VariableByteInteger.size(value);
    }

    @Override
    public void string(Mqtt5Property property, String value) {
        checkType(property, Mqtt5Property.Type.UTF8_STRING);
        length += identifierSize(property) + MqttUtf8.size(value);
    }

    @Override
    public void binary(Mqtt5Property property, byte[] value) {
        checkType(property, Mqtt5Property.Type.BINARY);
        length += identifierSize(property) + MqttBinary.size(value);
    }

    @Override
    public void userProperty(UserProperty userProperty) {
        length += identifierSize(Mqtt5Property.USER_PROPERTY) + MqttUtf8.size(userProperty.name())
                + MqttUtf8.size(userProperty.value());
    }

    private static int identifierSize(Mqtt5Property property) {
        return VariableByteInteger.size(property.id());
    }

    private static void checkRange(Mqtt5Property property, Mqtt5Property.Type type, long value, long maximum) {
        checkType(property, type);
        if (value < 0 || value > maximum) {
            throw MqttEncodeException.invalid(property + " must be between 0 and " + maximum + ", was " + value);
        }
        if (!property.accepts(value)) {
            throw MqttEncodeException.invalid(property + " must be " + property.ruleDescription() + ", was "
                    + value);
        }
    }

    private static void checkType(Mqtt5Property property, Mqtt5Property.Type type) {
        if (property.type() != type) {
            throw new IllegalArgumentException(property + " is a " + property.type() + ", not a " + type);
        }
    }
}
