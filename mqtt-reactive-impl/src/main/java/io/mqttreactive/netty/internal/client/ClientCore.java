package io.mqttreactive.netty.internal.client;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttAuthenticationException;
import io.mqttreactive.exception.MqttClientClosedException;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttDisconnectedException;
import io.mqttreactive.exception.MqttNotConnectedException;
import io.mqttreactive.exception.MqttException;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.exception.MqttTimeoutException;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.flow.ConnectHandshake;
import io.mqttreactive.netty.internal.flow.KeepAlive;
import io.mqttreactive.netty.internal.flow.UnsubscribeOutcome;
import io.mqttreactive.netty.internal.mapping.PacketMapper;
import io.mqttreactive.netty.internal.packet.AuthPacket;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.reconnect.AttemptOptions;
import io.mqttreactive.netty.internal.reconnect.ReconnectPolicy;
import io.mqttreactive.netty.internal.reconnect.Reconnector;
import io.mqttreactive.netty.internal.reconnect.Redirects;
import io.mqttreactive.netty.internal.reconnect.ServerList;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import io.mqttreactive.netty.internal.transport.MqttConnector;
import io.mqttreactive.options.DisconnectOptions;
import io.mqttreactive.options.ReconnectAttempt;
import io.netty.channel.EventLoop;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The client's connection state machine, confined to one event loop: opens a connection, sends CONNECT and reads
 * CONNACK, hands every packet of the connection to the {@link ClientSession} (keep-alive and DISCONNECT it
 * handles itself), reconnects when a connection is lost, and ends the connection on DISCONNECT, a protocol
 * error or the user's request. The session (packet ids, messages in flight, subscriptions) outlives a
 * connection; connection state (channel, keep-alive, topic aliases) does not.
 */
final class ClientCore {

    private final MqttClientOptions options;
    private volatile MqttClientOptions connectionOptions;
    private final MqttConnector connector;
    private final EventLoop eventLoop;
    private final ClientEvents events = new ClientEvents();
    private final ClientSession session;
    private final ServerList servers;
    private final Redirects redirects;
    private final @Nullable EnhancedAuthentication authentication;
    private final List<MonoSink<ConnectResult>> connectWaiters = new ArrayList<>();
    private final List<MonoSink<Void>> disconnectWaiters = new ArrayList<>();
    private @Nullable MqttChannel handshaking;
    private @Nullable MqttChannel connected;
    private @Nullable ConnectResult connectResult;
    private @Nullable KeepAlive keepAlive;
    private @Nullable Disposable connecting;
    private @Nullable ScheduledFuture<?> connectTimeout;
    private @Nullable Disposable reconnecting;
    private @Nullable String clientId;
    private long abandonedConnectNanos;
    private long attemptNumber = 1;
    private boolean sessionHeld;
    private boolean cleanStartSent;
    private boolean disconnecting;
    private boolean closed;
    /**
     * Whether a connection may still come without the user calling {@code connect()}: true until a connection
     * ends with nothing reconnecting it (lost without reconnect, reconnecting gave up, disconnected), and again
     * from the next {@code connect()}. Publishes wait offline while it holds, and fail at once otherwise.
     * Volatile: a retried {@code connect()} reads it as it decides whether to try again.
     */
    private volatile boolean connectionExpected = true;

    ClientCore(MqttClientOptions options, MqttConnector connector, EventLoop eventLoop) {
        this.options = options;
        this.connectionOptions = options;
        this.connector = connector;
        this.eventLoop = eventLoop;
        this.session = new ClientSession(options, eventLoop, events::emit);
        this.servers = new ServerList(options);
        this.redirects = new Redirects(options.failover().maximumRedirects());
        this.authentication = options.enhancedAuthentication()
                .map(authenticator -> new EnhancedAuthentication(authenticator, this::onLoop)).orElse(null);
    }

    ClientEvents events() {
        return events;
    }

    io.mqttreactive.netty.internal.telemetry.ClientTelemetry telemetry() {
        return session.telemetry();
    }

    /** Returns the CONNACK's result of the current connection, or null while not connected. */
    @Nullable ConnectResult currentConnection() {
        return connected != null ? connectResult : null;
    }

    void connect(MonoSink<ConnectResult> sink) {
        connectionExpected = !closed;
        if (closed) {
            sink.error(new MqttClientClosedException());
            return;
        }
        if (connected != null) {
            sink.success(connectResult);
            return;
        }
        connectWaiters.add(sink);
        if (handshaking != null || connecting != null) {
            return;
        }
        if (reconnecting == null) {
            events.state(ConnectionState.CONNECTING);
        }
        redirects.reset();
        openConnection();
    }

    /** Opens a connection to the server of {@link #connectionOptions} for the waiting {@code connect()} calls. */
    private void openConnection() {
        DecodeContext decodeContext = new DecodeContext(options.version(), options.flowControl().maximumPacketSize());
        MqttClientOptions attemptOptions = connectionOptions;
        connectTimeout = eventLoop.schedule(() -> abortConnect(
                new MqttTimeoutException("connect", attemptOptions.connectTimeout())),
                attemptOptions.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        Disposable.Swap attempt = Disposables.swap();
        connecting = attempt;
        attempt.update(session.beforeFirstConnect()
                .then(connector.connect(attemptOptions, eventLoop, decodeContext, EncodeContext.of(options.version())))
                .subscribe(channel -> onLoop(() -> onChannelOpen(attempt, channel)),
                        error -> onLoop(() -> {
                            if (connecting == attempt) {
                                abortConnect(ConnectionFailures.ofConnect(error, connectionOptions));
                            }
                        })));
    }

    /** Tries again for a {@code connect()} call that failed, unless the user disconnected or closed meanwhile. */
    void retryConnect(MonoSink<ConnectResult> sink) {
        if (!connectionExpected || closed) {
            sink.error(new MqttConnectionClosedException("disconnected while connect() was retrying"));
            return;
        }
        if (connected == null && handshaking == null && connecting == null) {
            connectionOptions = servers.next(connectionOptions);
        }
        connect(sink);
    }

    /** A waiter gave up; the attempt is abandoned when nobody waits for it any more. */
    void cancelConnect(MonoSink<ConnectResult> sink) {
        if (connectWaiters.remove(sink) && connectWaiters.isEmpty() && connected == null) {
            abortConnect(new MqttConnectionClosedException("connect cancelled"));
        }
    }

    void disconnect(DisconnectOptions disconnectOptions, MonoSink<Void> sink) {
        connectionExpected = false;
        if (stopReconnecting()) {
            session.end(null, new MqttConnectionClosedException("disconnected while reconnecting"));
        }
        MqttChannel channel = connected != null ? connected : handshaking;
        if (channel == null) {
            abortConnect(new MqttConnectionClosedException("disconnected before the connection was established"));
            if (closed) {
                events.state(ConnectionState.CLOSED);
                events.complete();
            }
            sink.success();
            return;
        }
        disconnectWaiters.add(sink);
        if (disconnecting) {
            return;
        }
        disconnecting = true;
        events.state(ConnectionState.DISCONNECTING);
        if (connected != null) {
            channel.send(disconnectPacket(disconnectOptions));
        }
        channel.close(null);
    }

    void close(MonoSink<Void> sink) {
        if (closed) {
            sink.success();
            return;
        }
        closed = true;
        stopReconnecting();
        session.close(new MqttClientClosedException());
        disconnect(DisconnectOptions.DEFAULT, sink);
    }

    /**
     * Publishes a message; one of a stream ({@code waitForRoom}) waits for room in a full queue rather than
     * failing.
     */
    void publish(MqttMessage message, MonoSink<PublishResult> sink, boolean waitForRoom) {
        if (closed) {
            sink.error(new MqttClientClosedException());
            return;
        }
        if (connected == null && !connectionExpected) {
            sink.error(new MqttNotConnectedException("the client is disconnected and no connection is under way: "
                    + "call connect() first"));
            return;
        }
        session.publish(message, sink, connected != null, waitForRoom);
    }

    /** Opens a subscription; returns its sink, or null if the client is closed. */
    <T> @Nullable SubscriptionSink<T> subscribe(SubscribeRequest request, FluxSink<T> emitter,
            Acknowledgement acknowledgement, Consumer<SubscribeResult> acknowledged) {
        if (closed) {
            emitter.error(new MqttClientClosedException());
            return null;
        }
        return session.subscribe(request, emitter, acknowledgement, acknowledged);
    }

    /** Ends a subscription opened with {@link #subscribe}, or never opened when {@code sink} is null. */
    void unsubscribe(@Nullable SubscriptionSink<?> sink, SubscribeRequest request,
            UnsubscribeOutcome.Requester requester) {
        if (closed) {
            requester.failed(new MqttClientClosedException());
            return;
        }
        session.unsubscribe(sink, request, requester);
    }

    /** Re-authenticates the connection with the enhanced authenticator (MQTT 5.0 section 4.12.1). */
    void reauthenticate(MonoSink<Void> sink) {
        if (authentication == null) {
            sink.error(new IllegalStateException("re-authentication needs an enhanced authenticator: "
                    + "MqttClientOptions.Builder.enhancedAuthentication"));
        } else if (connected == null) {
            sink.error(new MqttNotConnectedException("re-authentication needs a connection"));
        } else {
            authentication.reauthenticate(connected, sink);
        }
    }

    void unsolicited(FluxSink<MqttMessage> emitter) {
        if (closed) {
            emitter.complete();
            return;
        }
        session.unsolicited(emitter);
    }

    private void onChannelOpen(Disposable attempt, MqttChannel channel) {
        if (connecting != attempt) {
            channel.close(null);
            return;
        }
        connecting = null;
        if (connectWaiters.isEmpty() || closed) {
            channel.close(null);
            failConnectWaiters(new MqttConnectionClosedException("connect cancelled"));
            return;
        }
        handshaking = channel;
        channel.listener(new ConnectionListener(channel));
        boolean resume = sessionHeld && ConnectHandshake.sessionOutlivesConnection(connectionOptions);
        cleanStartSent = !resume && options.session().cleanStart();
        String connectingId = clientId != null ? clientId : options.clientId();
        if (authentication == null) {
            channel.send(ConnectHandshake.connectPacket(connectionOptions, connectingId, cleanStartSent));
            return;
        }
        authentication.connecting(channel, data -> channel.send(ConnectHandshake.connectPacket(connectionOptions,
                connectingId, cleanStartSent, authentication.method(), EnhancedAuthentication.orNull(data))));
    }

    private void onConnAck(MqttChannel channel, ConnAckPacket connAck) {
        handshaking = null;
        cancelConnectTimeout();
        if (!ConnectHandshake.isAccepted(connAck)) {
            MqttException refusal = ConnectHandshake.toException(connAck, options.version().isMqtt5());
            channel.close(refusal);
            Redirects.Redirect redirect = redirects.follow(refusal, connectionOptions);
            if (redirect != null && !connectWaiters.isEmpty() && !closed) {
                connectionOptions = redirect.options();
                events.emit(redirect.event());
                openConnection();
                return;
            }
            failConnectWaiters(refusal);
            return;
        }
        MqttAuthenticationException authenticationRefusal = authentication != null
                ? authentication.succeeded(connAck.authenticationData()) : null;
        if (authenticationRefusal != null) {
            channel.close(authenticationRefusal);
            failConnectWaiters(authenticationRefusal);
            return;
        }
        ConnectResult result = ConnectHandshake.toResult(connAck);
        connected = channel;
        connectResult = result;
        sessionHeld = true;
        clientId = result.assignedClientIdentifier().orElse(clientId != null ? clientId : options.clientId());
        session.clientId(clientId);
        boolean reconnected = reconnecting != null;
        reconnecting = null;
        attemptNumber = 1;
        channel.encodeContext(new EncodeContext(options.version(), result.maximumPacketSize()));
        keepAlive = KeepAlive.start(channel, ConnectHandshake.effectiveKeepAlive(connectionOptions, connAck));
        session.onConnected(channel, result, reconnected);
        events.state(ConnectionState.CONNECTED);
        events.emit(new MqttClientEvent.Connected(result));
        List<MonoSink<ConnectResult>> waiters = new ArrayList<>(connectWaiters);
        connectWaiters.clear();
        waiters.forEach(waiter -> waiter.success(result));
    }

    private void onPacket(MqttChannel channel, MqttPacket packet) {
        try {
            if (channel == handshaking) {
                onHandshakePacket(channel, packet);
            } else if (channel == connected && !session.dispatch(packet)) {
                dispatchConnectionPacket(channel, packet);
            }
        } catch (MqttProtocolException violation) {
            closeForViolation(channel, violation);
        }
    }

    private void onHandshakePacket(MqttChannel channel, MqttPacket packet) {
        if (packet instanceof ConnAckPacket connAck) {
            onConnAck(channel, ConnectHandshake.checkSessionPresent(connAck, cleanStartSent,
                    options.version().isMqtt5()));
        } else if (packet instanceof DisconnectPacket disconnect) {
            onServerDisconnect(channel, disconnect);
        } else if (packet instanceof AuthPacket auth && authentication != null) {
            authentication.onAuth(channel, auth);
        } else {
            throw new MqttProtocolException("expected CONNACK, received " + packet.type() + " [MQTT-3.2.0-1] (3.1.1)");
        }
    }

    /** Closes a connection whose broker broke the protocol, after DISCONNECT with the reason code in MQTT 5. */
    private void closeForViolation(MqttChannel channel, MqttProtocolException violation) {
        if (options.version().isMqtt5() && channel.isOpen()) {
            channel.send(DisconnectPacket.of(violation.disconnectReasonCode().code()));
        }
        channel.close(violation);
    }

    private void dispatchConnectionPacket(MqttChannel channel, MqttPacket packet) {
        switch (packet.type()) {
            case PINGRESP -> {
                if (keepAlive != null) {
                    keepAlive.onPingResp();
                }
            }
            case DISCONNECT -> onServerDisconnect(channel, (DisconnectPacket) packet);
            case AUTH -> {
                if (authentication == null) {
                    throw new MqttProtocolException("an AUTH to a client that did not authenticate with a method "
                            + "[MQTT-4.12.0-7] (5.0)", DisconnectReasonCode.PROTOCOL_ERROR, null);
                }
                authentication.onAuth(channel, (AuthPacket) packet);
            }
            default -> throw new MqttProtocolException("a client does not accept " + packet.type(),
                    DisconnectReasonCode.PROTOCOL_ERROR, null);
        }
    }

    private void onServerDisconnect(MqttChannel channel, DisconnectPacket disconnect) {
        DisconnectReasonCode code = DisconnectReasonCode.fromCode(disconnect.reasonCode());
        var properties = PacketMapper.toApi(disconnect.userProperties());
        events.emit(new MqttClientEvent.ServerDisconnect(code, Optional.ofNullable(disconnect.reasonString()),
                properties, Optional.ofNullable(disconnect.serverReference())));
        channel.close(new MqttDisconnectedException(code, disconnect.reasonString(), properties,
                disconnect.serverReference()));
    }

    private void onClosed(MqttChannel channel, @Nullable Throwable cause) {
        if (channel == handshaking) {
            handshaking = null;
            abandonedConnectNanos = System.nanoTime();
            failConnectWaiters(ConnectionFailures.beforeConnAck(cause));
        } else if (channel == connected) {
            connectionLost(cause);
        }
        if (connected == null && handshaking == null) {
            completeDisconnectWaiters();
        }
    }

    private void connectionLost(@Nullable Throwable cause) {
        connected = null;
        events.state(closed ? ConnectionState.CLOSED : ConnectionState.DISCONNECTED);
        if (keepAlive != null) {
            keepAlive.stop();
            keepAlive = null;
        }
        Throwable error = disconnecting ? null : ConnectionFailures.ofConnection(cause);
        if (authentication != null) {
            authentication.fail(error != null ? error
                    : new MqttConnectionClosedException("disconnected before re-authentication ended"));
        }
        session.onConnectionLost();
        events.emit(new MqttClientEvent.Disconnected(Optional.ofNullable(error)));
        if (error != null && isReconnectWanted()
                && (ReconnectPolicy.isRetryable(error) || isTakeoverByOwnAbandonedConnect(error))) {
            session.awaitReconnect(error);
            startReconnecting(error);
        } else {
            if (error != null && isReconnectWanted()) {
                events.emit(new MqttClientEvent.ReconnectGaveUp(0, error));
            }
            connectionExpected = false;
            session.end(error, error != null ? error
                    : new MqttConnectionClosedException("disconnected before the message was acknowledged"));
        }
    }

    /**
     * Tells whether a session takeover may come from this client's own abandoned connection: a CONNECT that a
     * broker still processes after the connection carrying it closed can take the session over from the next
     * connection. Within the connect timeout of such an abandoned attempt, the takeover is not another client.
     */
    private boolean isTakeoverByOwnAbandonedConnect(Throwable error) {
        return error instanceof MqttDisconnectedException disconnected
                && disconnected.disconnectReasonCode() == DisconnectReasonCode.SESSION_TAKEN_OVER
                && abandonedConnectNanos != 0
                && System.nanoTime() - abandonedConnectNanos < options.connectTimeout().toNanos();
    }

    /** Tells whether a failed {@code connect()} may try again: not once the user disconnected or closed. */
    boolean isConnectWanted() {
        return connectionExpected;
    }

    private boolean isReconnectWanted() {
        return options.reconnect().enabled() && !closed && !disconnecting;
    }

    private void startReconnecting(Throwable connectionLoss) {
        events.state(ConnectionState.RECONNECTING);
        Reconnector.Attempt attempt = (number, lastFailure) -> Mono
                .<MqttClientOptions>create(sink -> onLoop(() -> sink.success(serverFor(number, lastFailure))))
                .flatMap(server -> AttemptOptions.resolve(options, new ReconnectAttempt(number, lastFailure, server)))
                .onErrorResume(hookFailure -> Mono.create(sink -> onLoop(() -> {
                    attemptNumber = number;
                    events.emit(new MqttClientEvent.ConnectFailed(number, hookFailure));
                    sink.error(hookFailure);
                })))
                .flatMap(attemptOptions -> Mono.create(sink -> onLoop(() -> {
                    attemptNumber = number;
                    connectionOptions = attemptOptions;
                    connect(sink);
                })));
        reconnecting = Reconnector.loop(attempt, connectionLoss, options.reconnect(), this::isReconnectWanted,
                        events::emit)
                .subscribe(result -> { }, failure -> onLoop(() -> gaveUpReconnecting(failure)));
    }

    /**
     * Returns the options naming the server of a reconnect attempt: for the first, where the broker's DISCONNECT
     * redirected the client, else the server of the lost connection; after a failed attempt, the next server.
     */
    private MqttClientOptions serverFor(long number, Throwable lastFailure) {
        if (number > 1) {
            return servers.next(connectionOptions);
        }
        redirects.reset();
        Redirects.Redirect redirect = redirects.follow(lastFailure, connectionOptions);
        if (redirect == null) {
            return connectionOptions;
        }
        events.emit(redirect.event());
        return redirect.options();
    }

    private void gaveUpReconnecting(Throwable failure) {
        if (reconnecting == null) {
            return;
        }
        reconnecting = null;
        events.state(closed ? ConnectionState.CLOSED : ConnectionState.DISCONNECTED);
        events.emit(new MqttClientEvent.ReconnectGaveUp(attemptNumber, failure));
        attemptNumber = 1;
        connectionExpected = false;
        session.end(failure, failure);
    }

    private boolean stopReconnecting() {
        if (reconnecting == null) {
            return false;
        }
        reconnecting.dispose();
        reconnecting = null;
        return true;
    }

    private void abortConnect(MqttException cause) {
        if (connecting != null) {
            connecting.dispose();
            connecting = null;
        }
        if (handshaking != null) {
            handshaking.close(cause);
        }
        failConnectWaiters(cause);
    }

    private void failConnectWaiters(Throwable cause) {
        cancelConnectTimeout();
        if (connected == null && reconnecting == null) {
            events.state(closed ? ConnectionState.CLOSED : ConnectionState.DISCONNECTED);
        }
        if (connectWaiters.isEmpty()) {
            return;
        }
        List<MonoSink<ConnectResult>> waiters = new ArrayList<>(connectWaiters);
        connectWaiters.clear();
        events.emit(new MqttClientEvent.ConnectFailed(attemptNumber, cause));
        waiters.forEach(waiter -> waiter.error(cause));
    }

    private void completeDisconnectWaiters() {
        disconnecting = false;
        if (reconnecting == null) {
            events.state(closed ? ConnectionState.CLOSED : ConnectionState.DISCONNECTED);
        }
        if (closed) {
            events.complete();
        }
        List<MonoSink<Void>> waiters = new ArrayList<>(disconnectWaiters);
        disconnectWaiters.clear();
        waiters.forEach(MonoSink::success);
    }

    private void cancelConnectTimeout() {
        if (connectTimeout != null) {
            connectTimeout.cancel(false);
            connectTimeout = null;
        }
    }

    private DisconnectPacket disconnectPacket(DisconnectOptions disconnectOptions) {
        if (!options.version().isMqtt5()) {
            return DisconnectPacket.NORMAL;
        }
        return new DisconnectPacket(disconnectOptions.reasonCode().code(),
                disconnectOptions.sessionExpiryInterval().map(java.time.Duration::toSeconds)
                        .orElse(ConnAckPacket.ABSENT_SESSION_EXPIRY),
                disconnectOptions.reasonString().orElse(null),
                PacketMapper.toWire(disconnectOptions.userProperties()), null);
    }

    private void onLoop(Runnable task) {
        if (eventLoop.inEventLoop()) {
            task.run();
        } else {
            eventLoop.execute(task);
        }
    }

    private final class ConnectionListener implements MqttChannel.Listener {

        private final MqttChannel channel;

        ConnectionListener(MqttChannel channel) {
            this.channel = channel;
        }

        @Override
        public void onPacket(MqttPacket packet) {
            ClientCore.this.onPacket(channel, packet);
        }

        @Override
        public void onWritable() {
            if (channel == connected) {
                session.onWritable();
            }
        }

        @Override
        public void onClosed(@Nullable Throwable cause) {
            ClientCore.this.onClosed(channel, cause);
        }
    }
}
