package io.mqttreactive.message;

/**
 * The reason code of a PUBACK or PUBREC (MQTT 5.0 sections 3.4.2.1 and 3.5.2.1). For MQTT 3.1.1, whose
 * acknowledgements carry no reason code, the client reports {@link #SUCCESS}.
 */
public enum PublishReasonCode implements ReasonCode {

    /** The message is accepted (0x00). */
    SUCCESS(0x00),

    /** The message is accepted but no subscriber matches its topic (0x10). */
    NO_MATCHING_SUBSCRIBERS(0x10),

    /** The receiver does not accept the message and gives no other reason (0x80). */
    UNSPECIFIED_ERROR(0x80),

    /** The message is valid but the receiver does not accept it (0x83). */
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),

    /** The sender is not authorized to publish to this topic (0x87). */
    NOT_AUTHORIZED(0x87),

    /** The topic name is valid MQTT but the receiver does not accept it (0x90). */
    TOPIC_NAME_INVALID(0x90),

    /** The packet identifier is already in use (0x91). */
    PACKET_IDENTIFIER_IN_USE(0x91),

    /** An implementation or administrative quota is exceeded (0x97). */
    QUOTA_EXCEEDED(0x97),

    /** The payload does not match its payload format indicator (0x99). */
    PAYLOAD_FORMAT_INVALID(0x99);

    private static final ReasonCodeTable<PublishReasonCode> TABLE = new ReasonCodeTable<>(values(), "PUBACK/PUBREC");

    private final int code;

    PublishReasonCode(int code) {
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
     * @throws IllegalArgumentException if {@code code} is not a PUBACK/PUBREC reason code
     */
    public static PublishReasonCode fromCode(int code) {
        return TABLE.fromCode(code);
    }
}
