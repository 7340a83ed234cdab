package io.mqttreactive.netty.internal.codec.v5;

import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.AUTH;
import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.CONNACK;
import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.CONNECT;
import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.DISCONNECT;
import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.PUBACK;
import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.PUBCOMP;
import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.PUBLISH;
import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.PUBREC;
import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.PUBREL;
import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.SUBACK;
import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.SUBSCRIBE;
import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.UNSUBACK;
import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.UNSUBSCRIBE;
import static io.mqttreactive.netty.internal.codec.v5.PropertyScope.WILL;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every property of MQTT 5.0 table 2-4 (section 2.2.2.2) with its identifier, data type, the packets it may
 * appear in and the value rule the standard states for it: Receive Maximum, Maximum Packet Size, Topic Alias
 * and Subscription Identifier must not be 0; the byte-valued flags and Maximum QoS must be 0 or 1. A value
 * breaking its rule is a Protocol Error. User Property may repeat everywhere, Subscription Identifier only in
 * PUBLISH; any other repeated property is a Protocol Error.
 */
public enum Mqtt5Property {
    PAYLOAD_FORMAT_INDICATOR(0x01, Type.BYTE, Rule.ZERO_OR_ONE, PUBLISH, WILL),
    MESSAGE_EXPIRY_INTERVAL(0x02, Type.FOUR_BYTE_INTEGER, Rule.ANY, PUBLISH, WILL),
    CONTENT_TYPE(0x03, Type.UTF8_STRING, Rule.ANY, PUBLISH, WILL),
    RESPONSE_TOPIC(0x08, Type.UTF8_STRING, Rule.ANY, PUBLISH, WILL),
    CORRELATION_DATA(0x09, Type.BINARY, Rule.ANY, PUBLISH, WILL),
    SUBSCRIPTION_IDENTIFIER(0x0B, Type.VARIABLE_BYTE_INTEGER, Rule.NOT_ZERO, PUBLISH, SUBSCRIBE),
    SESSION_EXPIRY_INTERVAL(0x11, Type.FOUR_BYTE_INTEGER, Rule.ANY, CONNECT, CONNACK, DISCONNECT),
    ASSIGNED_CLIENT_IDENTIFIER(0x12, Type.UTF8_STRING, Rule.ANY, CONNACK),
    SERVER_KEEP_ALIVE(0x13, Type.TWO_BYTE_INTEGER, Rule.ANY, CONNACK),
    AUTHENTICATION_METHOD(0x15, Type.UTF8_STRING, Rule.ANY, CONNECT, CONNACK, AUTH),
    AUTHENTICATION_DATA(0x16, Type.BINARY, Rule.ANY, CONNECT, CONNACK, AUTH),
    REQUEST_PROBLEM_INFORMATION(0x17, Type.BYTE, Rule.ZERO_OR_ONE, CONNECT),
    WILL_DELAY_INTERVAL(0x18, Type.FOUR_BYTE_INTEGER, Rule.ANY, WILL),
    REQUEST_RESPONSE_INFORMATION(0x19, Type.BYTE, Rule.ZERO_OR_ONE, CONNECT),
    RESPONSE_INFORMATION(0x1A, Type.UTF8_STRING, Rule.ANY, CONNACK),
    SERVER_REFERENCE(0x1C, Type.UTF8_STRING, Rule.ANY, CONNACK, DISCONNECT),
    REASON_STRING(0x1F, Type.UTF8_STRING, Rule.ANY, CONNACK, PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK,
            DISCONNECT, AUTH),
    RECEIVE_MAXIMUM(0x21, Type.TWO_BYTE_INTEGER, Rule.NOT_ZERO, CONNECT, CONNACK),
    TOPIC_ALIAS_MAXIMUM(0x22, Type.TWO_BYTE_INTEGER, Rule.ANY, CONNECT, CONNACK),
    TOPIC_ALIAS(0x23, Type.TWO_BYTE_INTEGER, Rule.NOT_ZERO, PUBLISH),
    MAXIMUM_QOS(0x24, Type.BYTE, Rule.ZERO_OR_ONE, CONNACK),
    RETAIN_AVAILABLE(0x25, Type.BYTE, Rule.ZERO_OR_ONE, CONNACK),
    USER_PROPERTY(0x26, Type.UTF8_STRING_PAIR, Rule.ANY, CONNECT, WILL, CONNACK, PUBLISH, PUBACK, PUBREC, PUBREL,
            PUBCOMP, SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK, DISCONNECT, AUTH),
    MAXIMUM_PACKET_SIZE(0x27, Type.FOUR_BYTE_INTEGER, Rule.NOT_ZERO, CONNECT, CONNACK),
    WILDCARD_SUBSCRIPTION_AVAILABLE(0x28, Type.BYTE, Rule.ZERO_OR_ONE, CONNACK),
    SUBSCRIPTION_IDENTIFIERS_AVAILABLE(0x29, Type.BYTE, Rule.ZERO_OR_ONE, CONNACK),
    SHARED_SUBSCRIPTION_AVAILABLE(0x2A, Type.BYTE, Rule.ZERO_OR_ONE, CONNACK);

    /** The data types of MQTT 5.0 section 1.5. */
    public enum Type {
        BYTE,
        TWO_BYTE_INTEGER,
        FOUR_BYTE_INTEGER,
        VARIABLE_BYTE_INTEGER,
        UTF8_STRING,
        BINARY,
        UTF8_STRING_PAIR
    }

    enum Rule {
        ANY,
        NOT_ZERO,
        ZERO_OR_ONE
    }

    private static final Mqtt5Property[] BY_ID = new Mqtt5Property[0x2B];

    static {
        for (Mqtt5Property property : values()) {
            BY_ID[property.id] = property;
        }
    }

    private final int id;
    private final Type type;
    private final Rule rule;
    private final Set<PropertyScope> scopes;

    Mqtt5Property(int id, Type type, Rule rule, PropertyScope first, PropertyScope... rest) {
        this.id = id;
        this.type = type;
        this.rule = rule;
        this.scopes = EnumSet.of(first, rest);
    }

    public int id() {
        return id;
    }

    public Type type() {
        return type;
    }

    /** Returns the property with an identifier, or {@code null} if the standard defines none. */
    public static @Nullable Mqtt5Property fromId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    boolean allowedIn(PropertyScope scope) {
        return scopes.contains(scope);
    }

    boolean repeatableIn(PropertyScope scope) {
        return this == USER_PROPERTY || (this == SUBSCRIPTION_IDENTIFIER && scope == PUBLISH);
    }

    /** Tells whether a numeric value obeys the rule the standard sets for this property. */
    boolean accepts(long value) {
        return switch (rule) {
            case ANY -> true;
            case NOT_ZERO -> value != 0;
            case ZERO_OR_ONE -> value == 0 || value == 1;
        };
    }

    String ruleDescription() {
        return switch (rule) {
            case ANY -> "any value";
            case NOT_ZERO -> "a value other than 0";
            case ZERO_OR_ONE -> "0 or 1";
        };
    }
}
