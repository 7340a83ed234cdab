package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.MqttBinary;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.codec.VariableByteInteger;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/**
 * Writes a property set (MQTT 5.0 section 2.2.2): the Property Length as a variable byte integer, 0 when
 * there are none ([MQTT-2.2.2-1] 5.0), then each property as its identifier and value. The values have
 * already been validated by {@link PropertySizer}.
 */
final class PropertyWriter implements PropertySink {

    private final ByteBuf out;

    private PropertyWriter(ByteBuf out) {
        this.out = out;
    }

    /** Writes the Property Length, as measured before, and the properties {@code properties} describes. */
    static void write(ByteBuf out, long propertyLength, Consumer<PropertySink> properties) {
        VariableByteInteger.write(out, (int) propertyLength);
        properties.accept(new PropertyWriter(out));
    }

    @Override
    public void byteValue(Mqtt5Property property, int value) {
        identifier(property);
        out.writeByte(value);
    }

    @Override
    public void twoByteInteger(Mqtt5Property property, int value) {
        identifier(property);
        out.writeShort(value);
    }

    @Override
    public void fourByteInteger(Mqtt5Property property, long value) {
        identifier(property);
        out.writeInt((int) value);
    }

    @Override
    public void variableByteInteger(Mqtt5Property property, int value) {
        identifier(property);
        VariableByteInteger.write(out, value);
    }

    @Override
    public void string(Mqtt5Property property, String value) {
        identifier(property);
        MqttUtf8.write(out, value);
    }

    @Override
    public void binary(Mqtt5Property property, byte[] value) {
        identifier(property);
        MqttBinary.write(out, value);
    }

    @Override
    public void userProperty(UserProperty userProperty) {
        identifier(Mqtt5Property.USER_PROPERTY);
        MqttUtf8.write(out, userProperty.name());
        MqttUtf8.write(out, userProperty.value());
    }

    private void identifier(Mqtt5Property property) {
        VariableByteInteger.write(out, property.id());
    }
}
