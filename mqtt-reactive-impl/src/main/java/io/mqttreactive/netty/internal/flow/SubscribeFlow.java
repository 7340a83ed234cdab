package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttSubscribeException;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.SubscribeReasonCode;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.message.UnsubscribeReasonCode;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.internal.client.PacketMapper;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import io.mqttreactive.netty.internal.routing.MessageSubscriber;
import io.mqttreactive.netty.internal.routing.SubscriptionRegistry;
import io.mqttreactive.netty.internal.session.PacketIdAllocator;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import io.mqttreactive.topic.MqttTopicFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * SUBSCRIBE and UNSUBSCRIBE with their acknowledgements, matched by packet id ([MQTT-2.3.1-7] 3.1.1): the broker
 * is sent SUBSCRIBE for a filter's first subscriber and UNSUBSCRIBE after its last. A SUBACK failure fails the
 * request with its reason codes, and every later request for a filter of it that subscribed before the SUBACK
 * came, since those were not sent again. Requests made while disconnected wait; without a session on reconnect, every
 * active subscription is subscribed again. A SUBSCRIBE the broker cannot take, as its CONNACK describes it
 * ({@link SubscribeLimits}), fails its request before any I/O and the client stays connected. MQTT 3.1.1 sections
 * 3.8 to 3.11, MQTT 5.0 sections 3.8 to 3.11. Confined to the event loop.
 */
public final class SubscribeFlow {

    /** Hears how one subscribe request ended. */
    public interface Requester {
        void subscribed(SubscribeResult result);

        void failed(Throwable error);
    }

    private final PacketIdAllocator packetIds;
    private final SubscriptionRegistry registry;
    private final Consumer<MqttClientEvent> events;
    private final Map<MessageSubscriber, ActiveSubscription> active = new IdentityHashMap<>();
    private final Map<MqttTopicFilter, SubscribeReasonCode> granted = new HashMap<>();
    private final ArrayDeque<PendingSubscribe> unsent = new ArrayDeque<>();
    private final ArrayDeque<List<MqttTopicFilter>> unsentUnsubscribes = new ArrayDeque<>();
    private final Map<Integer, PendingSubscribe> awaitingSubAck = new HashMap<>();
    private final Map<Integer, List<MqttTopicFilter>> awaitingUnsubAck = new HashMap<>();
    private @Nullable MqttChannel channel;
    private @Nullable ConnectResult server;

    public SubscribeFlow(PacketIdAllocator packetIds, SubscriptionRegistry registry, Consumer<MqttClientEvent> events) {
        this.packetIds = packetIds;
        this.registry = registry;
        this.events = events;
    }

    /** Registers a subscriber and asks the broker for the filters it is not subscribed to yet. */
    public void subscribe(SubscribeRequest request, MessageSubscriber subscriber, Requester requester) {
        List<MqttTopicFilter> added = registry.add(filters(request.subscriptions()), subscriber);
        active.put(subscriber, new ActiveSubscription(request, requester));
        List<Subscription> toSend = request.subscriptions().stream()
                .filter(subscription -> added.contains(subscription.filter()))
                .toList();
        List<PendingSubscribe> awaited = unacknowledgedCarrying(request, added);
        Requester outcome = awaited.isEmpty() ? requester
                : new JoinedRequester(request, requester, awaited.size() + (toSend.isEmpty() ? 0 : 1));
        awaited.forEach(pending -> pending.followers().add(new Follower(request, outcome, subscriber)));
        if (toSend.isEmpty()) {
            if (awaited.isEmpty()) {
                requester.subscribed(resultFromGranted(request));
            }
            return;
        }
        dispatch(new PendingSubscribe(narrow(request, toSend), request, outcome, subscriber));
    }

    /** Removes a subscriber and unsubscribes the filters nobody listens to any more. */
    public void unsubscribe(MessageSubscriber subscriber) {
        ActiveSubscription subscription = active.remove(subscriber);
        if (subscription == null) {
            return;
        }
        List<MqttTopicFilter> emptied = registry.remove(filters(subscription.request().subscriptions()), subscriber);
        emptied.forEach(granted::remove);
        if (!emptied.isEmpty()) {
            unsubscribeFilters(emptied);
        }
    }

    /**
     * Removes a subscriber whose flux ends with the session's connection (disconnect, close, lost connection)
     * rather than by the application's cancel: its filters leave the registry, but no UNSUBSCRIBE is sent or
     * queued, since a persistent session keeps them at the broker for the next connection and a clean one ends
     * with this one anyway.
     */
    public void forget(MessageSubscriber subscriber) {
        ActiveSubscription subscription = active.remove(subscriber);
        if (subscription != null) {
            registry.remove(filters(subscription.request().subscriptions()), subscriber).forEach(granted::remove);
        }
    }

    public void onSubAck(SubAckPacket subAck) {
        PendingSubscribe pending = awaitingSubAck.remove(subAck.packetId());
        if (pending == null) {
            return;
        }
        packetIds.release(subAck.packetId());
        List<SubscribeReasonCode> codes = subAck.reasonCodes().stream().map(SubscribeReasonCode::fromCode).toList();
        if (codes.size() != pending.sent.subscriptions().size()) {
            MqttSubscribeException error = new MqttSubscribeException("the SUBACK has " + codes.size()
                    + " reason codes for " + pending.sent.subscriptions().size() + " filters [MQTT-3.9.3-1]");
            pending.requester.failed(error);
            pending.followers().forEach(follower -> follower.requester().failed(error));
            return;
        }
        SubscribeResult result = new SubscribeResult(pending.sent.subscriptions(), codes,
                Optional.ofNullable(subAck.reasonString()), PacketMapper.toApi(subAck.userProperties()));
        for (int i = 0; i < codes.size(); i++) {
            if (!codes.get(i).isError()) {
                granted.put(pending.sent.subscriptions().get(i).filter(), codes.get(i));
            }
        }
        events.accept(new MqttClientEvent.Subscribed(result));
        if (result.isSuccess()) {
            pending.requester.subscribed(resultFromGranted(pending.original));
        } else {
            pending.requester.failed(new MqttSubscribeException(result));
        }
        pending.followers().forEach(follower -> follower.settle(result));
    }

    public void onUnsubAck(UnsubAckPacket unsubAck) {
        List<MqttTopicFilter> filters = awaitingUnsubAck.remove(unsubAck.packetId());
        if (filters == null) {
            return;
        }
        packetIds.release(unsubAck.packetId());
        List<UnsubscribeReasonCode> codes = unsubAck.reasonCodes().isEmpty()
                ? filters.stream().map(filter -> UnsubscribeReasonCode.SUCCESS).toList()
                : unsubAck.reasonCodes().stream().map(UnsubscribeReasonCode::fromCode).toList();
        events.accept(new MqttClientEvent.Unsubscribed(filters, codes));
    }

    /**
     * Sends what waited, within the limits of the broker's CONNACK; without a session, subscribes every active
     * subscription again.
     */
    public void onConnected(MqttChannel channel, ConnectResult server) {
        this.channel = channel;
        this.server = server;
        if (!server.sessionPresent()) {
            granted.clear();
            active.forEach((subscriber, subscription) -> {
                SubscribeRequest request = subscription.request();
                if (!isQueued(request)) {
                    unsent.addFirst(new PendingSubscribe(request, request, subscription.requester(), subscriber));
                }
            });
        }
        for (List<MqttTopicFilter> filters; (filters = unsentUnsubscribes.poll()) != null; ) {
            sendUnsubscribe(filters);
        }
        for (PendingSubscribe pending; (pending = unsent.poll()) != null; ) {
            send(pending);
        }
    }

    /** Stops sending; requests still waiting for their acknowledgement go out again on the next connection. */
    public void onDisconnected() {
        channel = null;
        awaitingSubAck.forEach((packetId, pending) -> {
            packetIds.release(packetId);
            unsent.add(pending);
        });
        awaitingSubAck.clear();
        awaitingUnsubAck.forEach((packetId, filters) -> {
            packetIds.release(packetId);
            unsentUnsubscribes.add(filters);
        });
        awaitingUnsubAck.clear();
    }

    /** Fails every request still waiting, as when the client closes. */
    public void failPending(Throwable cause) {
        List<PendingSubscribe> all = new ArrayList<>(unsent);
        all.addAll(awaitingSubAck.values());
        unsent.clear();
        all.forEach(pending -> {
            pending.requester.failed(cause);
            pending.followers().forEach(follower -> follower.requester().failed(cause));
        });
    }

    private void dispatch(PendingSubscribe pending) {
        if (channel != null) {
            send(pending);
        } else {
            unsent.add(pending);
        }
    }

    /** Sends a SUBSCRIBE, or refuses it before any I/O when the broker cannot take it. */
    private void send(PendingSubscribe pending) {
        SubscribeRequest request = pending.sent;
        MqttSubscribeException refusal = server != null ? SubscribeLimits.refusal(request, server) : null;
        if (refusal != null) {
            refuse(pending, refusal);
            return;
        }
        List<SubscriptionRequest> wire = request.subscriptions().stream()
                .map(subscription -> new SubscriptionRequest(subscription.filter().toString(),
                        subscription.options().maxQos(), subscription.options().noLocal(),
                        subscription.options().retainAsPublished(), subscription.options().retainHandling().code()))
                .toList();
        int packetId = packetIds.allocate();
        try {
            channel.send(new SubscribePacket(packetId, wire, request.subscriptionIdentifier().orElse(0),
                    PacketMapper.toWire(request.userProperties())));
        } catch (MqttEncodeException e) {
            packetIds.release(packetId);
            refuse(pending, SubscribeLimits.encodeFailure(e));
            return;
        }
        awaitingSubAck.put(packetId, pending);
        registry.identify(filters(request.subscriptions()), request.subscriptionIdentifier());
    }

    /**
     * Fails a SUBSCRIBE the client does not send, and its subscriber, leaving the client connected. What the
     * subscriber's other filters hold at the broker alone is unsubscribed; later subscribers that waited on this
     * SUBSCRIBE for filters they share ask for those themselves.
     */
    private void refuse(PendingSubscribe pending, MqttSubscribeException error) {
        List<MqttTopicFilter> notSent = filters(pending.sent.subscriptions());
        ActiveSubscription subscription = active.remove(pending.subscriber);
        if (subscription != null) {
            List<MqttTopicFilter> emptied = registry.remove(filters(subscription.request().subscriptions()),
                    pending.subscriber);
            emptied.forEach(granted::remove);
            List<MqttTopicFilter> atBroker = emptied.stream().filter(filter -> !notSent.contains(filter)).toList();
            if (!atBroker.isEmpty()) {
                unsubscribeFilters(atBroker);
            }
        }
        pending.requester.failed(error);
        for (Follower follower : pending.followers()) {
            List<Subscription> shared = follower.request().subscriptions().stream()
                    .filter(own -> notSent.contains(own.filter()))
                    .toList();
            if (active.containsKey(follower.subscriber()) && !isQueued(follower.request())) {
                dispatch(new PendingSubscribe(narrow(follower.request(), shared), follower.request(),
                        follower.requester(), follower.subscriber()));
            }
        }
    }

    /** Tells whether a SUBSCRIBE for a whole request waits to be sent or for its SUBACK. */
    private boolean isQueued(SubscribeRequest request) {
        return Stream.concat(unsent.stream(), awaitingSubAck.values().stream())
                .anyMatch(pending -> pending.original == request);
    }

    private void unsubscribeFilters(List<MqttTopicFilter> filters) {
        if (channel != null) {
            sendUnsubscribe(filters);
        } else {
            unsentUnsubscribes.add(filters);
        }
    }

    /**
     * Sends UNSUBSCRIBE; one larger than the broker's Maximum Packet Size ([MQTT-3.2.2-15] 5.0) goes out as one
     * UNSUBSCRIBE per filter instead, and a filter that alone does not fit stays subscribed at the broker.
     */
    private void sendUnsubscribe(List<MqttTopicFilter> filters) {
        int packetId = packetIds.allocate();
        try {
            channel.send(UnsubscribePacket.of(packetId, filters.stream().map(MqttTopicFilter::toString).toList()));
        } catch (MqttEncodeException tooLarge) {
            packetIds.release(packetId);
            if (filters.size() > 1) {
                filters.forEach(filter -> sendUnsubscribe(List.of(filter)));
            }
            return;
        }
        awaitingUnsubAck.put(packetId, filters);
    }

    /**
     * Returns the SUBSCRIBE packets not acknowledged yet that carry filters of {@code request} other than the
     * {@code added} ones: the request's outcome depends on their SUBACK too.
     */
    private List<PendingSubscribe> unacknowledgedCarrying(SubscribeRequest request, List<MqttTopicFilter> added) {
        List<MqttTopicFilter> shared = filters(request.subscriptions()).stream()
                .filter(filter -> !added.contains(filter))
                .toList();
        if (shared.isEmpty()) {
            return List.of();
        }
        List<PendingSubscribe> unacknowledged = new ArrayList<>(awaitingSubAck.values());
        unacknowledged.addAll(unsent);
        return unacknowledged.stream()
                .filter(pending -> filters(pending.sent.subscriptions()).stream().anyMatch(shared::contains))
                .toList();
    }

    private SubscribeResult resultFromGranted(SubscribeRequest request) {
        List<SubscribeReasonCode> codes = request.subscriptions().stream()
                .map(subscription -> granted.getOrDefault(subscription.filter(),
                        SubscribeReasonCode.granted(subscription.options().maxQos())))
                .toList();
        return new SubscribeResult(request.subscriptions(), codes, Optional.empty(), UserProperties.empty());
    }

    private static SubscribeRequest narrow(SubscribeRequest request, List<Subscription> subscriptions) {
        return new SubscribeRequest(subscriptions, request.subscriptionIdentifier(), request.userProperties());
    }

    private static List<MqttTopicFilter> filters(List<Subscription> subscriptions) {
        return subscriptions.stream().map(Subscription::filter).toList();
    }

    /**
     * A SUBSCRIBE to send or awaiting its SUBACK; {@code followers} are later requests for some of its filters,
     * which the broker is not asked for again and which share its outcome.
     */
    private record PendingSubscribe(SubscribeRequest sent, SubscribeRequest original, Requester requester,
            MessageSubscriber subscriber, List<Follower> followers) {

        PendingSubscribe(SubscribeRequest sent, SubscribeRequest original, Requester requester,
                MessageSubscriber subscriber) {
            this(sent, original, requester, subscriber, new ArrayList<>());
        }
    }

    /** A subscriber's request and who hears of its outcome, kept to subscribe again on a new session. */
    private record ActiveSubscription(SubscribeRequest request, Requester requester) {
    }

    /** A request waiting on another request's SUBACK for some of its filters. */
    private record Follower(SubscribeRequest request, Requester requester, MessageSubscriber subscriber) {

        /** Fails the follower if the SUBACK rejected one of its filters, else counts the SUBACK as granted. */
        void settle(SubscribeResult result) {
            List<MqttTopicFilter> own = filters(request.subscriptions());
            boolean rejected = false;
            for (int i = 0; i < result.reasonCodes().size(); i++) {
                rejected |= result.reasonCodes().get(i).isError()
                        && own.contains(result.subscriptions().get(i).filter());
            }
            if (rejected) {
                requester.failed(new MqttSubscribeException(result));
            } else {
                requester.subscribed(result);
            }
        }
    }

    /** Tells a requester the outcome once every SUBACK its filters depend on has come: the first failure, or success. */
    private final class JoinedRequester implements Requester {

        private final SubscribeRequest request;
        private final Requester requester;
        private int outstanding;
        private boolean failed;

        JoinedRequester(SubscribeRequest request, Requester requester, int outstanding) {
            this.request = request;
            this.requester = requester;
            this.outstanding = outstanding;
        }

        @Override
        public void subscribed(SubscribeResult result) {
            if (!failed && --outstanding == 0) {
                requester.subscribed(resultFromGranted(request));
            }
        }

        @Override
        public void failed(Throwable error) {
            if (!failed) {
                failed = true;
                requester.failed(error);
            }
        }
    }
}
