package io.mqttreactive.message;

/**
 * The reason code of an AUTH packet in enhanced authentication (MQTT 5.0 section 3.15.2.1). None of them is an
 * error.
 */
public enum AuthReasonCode implements ReasonCode {

    /** Authentication is successful (0x00). */
    SUCCESS(0x00),

    /** Continue the authentication with another step (0x18). */
    CONTINUE_AUTHENTICATION(0x18),

    /** Initiate a re-authentication (0x19). */
    REAUTHENTICATE(0x19);

    private static final ReasonCodeTable<AuthReasonCode> TABLE = new ReasonCodeTable<>(values(), "AUTH");

    private final int code;

    AuthReasonCode(int code) {
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
     * @throws IllegalArgumentException if {@code code} is not a AUTH reason code
     */
    public static AuthReasonCode fromCode(int code) {
        return TABLE.fromCode(code);
    }
}
