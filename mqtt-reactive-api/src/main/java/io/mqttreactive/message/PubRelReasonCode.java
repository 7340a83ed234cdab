package io.mqttreactive.message;

/**
 * The reason code of a PUBREL or PUBCOMP (MQTT 5.0 sections 3.6.2.1 and 3.7.2.1).
 */
public enum PubRelReasonCode implements ReasonCode {

    /** The message is released or completed (0x00). */
    SUCCESS(0x00),

    /** The packet identifier is not known to the receiver (0x92). */
    PACKET_IDENTIFIER_NOT_FOUND(0x92);

    private static final ReasonCodeTable<PubRelReasonCode> TABLE = new ReasonCodeTable<>(values(), "PUBREL/PUBCOMP");

    private final int code;

    PubRelReasonCode(int code) {
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
     * @throws IllegalArgumentException if {@code code} is not a PUBREL/PUBCOMP reason code
     */
    public static PubRelReasonCode fromCode(int code) {
        return TABLE.fromCode(code);
    }
}
