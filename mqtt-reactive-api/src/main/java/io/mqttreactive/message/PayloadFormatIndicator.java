package io.mqttreactive.message;

/**
 * The MQTT 5.0 Payload Format Indicator of a message (MQTT 5.0 section 3.3.2.3.2).
 */
public enum PayloadFormatIndicator {

    /** The payload is unspecified bytes (0); the default. */
    UNSPECIFIED(0),

    /** The payload is UTF-8 encoded character data (1). */
    UTF_8(1);

    private final int code;

    PayloadFormatIndicator(int code) {
        this.code = code;
    }

    /**
     * Returns the wire value.
     *
     * @return 0 or 1
     */
    public int code() {
        return code;
    }

    /**
     * Returns the indicator with a wire value.
     *
     * @param code the wire value
     * @return the indicator
     * @throws IllegalArgumentException if {@code code} is not 0 or 1
     */
    public static PayloadFormatIndicator fromCode(int code) {
        return switch (code) {
            case 0 -> UNSPECIFIED;
            case 1 -> UTF_8;
            default -> throw new IllegalArgumentException("payload format indicator must be 0 or 1, was " + code);
        };
    }
}
