package io.mqttreactive.message;

/**
 * The reason code of one topic filter in an UNSUBACK (MQTT 5.0 section 3.11.3). For MQTT 3.1.1, whose UNSUBACK
 * carries no reason codes, the client reports {@link #SUCCESS}.
 */
public enum UnsubscribeReasonCode implements ReasonCode {

    /** The subscription is deleted (0x00). */
    SUCCESS(0x00),

    /** No matching topic filter is being used by the client (0x11). */
    NO_SUBSCRIPTION_EXISTED(0x11),

    /** The unsubscribe could not be completed and the broker gives no other reason (0x80). */
    UNSPECIFIED_ERROR(0x80),

    /** The unsubscribe is valid but the broker does not accept it (0x83). */
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),

    /** The client is not authorized to unsubscribe (0x87). */
    NOT_AUTHORIZED(0x87),

    /** The topic filter is valid MQTT but the broker does not accept it (0x8F). */
    TOPIC_FILTER_INVALID(0x8F),

    /** The packet identifier is already in use (0x91). */
    PACKET_IDENTIFIER_IN_USE(0x91);

    private static final ReasonCodeTable<UnsubscribeReasonCode> TABLE = new ReasonCodeTable<>(values(), "UNSUBACK");

    private final int code;

    UnsubscribeReasonCode(int code) {
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
     * @throws IllegalArgumentException if {@code code} is not a UNSUBACK reason code
     */
    public static UnsubscribeReasonCode fromCode(int code) {
        return TABLE.fromCode(code);
    }
}
