package io.mqttreactive.message;

/**
 * The reason code of a DISCONNECT (MQTT 5.0 section 3.14.2.1), sent by the client or by the broker.
 */
public enum DisconnectReasonCode implements ReasonCode {

    /** Close the connection normally; the will message is not sent (0x00). */
    NORMAL_DISCONNECTION(0x00),

    /** The client disconnects but wants the broker to send its will message (0x04). */
    DISCONNECT_WITH_WILL_MESSAGE(0x04),

    /** The connection is closed and the sender gives no other reason (0x80). */
    UNSPECIFIED_ERROR(0x80),

    /** A received packet could not be parsed (0x81). */
    MALFORMED_PACKET(0x81),

    /** A received packet does not conform to the specification (0x82). */
    PROTOCOL_ERROR(0x82),

    /** A received packet is valid but not accepted by this implementation (0x83). */
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),

    /** The request is not authorized (0x87). */
    NOT_AUTHORIZED(0x87),

    /** The broker is busy and cannot continue with this client (0x89). */
    SERVER_BUSY(0x89),

    /** The broker is shutting down (0x8B). */
    SERVER_SHUTTING_DOWN(0x8B),

    /** No packet was received within 1.5 times the keep alive (0x8D). */
    KEEP_ALIVE_TIMEOUT(0x8D),

    /** Another connection with the same client identifier took over the session (0x8E). */
    SESSION_TAKEN_OVER(0x8E),

    /** The topic filter is valid MQTT but not accepted by the broker (0x8F). */
    TOPIC_FILTER_INVALID(0x8F),

    /** The topic name is valid MQTT but not accepted by the receiver (0x90). */
    TOPIC_NAME_INVALID(0x90),

    /** More QoS 1 and 2 publishes were in flight than the Receive Maximum allows (0x93). */
    RECEIVE_MAXIMUM_EXCEEDED(0x93),

    /** A topic alias is 0 or above the Topic Alias Maximum (0x94). */
    TOPIC_ALIAS_INVALID(0x94),

    /** A packet exceeded the maximum packet size (0x95). */
    PACKET_TOO_LARGE(0x95),

    /** The received data rate is too high (0x96). */
    MESSAGE_RATE_TOO_HIGH(0x96),

    /** An implementation or administrative quota is exceeded (0x97). */
    QUOTA_EXCEEDED(0x97),

    /** The connection is closed by administrative action (0x98). */
    ADMINISTRATIVE_ACTION(0x98),

    /** A payload does not match its payload format indicator (0x99). */
    PAYLOAD_FORMAT_INVALID(0x99),

    /** The broker does not support retained messages (0x9A). */
    RETAIN_NOT_SUPPORTED(0x9A),

    /** The client published with a QoS above the broker's Maximum QoS (0x9B). */
    QOS_NOT_SUPPORTED(0x9B),

    /** The client should temporarily use another server (0x9C). */
    USE_ANOTHER_SERVER(0x9C),

    /** The client should permanently use another server (0x9D). */
    SERVER_MOVED(0x9D),

    /** The broker does not support shared subscriptions (0x9E). */
    SHARED_SUBSCRIPTIONS_NOT_SUPPORTED(0x9E),

    /** The connection rate limit is exceeded (0x9F). */
    CONNECTION_RATE_EXCEEDED(0x9F),

    /** The maximum connection time authorized for this connection is exceeded (0xA0). */
    MAXIMUM_CONNECT_TIME(0xA0),

    /** The broker does not support subscription identifiers (0xA1). */
    SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED(0xA1),

    /** The broker does not support wildcard subscriptions (0xA2). */
    WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED(0xA2);

    private static final ReasonCodeTable<DisconnectReasonCode> TABLE = new ReasonCodeTable<>(values(), "DISCONNECT");

    private final int code;

    DisconnectReasonCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /**
     * Returns the constant with a wire value.
     *
     * @param code the reason code from the packet
     * @return the constant
     * @throws IllegalArgumentException if {@code code} is not a DISCONNECT reason code
     */
    public static DisconnectReasonCode fromCode(int code) {
        return TABLE.fromCode(code);
    }

    /**
     * Tells whether a client may send this code in its DISCONNECT [MQTT-3.14.2-1] (5.0). The other codes are
     * sent by the broker only.
     *
     * @return {@code true} for codes the MQTT 5.0 specification lets a client send
     */
    public boolean isClientSendable() {
        return switch (this) {
            case NORMAL_DISCONNECTION, DISCONNECT_WITH_WILL_MESSAGE, UNSPECIFIED_ERROR, MALFORMED_PACKET,
                    PROTOCOL_ERROR, IMPLEMENTATION_SPECIFIC_ERROR, TOPIC_NAME_INVALID, RECEIVE_MAXIMUM_EXCEEDED,
                    TOPIC_ALIAS_INVALID, PACKET_TOO_LARGE, MESSAGE_RATE_TOO_HIGH, QUOTA_EXCEEDED, ADMINISTRATIVE_ACTION,
                    PAYLOAD_FORMAT_INVALID -> true;
            default -> false;
        };
    }
}
