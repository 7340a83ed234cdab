package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.MqttBinary;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;
import io.mqttreactive.netty.internal.codec.VariableByteInteger;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.netty.buffer.ByteBuf;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Iterates the properties of one property set (MQTT 5.0 section 2.2.2), reading each value eagerly so that a
 * decoder only assigns it. Malformed Packet (0x81): a Property Length beyond the remaining bytes, a value cut
 * short, an identifier the standard does not define or one not valid for the packet type (section 2.2.2.2
 * classifies both as Malformed). Protocol Error (0x82): a single-valued property included twice, or a value
 * breaking the property's rule (for example Receive Maximum 0, Maximum QoS 2).
 */
final class PropertyReader {

    private final ByteBuf properties;
    private final PropertyScope scope;
    private long seen;
    private @Nullable Mqtt5Property property;
    private long number;
    private @Nullable String text;
    private byte @Nullable [] data;
    private @Nullable UserProperty pair;

    private PropertyReader(ByteBuf properties, PropertyScope scope) {
        this.properties = properties;
        this.scope = scope;
    }

    /** Reads the Property Length from {@code body} and returns a reader over the properties that follow. */
    static PropertyReader open(ByteBuf body, PropertyScope scope) {
        return over(body, readLength(body, scope), scope);
    }

    /** Reads the Property Length from {@code body}, refusing one beyond the remaining bytes. */
    static int readLength(ByteBuf body, PropertyScope scope) {
        int length = VariableByteInteger.readComplete(body);
        if (length > body.readableBytes()) {
            throw MqttDecodeException.malformed(scope + " property length " + length + " exceeds the "
                    + body.readableBytes() + " remaining bytes");
        }
        return length;
    }

    /** Returns a reader over the {@code length} bytes of properties at the front of {@code body}. */
    static PropertyReader over(ByteBuf body, int length, PropertyScope scope) {
        return new PropertyReader(body.readSlice(length), scope);
    }

    /** Moves to the next property and reads its value; returns {@code false} at the end of the set. */
    boolean next() {
        if (!properties.isReadable()) {
            property = null;
            return false;
        }
        int id = VariableByteInteger.readComplete(properties);
        Mqtt5Property next = Mqtt5Property.fromId(id);
        if (next == null) {
            throw MqttDecodeException.malformed("unknown property identifier 0x" + Integer.toHexString(id)
                    + " in " + scope);
        }
        if (!next.allowedIn(scope)) {
            throw MqttDecodeException.malformed(next + " is not valid in " + scope);
        }
        if (!next.repeatableIn(scope)) {
            long bit = 1L << next.id();
            if ((seen & bit) != 0) {
                throw MqttDecodeException.protocolError(next + " included more than once in " + scope);
            }
            seen |= bit;
        }
        property = next;
        readValue(next);
        return true;
    }

    Mqtt5Property property() {
        return Objects.requireNonNull(property, "no current property");
    }

    long number() {
        return number;
    }

    int intValue() {
        return (int) number;
    }

    boolean flag() {
        return number == 1;
    }

    String string() {
        return Objects.requireNonNull(text, "not a string property");
    }

    byte[] binary() {
        return Objects.requireNonNull(data, "not a binary property");
    }

    UserProperty userProperty() {
        return Objects.requireNonNull(pair, "not a user property");
    }

    private void readValue(Mqtt5Property current) {
        number = 0;
        text = null;
        data = null;
        pair = null;
        switch (current.type()) {
            case BYTE -> number = fixed(current, 1).readUnsignedByte();
            case TWO_BYTE_INTEGER -> number = fixed(current, 2).readUnsignedShort();
            case FOUR_BYTE_INTEGER -> number = fixed(current, 4).readUnsignedInt();
            case VARIABLE_BYTE_INTEGER -> number = VariableByteInteger.readComplete(properties);
            case UTF8_STRING -> text = MqttUtf8.read(properties);
            case BINARY -> data = MqttBinary.read(properties);
            case UTF8_STRING_PAIR -> pair = new UserProperty(MqttUtf8.read(properties), MqttUtf8.read(properties));
        }
        if (!current.accepts(number)) {
            throw MqttDecodeException.protocolError(current + " must be " + current.ruleDescription() + ", was "
                    + number);
        }
    }

    private ByteBuf fixed(Mqtt5Property current, int size) {
        if (properties.readableBytes() < size) {
            throw MqttDecodeException.malformed(current + " needs " + size + " bytes but only "
                    + properties.readableBytes() + " remain in the " + scope + " properties");
        }
        return properties;
    }
}
