package io.mqttreactive.netty.internal.telemetry;

import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.exception.MqttPublishException;
import java.util.Locale;

/** How a publish ended, as a metric tag tells it. */
public enum PublishOutcome {

    /** Written (QoS 0) or acknowledged with a success reason code (QoS 1 and 2). */
    SUCCESS,
    /** The broker refused it with a reason code of 0x80 or more, or the client refused what the broker allows. */
    REJECTED,
    /** A bounded queue (pending publishes or the offline queue) had no room for it. */
    BUFFER_FULL,
    /** Anything else: the connection or the session ended, the client closed, the store failed. */
    FAILED;

    private final String tagValue = name().toLowerCase(Locale.ROOT);

    public static PublishOutcome of(Throwable failure) {
        if (failure instanceof MqttBufferFullException) {
            return BUFFER_FULL;
        }
        return failure instanceof MqttPublishException ? REJECTED : FAILED;
    }

    public String tagValue() {
        return tagValue;
    }
}
