package io.mqttreactive;

/**
 * The quality of service of an MQTT message: how hard the sender and receiver work to deliver it.
 */
public enum MqttQos {

    /** QoS 0: delivered at most once, fire and forget; no acknowledgement. */
    AT_MOST_ONCE(0),

    /** QoS 1: delivered at least once; acknowledged by PUBACK, possibly delivered more than once. */
    AT_LEAST_ONCE(1),

    /** QoS 2: delivered exactly once, through the PUBREC, PUBREL, PUBCOMP handshake. */
    EXACTLY_ONCE(2);

    private static final MqttQos[] BY_CODE = values();

    private final int code;

    MqttQos(int code) {
        this.code = code;
    }

    /**
     * Returns the wire value of this QoS.
     *
     * @return 0, 1 or 2
     */
    public int code() {
        return code;
    }

    /**
     * Returns the QoS for a wire value.
     *
     * @param code the wire value
     * @return the QoS
     * @throws IllegalArgumentException if {@code code} is not 0, 1 or 2
     */
    public static MqttQos fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, was " + code);
        }
        return BY_CODE[code];
    }
}
