package io.mqttreactive.netty.internal.client;

import io.mqttreactive.auth.EnhancedAuthenticator;
import io.mqttreactive.exception.MqttAuthenticationException;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.netty.internal.packet.AuthPacket;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Runs a client's enhanced authentication exchanges (MQTT 5.0 section 4.12): one for each connection's CONNECT,
 * and one for each re-authentication. Every AUTH it sends carries the connection's Authentication Method
 * ([MQTT-4.12.0-5], [MQTT-4.12.1-1]) and answers a challenge with Continue authentication ([MQTT-4.12.0-3]); an
 * AUTH from the broker under another method is a protocol error. Any failure closes the connection
 * ([MQTT-4.12.1-2]). The exchange steps may complete on other threads; their results come back through
 * {@code onLoop}. Confined to the event loop.
 */
final class EnhancedAuthentication {

    private static final byte[] NONE = new byte[0];

    private final EnhancedAuthenticator authenticator;
    private final Consumer<Runnable> onLoop;
    private final List<MonoSink<Void>> reauthenticating = new ArrayList<>();
    private EnhancedAuthenticator.@Nullable Exchange exchange;
    private @Nullable MqttChannel channel;

    EnhancedAuthentication(EnhancedAuthenticator authenticator, Consumer<Runnable> onLoop) {
        this.authenticator = authenticator;
        this.onLoop = onLoop;
    }

    String method() {
        return authenticator.method();
    }

    /** Starts the exchange of a new connection; {@code connect} sends the CONNECT with the initial data. */
    void connecting(MqttChannel connection, Consumer<byte[]> connect) {
        fail(new MqttAuthenticationException("the connection was replaced before re-authentication ended", null));
        start(connection, connect);
    }

    /** Re-authenticates the connection, or joins a re-authentication under way. */
    void reauthenticate(MqttChannel connection, MonoSink<Void> sink) {
        reauthenticating.add(sink);
        if (reauthenticating.size() == 1) {
            start(connection, data -> connection.send(new AuthPacket(AuthPacket.RE_AUTHENTICATE, method(),
                    orNull(data), null, List.of())));
        }
    }

    /** Answers the broker's AUTH: a challenge, or the success of a re-authentication. */
    void onAuth(MqttChannel connection, AuthPacket auth) {
        if (!Objects.equals(auth.authenticationMethod(), method())) {
            throw new MqttProtocolException("an AUTH under the method " + auth.authenticationMethod()
                    + " where the connection uses " + method() + " [MQTT-4.12.0-5] (5.0)",
                    DisconnectReasonCode.PROTOCOL_ERROR, null);
        }
        EnhancedAuthenticator.Exchange current = exchange;
        if (current == null || connection != channel) {
            throw new MqttProtocolException("an AUTH without an authentication under way",
                    DisconnectReasonCode.PROTOCOL_ERROR, null);
        }
        if (auth.reasonCode() == AuthPacket.CONTINUE_AUTHENTICATION) {
            step(current.challenge(data(auth.authenticationData())), "the answer to a challenge",
                    data -> connection.send(new AuthPacket(AuthPacket.CONTINUE_AUTHENTICATION, method(), orNull(data),
                            null, List.of())));
        } else if (auth.reasonCode() == 0) {
            MqttAuthenticationException refusal = succeeded(auth.authenticationData());
            if (refusal != null) {
                connection.close(refusal);
                return;
            }
            List<MonoSink<Void>> done = new ArrayList<>(reauthenticating);
            reauthenticating.clear();
            done.forEach(MonoSink::success);
        } else {
            throw new MqttProtocolException("a broker sends AUTH with reason 0x18 or 0x00, not 0x"
                    + Integer.toHexString(auth.reasonCode()), DisconnectReasonCode.PROTOCOL_ERROR, null);
        }
    }

    /**
     * Ends the exchange with the broker's success, as the CONNACK or AUTH Success carried it.
     *
     * @return why the client refuses the broker, or null when it accepts
     */
    @Nullable MqttAuthenticationException succeeded(byte @Nullable [] data) {
        EnhancedAuthenticator.Exchange current = exchange;
        exchange = null;
        if (current == null) {
            return new MqttAuthenticationException("the broker reported success without an authentication", null);
        }
        try {
            current.success(data(data));
            return null;
        } catch (RuntimeException e) {
            return new MqttAuthenticationException(method() + ": the client refused the broker: " + e.getMessage(),
                    e);
        }
    }

    /** Fails a re-authentication under way, as its connection ended. */
    void fail(Throwable cause) {
        exchange = null;
        channel = null;
        List<MonoSink<Void>> failed = new ArrayList<>(reauthenticating);
        reauthenticating.clear();
        failed.forEach(sink -> sink.error(cause));
    }

    private void start(MqttChannel connection, Consumer<byte[]> send) {
        channel = connection;
        EnhancedAuthenticator.Exchange started = authenticator.start();
        exchange = started;
        step(started.initialData(), "the initial data", send);
    }

    /** Runs one step; its data goes to {@code send} if the exchange is still this connection's. */
    private void step(Mono<byte[]> data, String what, Consumer<byte[]> send) {
        MqttChannel connection = channel;
        EnhancedAuthenticator.Exchange current = exchange;
        data.defaultIfEmpty(NONE).subscribe(
                result -> onLoop.accept(() -> {
                    if (exchange == current && channel == connection && connection.isOpen()) {
                        send.accept(result);
                    }
                }),
                error -> onLoop.accept(() -> {
                    if (exchange == current && channel == connection) {
                        connection.close(new MqttAuthenticationException(method() + ": " + what + " failed: "
                                + error.getMessage(), error));
                    }
                }));
    }

    private static byte[] data(byte @Nullable [] data) {
        return data != null ? data : NONE;
    }

    /** Authentication Data to send: none rather than empty. */
    static byte @Nullable [] orNull(byte[] data) {
        return data.length == 0 ? null : data;
    }
}
