package io.mqttreactive.netty.internal.client;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttException;
import io.mqttreactive.exception.MqttJvmErrorException;
import io.mqttreactive.exception.MqttMalformedPacketException;
import io.mqttreactive.exception.MqttPacketTooLargeException;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.exception.MqttTlsException;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.flow.ConnectHandshake;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import io.mqttreactive.netty.internal.reconnect.ReconnectPolicy;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what broke a connection, or kept one from opening, into the {@link MqttException} users see. A JVM
 * {@link Error} anywhere in the causes is an {@link MqttJvmErrorException}, never a transient network failure.
 */
final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /** A connection that could not be opened: a TLS handshake failure, or any other as closed. */
    static MqttException ofConnect(Throwable error, MqttClientOptions attempt) {
        Error jvmError = ReconnectPolicy.jvmErrorIn(error);
        if (jvmError != null && !(error instanceof MqttJvmErrorException)) {
            return new MqttJvmErrorException("connecting failed", jvmError);
        }
        if (error instanceof MqttException mqtt) {
            return mqtt;
        }
        String where = attempt.serverHost() + ":" + attempt.serverPort();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return new MqttTlsException("TLS handshake with " + where + " failed: " + cause.getMessage(), cause);
            }
        }
        return new MqttConnectionClosedException("cannot connect to " + where, error);
    }

    /**
     * A connection that closed before its CONNACK: a malformed or forbidden packet in its place (a malformed
     * CONNACK included) is the typed protocol error, a race for the session is transient (see
     * {@link ConnectHandshake#failureBeforeConnAck}), any other cause is a closed connection.
     */
    static MqttException beforeConnAck(@Nullable Throwable cause) {
        Error jvmError = ReconnectPolicy.jvmErrorIn(cause);
        if (jvmError != null) {
            return ofConnection(cause);
        }
        if (cause instanceof MqttException mqtt) {
            return ConnectHandshake.failureBeforeConnAck(mqtt);
        }
        if (cause instanceof MqttDecodeException) {
            return ofConnection(cause);
        }
        return new MqttConnectionClosedException("the connection closed before CONNACK", cause);
    }

    /**
     * An open connection that closed: a malformed, forbidden or too large packet (all non-transient: the broker
     * would send the same again after a reconnect), or any other cause as closed.
     */
    static MqttException ofConnection(@Nullable Throwable cause) {
        Error jvmError = ReconnectPolicy.jvmErrorIn(cause);
        if (jvmError != null && !(cause instanceof MqttJvmErrorException)) {
            return new MqttJvmErrorException("the connection failed", jvmError);
        }
        if (cause instanceof MqttException mqtt) {
            return mqtt;
        }
        if (cause instanceof MqttDecodeException decode) {
            return switch (decode.reasonCode()) {
                case ReasonCode.MALFORMED_PACKET -> new MqttMalformedPacketException(decode.getMessage(), decode);
                case ReasonCode.PACKET_TOO_LARGE ->
                        new MqttPacketTooLargeException(decode.packetSize(), decode.maximumPacketSize());
                default -> new MqttProtocolException(decode.getMessage(),
                        DisconnectReasonCode.fromCode(decode.reasonCode()), decode);
            };
        }
        return new MqttConnectionClosedException(cause == null ? "the broker closed the connection"
                : "the connection failed: " + cause, cause);
    }
}
