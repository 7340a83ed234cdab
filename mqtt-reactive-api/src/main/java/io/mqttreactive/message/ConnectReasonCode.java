package io.mqttreactive.message;

/**
 * The reason code of a CONNACK (MQTT 5.0 section 3.2.2.2). MQTT 3.1 and 3.1.1 return codes map to these through
 * {@link #fromMqtt3ReturnCode(int)}.
 */
public enum ConnectReasonCode implements ReasonCode {

    /** The connection is accepted (0x00). */
    SUCCESS(0x00),

    /** The broker refuses the connection and gives no other reason (0x80). */
    UNSPECIFIED_ERROR(0x80),

    /** The broker could not parse the CONNECT (0x81). */
    MALFORMED_PACKET(0x81),

    /** The CONNECT does not conform to the specification (0x82). */
    PROTOCOL_ERROR(0x82),

    /** The CONNECT is valid but the broker does not accept it (0x83). */
    IMPLEMENTATION_SPECIFIC_ERROR(0x83),

    /** The broker does not support the requested protocol version (3.1.1 return code 1) (0x84). */
    UNSUPPORTED_PROTOCOL_VERSION(0x84),

    /** The client identifier is valid UTF-8 but not allowed (3.1.1 return code 2) (0x85). */
    CLIENT_IDENTIFIER_NOT_VALID(0x85),

    /** The broker does not accept the user name or password (3.1.1 return code 4) (0x86). */
    BAD_USER_NAME_OR_PASSWORD(0x86),

    /** The client is not authorized to connect (3.1.1 return code 5) (0x87). */
    NOT_AUTHORIZED(0x87),

    /** The broker is not available (3.1.1 return code 3) (0x88). */
    SERVER_UNAVAILABLE(0x88),

    /** The broker is busy; try again later (0x89). */
    SERVER_BUSY(0x89),

    /** The client is banned by administrative action (0x8A). */
    BANNED(0x8A),

    /** The authentication method is not supported or does not match the one in use (0x8C). */
    BAD_AUTHENTICATION_METHOD(0x8C),

    /** The will topic name is valid MQTT but not accepted by the broker (0x90). */
    TOPIC_NAME_INVALID(0x90),

    /** The CONNECT exceeds the maximum packet size the broker accepts (0x95). */
    PACKET_TOO_LARGE(0x95),

    /** An implementation or administrative quota is exceeded (0x97). */
    QUOTA_EXCEEDED(0x97),

    /** The will payload does not match its payload format indicator (0x99). */
    PAYLOAD_FORMAT_INVALID(0x99),

    /** The will is retained but the broker does not support retained messages (0x9A). */
    RETAIN_NOT_SUPPORTED(0x9A),

    /** The broker does not support the will QoS (0x9B). */
    QOS_NOT_SUPPORTED(0x9B),

    /** The client should temporarily use another server (0x9C). */
    USE_ANOTHER_SERVER(0x9C),

    /** The client should permanently use another server (0x9D). */
    SERVER_MOVED(0x9D),

    /** The connection rate limit is exceeded (0x9F). */
    CONNECTION_RATE_EXCEEDED(0x9F);

    private static final ReasonCodeTable<ConnectReasonCode> TABLE = new ReasonCodeTable<>(values(), "CONNACK");

    private final int code;

    ConnectReasonCode(int code) {
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
     * @throws IllegalArgumentException if {@code code} is not a CONNACK reason code
     */
    public static ConnectReasonCode fromCode(int code) {
        return TABLE.fromCode(code);
    }

    /**
     * Returns the reason code for an MQTT 3.1 or 3.1.1 CONNACK return code.
     *
     * @param returnCode the return code: 0 accepted, 1 unacceptable protocol version, 2 identifier rejected,
     *                   3 server unavailable, 4 bad user name or password, 5 not authorized
     * @return {@link #SUCCESS}, {@link #UNSUPPORTED_PROTOCOL_VERSION}, {@link #CLIENT_IDENTIFIER_NOT_VALID},
     *         {@link #SERVER_UNAVAILABLE}, {@link #BAD_USER_NAME_OR_PASSWORD} or {@link #NOT_AUTHORIZED}
     * @throws IllegalArgumentException if {@code returnCode} is not 0..5
     */
    public static ConnectReasonCode fromMqtt3ReturnCode(int returnCode) {
        return switch (returnCode) {
            case 0 -> SUCCESS;
            case 1 -> UNSUPPORTED_PROTOCOL_VERSION;
            case 2 -> CLIENT_IDENTIFIER_NOT_VALID;
            case 3 -> SERVER_UNAVAILABLE;
            case 4 -> BAD_USER_NAME_OR_PASSWORD;
            case 5 -> NOT_AUTHORIZED;
            default -> throw new IllegalArgumentException(
                    returnCode + " is not an MQTT 3.1.1 CONNACK return code (0..5)");
        };
    }

    /**
     * Tells whether a refusal with this code may pass if the client tries again later, unchanged: the broker
     * is unavailable, busy, over a quota or rate, or redirects to another server. The client signals these
     * as {@link io.mqttreactive.exception.MqttServerUnavailableException} and other refusals as
     * {@link io.mqttreactive.exception.MqttConnectException}.
     *
     * @return {@code true} for {@link #SERVER_UNAVAILABLE}, {@link #SERVER_BUSY}, {@link #QUOTA_EXCEEDED},
     *         {@link #USE_ANOTHER_SERVER}, {@link #SERVER_MOVED} and {@link #CONNECTION_RATE_EXCEEDED}
     */
    public boolean isTransient() {
        return switch (this) {
            case SERVER_UNAVAILABLE, SERVER_BUSY, QUOTA_EXCEEDED, USE_ANOTHER_SERVER, SERVER_MOVED,
                    CONNECTION_RATE_EXCEEDED -> true;
            default -> false;
        };
    }
}
