package io.mqttreactive.netty.internal.client;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttSessionLostException;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.netty.internal.flow.IncomingPublishFlow;
import io.mqttreactive.netty.internal.flow.OutgoingPublishFlow;
import io.mqttreactive.netty.internal.flow.SubscribeFlow;
import io.mqttreactive.netty.internal.flow.UnsubscribeOutcome;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.mqttreactive.netty.internal.routing.SubscriptionRegistry;
import io.mqttreactive.netty.internal.session.PacketIdAllocator;
import io.mqttreactive.netty.internal.telemetry.ClientTelemetry;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import io.mqttreactive.options.OfflineQueueOverflow;
import io.mqttreactive.options.SessionLossPolicy;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The session side of a client, which outlives its connections: packet ids, publishes in flight and waiting
 * offline, inbound QoS 2 state, subscriptions and their persistence. {@link ClientCore} runs the connections and
 * tells the session when one is up, when it is lost, and when the session ends. Confined to the event loop.
 */
final class ClientSession {

    private final MqttClientOptions options;
    private final ReadControl readControl = new ReadControl();
    private final SubscriptionHub subscriptions;
    private final OutgoingPublishFlow outgoing;
    private final IncomingPublishFlow incoming;
    private final SubscribeFlow subscribeFlow;
    private final SessionPersistence persistence;
    private final OfflineQueue offline;
    private final WaitingPublishes waiting;
    private final ClientTelemetry telemetry;

    ClientSession(MqttClientOptions options, EventLoop eventLoop, Consumer<MqttClientEvent> events) {
        this.options = options;
        PacketIdAllocator packetIds = new PacketIdAllocator();
        SubscriptionRegistry registry = new SubscriptionRegistry();
        var flowControl = options.flowControl();
        this.telemetry = new ClientTelemetry(new ClientTelemetry.Depths() {
            @Override
            public int inFlight() {
                return outgoing.inFlightCount();
            }

            @Override
            public int pending() {
                return outgoing.pendingCount();
            }

            @Override
            public int offlineQueued() {
                return offline.size();
            }

            @Override
            public int subscriptionBuffered() {
                return subscriptions.buffered();
            }
        });
        this.subscriptions = new SubscriptionHub(eventLoop, flowControl, readControl, events, telemetry);
        this.outgoing = new OutgoingPublishFlow(packetIds, flowControl.maximumInflightPublishes(),
                flowControl.maximumPendingPublishes(), flowControl.maximumPendingBytes(), options.maximumQosPolicy(),
                options.version().isMqtt5() ? flowControl.outgoingTopicAliasMaximum() : 0);
        this.incoming = new IncomingPublishFlow(registry, subscriptions, flowControl.receiveMaximum(),
                flowControl.receiveMaximumBytes(),
                options.version().isMqtt5() ? flowControl.topicAliasMaximum() : 0, readControl, events);
        this.subscribeFlow = new SubscribeFlow(packetIds, registry, flowControl,
                options.automaticSubscriptionIdentifiers(), events);
        this.offline = new OfflineQueue(flowControl.offlineQueueSize(), flowControl.offlineQueueBytes(),
                flowControl.offlineQueueOverflow(), events);
        this.waiting = new WaitingPublishes(eventLoop, flowControl.maximumPublishWait(),
                flowControl.maximumPendingPublishes());
        subscriptions.subscribeFlow(subscribeFlow);
        this.persistence = new SessionPersistence(options, eventLoop, events, outgoing, incoming);
    }

    ClientTelemetry telemetry() {
        return telemetry;
    }

    /** What must happen before the first connection opens: discarding or loading the stored session. */
    Mono<Void> beforeFirstConnect() {
        return persistence.beforeFirstConnect();
    }

    /** The client identifier the session is kept under, once the broker confirmed or assigned it. */
    void clientId(String clientId) {
        persistence.clientId(clientId);
    }

    /**
     * A connection is up: re-sends or republishes what was in flight, sends what waited offline, and resumes or
     * renews the subscriptions, as the broker's session present flag says.
     *
     * @param reconnected whether the connection replaces a lost one, rather than the user's connect
     */
    void onConnected(MqttChannel channel, ConnectResult result, boolean reconnected) {
        if (!result.sessionPresent() && !options.reconnect().resubscribe() && reconnected) {
            subscriptions.endAll(new MqttConnectionClosedException("the session was lost on reconnect"));
        }
        readControl.channel(channel);
        if (!result.sessionPresent() && options.reconnect().sessionLossPolicy() == SessionLossPolicy.FAIL) {
            outgoing.failUnacknowledged(new MqttSessionLostException(
                    "the broker lost the session before it acknowledged the message"));
        }
        outgoing.onConnected(channel, result);
        List<QueuedPublish> noRoomYet = new ArrayList<>();
        offline.drainTo(outgoing::hasRoomFor, outgoing::submit, noRoomYet::add);
        waiting.addFirst(noRoomYet);
        admitWaiting(true);
        incoming.onConnected(channel, result.sessionPresent());
        subscribeFlow.onConnected(channel, result);
    }

    /** The connection is gone; what is in flight waits for the next one, or for {@link #end}. */
    void onConnectionLost() {
        readControl.channel(null);
        incoming.onDisconnected();
        subscribeFlow.onDisconnected();
    }

    /** The connection is gone and a reconnect follows: publishes in flight wait for it. */
    void awaitReconnect(Throwable connectionLoss) {
        outgoing.onDisconnected(connectionLoss, true);
        admitWaiting(false);
    }

    /**
     * Ends what waits on the session: subscriptions with {@code error} (or normally), publishes with {@code cause},
     * unsubscribes with {@code error} (or as disconnected).
     */
    void end(@Nullable Throwable error, Throwable cause) {
        outgoing.onDisconnected(cause, false);
        offline.failAll(cause);
        waiting.failAll(cause);
        subscriptions.endAll(error);
        subscribeFlow.failUnsubscribes(error != null ? error
                : new MqttConnectionClosedException("disconnected before the broker acknowledged the unsubscribe"));
    }

    /** The client closes: everything waiting fails with {@code cause}, subscriptions complete. */
    void close(Throwable cause) {
        outgoing.onDisconnected(cause, false);
        offline.failAll(cause);
        waiting.failAll(cause);
        subscribeFlow.failPending(cause);
        subscriptions.endAll(null);
        subscriptions.completeUnsolicited();
    }

    /**
     * Publishes now, or once connected when {@code connected} is false. A message of a stream
     * ({@code fromStream}) that finds its queue full, or others already waiting, waits for room instead of failing
     * with {@link io.mqttreactive.exception.MqttBufferFullException}; so does a single publish, for a bounded time,
     * when the options give it one and the queue would fail it rather than drop older ones.
     */
    void publish(MqttMessage message, MonoSink<PublishResult> sink, boolean connected, boolean fromStream) {
        if (telemetry.isProbed()) {
            sink = new MeasuredPublishSink(sink, message.qos(), telemetry);
        }
        boolean mayWait = fromStream || waiting.singlesWait() && (connected
                || options.flowControl().offlineQueueOverflow() == OfflineQueueOverflow.FAIL_NEW);
        if (mayWait && (!waiting.isEmpty() || !hasRoomFor(message, connected))) {
            if (fromStream) {
                waiting.add(message, sink);
            } else {
                waiting.addSingle(message, sink);
            }
            return;
        }
        submit(message, sink, connected);
    }

    private void submit(MqttMessage message, MonoSink<PublishResult> sink, boolean connected) {
        if (connected) {
            outgoing.submit(message, sink);
        } else {
            offline.add(message, sink);
        }
    }

    private boolean hasRoomFor(MqttMessage message, boolean connected) {
        return connected ? outgoing.hasRoomFor(message) : offline.hasRoomFor(message);
    }

    /** Lets waiting stream messages on as far as there is room now. */
    private void admitWaiting(boolean connected) {
        waiting.admit(message -> hasRoomFor(message, connected),
                (message, sink) -> submit(message, sink, connected));
    }

    <T> SubscriptionSink<T> subscribe(SubscribeRequest request, FluxSink<T> emitter, Acknowledgement acknowledgement,
            Consumer<SubscribeResult> acknowledged) {
        return subscriptions.subscribe(request, emitter, acknowledgement, acknowledged);
    }

    void unsubscribe(@Nullable SubscriptionSink<?> sink, SubscribeRequest request,
            UnsubscribeOutcome.Requester requester) {
        subscriptions.unsubscribe(sink, request, requester);
    }

    void unsolicited(FluxSink<MqttMessage> emitter) {
        subscriptions.unsolicited(emitter);
    }

    void onWritable() {
        outgoing.onWritable();
        admitWaiting(true);
    }

    /**
     * Hands a PUBLISH, an acknowledgement, SUBACK or UNSUBACK to its flow.
     *
     * @return false for any other packet, which is the connection's to handle
     */
    boolean dispatch(MqttPacket packet) {
        switch (packet.type()) {
            case PUBLISH -> {
                PublishPacket publish = (PublishPacket) packet;
                if (telemetry.isProbed()) {
                    telemetry.received(publish.qos());
                }
                incoming.onPublish(publish);
            }
            case PUBACK, PUBREC, PUBCOMP -> {
                outgoing.onAcknowledgement((AckPacket) packet);
                admitWaiting(true);
            }
            case PUBREL -> incoming.onPubRel((AckPacket) packet);
            case SUBACK -> subscribeFlow.onSubAck((SubAckPacket) packet);
            case UNSUBACK -> subscribeFlow.onUnsubAck((UnsubAckPacket) packet);
            default -> {
                return false;
            }
        }
        return true;
    }
}
