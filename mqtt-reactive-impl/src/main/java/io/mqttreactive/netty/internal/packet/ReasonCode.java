package io.mqttreactive.netty.internal.packet;

/** The MQTT 5 reason codes the codec itself needs (MQTT 5.0 section 2.4). */
public final class ReasonCode {

    public static final int SUCCESS = 0x00;
    public static final int NO_MATCHING_SUBSCRIBERS = 0x10;
    public static final int UNSPECIFIED_ERROR = 0x80;
    public static final int MALFORMED_PACKET = 0x81;
    public static final int PROTOCOL_ERROR = 0x82;
    public static final int PACKET_TOO_LARGE = 0x95;

    private ReasonCode() {
    }

    /** Tells whether a reason code signals failure (0x80 or more). */
    public static boolean isError(int reasonCode) {
        return reasonCode >= UNSPECIFIED_ERROR;
    }
}
