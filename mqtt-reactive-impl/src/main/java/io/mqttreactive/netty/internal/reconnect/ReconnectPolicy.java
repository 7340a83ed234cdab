package io.mqttreactive.netty.internal.reconnect;

import io.mqttreactive.exception.MqttDisconnectedException;
import io.mqttreactive.exception.MqttTransientException;
import io.mqttreactive.message.DisconnectReasonCode;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which failures are worth another connection attempt: transient ones (network failures, timeouts, a busy or
 * unavailable server), and a server DISCONNECT only for reasons that may pass (MQTT 5.0 section 3.14.2.1). Bad
 * credentials, authorization, protocol errors, a session taken over by another client or an unsupported
 * feature would fail again and are reported instead. So would a JVM {@link Error} (an {@link OutOfMemoryError} while
 * a large message is read): a retry fetches the same message again, so an error anywhere in the causes is never
 * retried.
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

    private static final int MAXIMUM_CAUSE_DEPTH = 32;

    private ReconnectPolicy() {
    }

    public static boolean isRetryable(Throwable failure) {
        if (jvmErrorIn(failure) != null) {
            return false;
        }
        if (failure instanceof MqttDisconnectedException disconnected) {
            return RETRYABLE_SERVER_REASONS.contains(disconnected.disconnectReasonCode());
        }
        return failure instanceof MqttTransientException;
    }

    /** Returns the first JVM {@link Error} in the chain of causes of {@code failure}, or null when there is none. */
    public static @Nullable Error jvmErrorIn(@Nullable Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAXIMUM_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof Error error) {
                return error;
            }
        }
        return null;
    }
}
