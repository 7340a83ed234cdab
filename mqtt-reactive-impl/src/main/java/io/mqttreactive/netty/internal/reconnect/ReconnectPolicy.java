package io.mqttreactive.netty.internal.reconnect;

import io.mqttreactive.exception.MqttDisconnectedException;
import io.mqttreactive.exception.MqttTransientException;
import io.mqttreactive.message.DisconnectReasonCode;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which failures are worth another connection attempt: transient ones (network failures, timeouts, a busy or
 * unavailable server), and a server DISCONNECT only for reasons that may pass (MQTT 5.0 section 3.14.2.1). Bad
 * credentials, authorization, protocol errors, a session taken over by another client or an unsupported
 * feature would fail again and are reported instead.
 */
public final class ReconnectPolicy {

    private static final Set<DisconnectReasonCode> RETRYABLE_SERVER_REASONS = EnumSet.of(
            DisconnectReasonCode.NORMAL_DISCONNECTION,
            DisconnectReasonCode.UNSPECIFIED_ERROR,
            DisconnectReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
            DisconnectReasonCode.SERVER_BUSY,
            DisconnectReasonCode.SERVER_SHUTTING_DOWN,
            DisconnectReasonCode.KEEP_ALIVE_TIMEOUT,
            DisconnectReasonCode.MESSAGE_RATE_TOO_HIGH,
            DisconnectReasonCode.QUOTA_EXCEEDED,
            DisconnectReasonCode.ADMINISTRATIVE_ACTION,
            DisconnectReasonCode.USE_ANOTHER_SERVER,
            DisconnectReasonCode.SERVER_MOVED,
            DisconnectReasonCode.CONNECTION_RATE_EXCEEDED,
            DisconnectReasonCode.MAXIMUM_CONNECT_TIME);

    private ReconnectPolicy() {
    }

    public static boolean isRetryable(Throwable failure) {
        if (failure instanceof MqttDisconnectedException disconnected) {
            return RETRYABLE_SERVER_REASONS.contains(disconnected.disconnectReasonCode());
        }
        return failure instanceof MqttTransientException;
    }
}
