package io.mqttreactive.message;

/**
 * An MQTT reason code: the one-byte outcome of an operation in an acknowledgement, DISCONNECT or AUTH packet
 * (MQTT 5.0 section 2.4). Implemented by one enum per packet kind.
 */
public interface ReasonCode {

    /**
     * Returns the wire value.
     *
     * @return the reason code, 0..255
     */
    int code();

    /**
     * Returns the constant name, as in {@code NOT_AUTHORIZED}.
     *
     * @return the name
     */
    String name();

    /**
     * Tells whether this code reports a failure: reason codes of 0x80 or more do.
     *
     * @return {@code true} if {@code code() >= 0x80}
     */
    default boolean isError() {
        return code() >= 0x80;
    }
}
