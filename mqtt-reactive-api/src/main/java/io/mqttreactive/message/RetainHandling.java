package io.mqttreactive.message;

/**
 * Whether the broker sends retained messages when a subscription is made (MQTT 5.0 section 3.8.3.1). MQTT 3.1
 * and 3.1.1 always behave as {@link #SEND}.
 */
public enum RetainHandling {

    /** Send retained messages at the time of the subscribe (0); the default. */
    SEND(0),

    /** Send retained messages only if the subscription does not exist yet (1). */
    SEND_IF_NEW(1),

    /** Do not send retained messages at the time of the subscribe (2). */
    DO_NOT_SEND(2);

    private final int code;

    RetainHandling(int code) {
        this.code = code;
    }

    /**
     * Returns the wire value.
     *
     * @return 0, 1 or 2
     */
    public int code() {
        return code;
    }

    /**
     * Returns the retain handling with a wire value.
     *
     * @param code the wire value
     * @return the retain handling
     * @throws IllegalArgumentException if {@code code} is not 0, 1 or 2
     */
    public static RetainHandling fromCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("retain handling must be 0, 1 or 2, was " + code);
        }
        return values()[code];
    }
}
