package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.netty.internal.flow.PendingSubscribe.filters;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttSubscribeException;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.SubscribeReasonCode;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.message.SubscriptionOptions;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.internal.mapping.PacketMapper;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.flow.PendingSubscribe.Follower;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.mqttreactive.netty.internal.routing.MessageSubscriber;
import io.mqttreactive.netty.internal.routing.SubscriptionRegistry;
import io.mqttreactive.netty.internal.session.PacketIdAllocator;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.topic.MqttTopicFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * SUBSCRIBE and UNSUBSCRIBE with their acknowledgements, matched by packet id ([MQTT-2.3.1-7] 3.1.1): the broker
 * is sent SUBSCRIBE for a filter's first subscriber, and again when a later one asks for other options, which then
 * replace the broker's subscription ([MQTT-3.8.4-3]) and stay in force; UNSUBSCRIBE goes out after the filter's last
 * subscriber leaves, for filters a SUBSCRIBE was sent for. A SUBACK failure fails the request with its reason codes,
 * and every later request for a filter of it that subscribed before the SUBACK came, since those were not sent
 * again. Requests made while disconnected wait in a bounded queue ({@link OfflineSubscribes}); without a session on
 * reconnect, every active subscription is subscribed again, with the options in force. A SUBSCRIBE the broker cannot
 * take, as its CONNACK describes it ({@link SubscribeLimits}), fails its request before any I/O and the client stays
 * connected. MQTT 3.1.1 sections 3.8 to 3.11, MQTT 5.0 sections 3.8 to 3.11. Confined to the event loop.
 */
public final class SubscribeFlow {

    /** Hears how one subscribe request ended. */
    public interface Requester {
        void subscribed(SubscribeResult result);

        void failed(Throwable error);
    }

    private static final int MAXIMUM_SUBSCRIPTION_IDENTIFIER = 268_435_455;

    private final PacketIdAllocator packetIds;
    private final SubscriptionRegistry registry;
    private final Consumer<MqttClientEvent> events;
    private final Map<MessageSubscriber, ActiveSubscription> active = new IdentityHashMap<>();
    private final Map<MqttTopicFilter, SubscribeReasonCode> granted = new HashMap<>();
    private final Map<MqttTopicFilter, SubscriptionOptions> inForce = new HashMap<>();
    private final Set<MqttTopicFilter> atBroker = new HashSet<>();
    private final ArrayDeque<PendingSubscribe> resend = new ArrayDeque<>();
    private final OfflineSubscribes offline;
    private final Map<Integer, PendingSubscribe> awaitingSubAck = new HashMap<>();
    private final Unsubscribes unsubscribes;
    private final boolean automaticIdentifiers;
    private int nextAutomaticIdentifier = MAXIMUM_SUBSCRIPTION_IDENTIFIER + 1;
    private @Nullable MqttChannel channel;
    private @Nullable ConnectResult server;

    public SubscribeFlow(PacketIdAllocator packetIds, SubscriptionRegistry registry, FlowControlOptions flowControl,
            boolean automaticIdentifiers, Consumer<MqttClientEvent> events) {
        this.packetIds = packetIds;
        this.automaticIdentifiers = automaticIdentifiers;
        this.registry = registry;
        this.events = events;
        this.offline = new OfflineSubscribes(flowControl.offlineSubscriptionQueueSize(),
                flowControl.offlineQueueOverflow(), events);
        this.unsubscribes = new Unsubscribes(packetIds, events);
    }

    /**
     * Registers a subscriber and asks the broker for the filters it is not subscribed to yet, or with other
     * options than those in force.
     */
    public void subscribe(SubscribeRequest request, MessageSubscriber subscriber, Requester requester) {
        List<MqttTopicFilter> added = registry.add(filters(request.subscriptions()), subscriber);
        active.put(subscriber, new ActiveSubscription(request, requester));
        List<Subscription> toSend = request.subscriptions().stream()
                .filter(subscription -> added.contains(subscription.filter())
                        || !subscription.options().equals(inForce.get(subscription.filter())))
                .toList();
        toSend.forEach(subscription -> inForce.put(subscription.filter(), subscription.options()));
        List<PendingSubscribe> awaited = unacknowledgedCarrying(request, filters(toSend));
        Requester outcome = awaited.isEmpty() ? requester
                : new JoinedRequester(requester, awaited.size() + (toSend.isEmpty() ? 0 : 1),
                        () -> resultFromGranted(request));
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
        unsubscribe(subscriber, null);
    }

    /**
     * Removes a subscriber, withdraws its SUBSCRIBE if that still waits to be sent, unsubscribes the filters nobody
     * listens to any more, and tells {@code outcome} the result: at once if no UNSUBSCRIBE is needed, else on the
     * UNSUBACK.
     */
    public void unsubscribe(MessageSubscriber subscriber, @Nullable UnsubscribeOutcome outcome) {
        ActiveSubscription subscription = active.remove(subscriber);
        if (subscription == null) {
            if (outcome != null) {
                outcome.nothingSubscribed();
            }
            return;
        }
        withdraw(subscriber);
        unsubscribeEmptied(release(subscriber, subscription), outcome);
        if (outcome != null) {
            outcome.finishIfAnswered();
        }
    }

    /**
     * Forgets every subscriber, as their fluxes end with the session's connection (disconnect, close, lost
     * connection) rather than by the application: their filters leave the registry and their SUBSCRIBE packets that
     * still wait are dropped, but no UNSUBSCRIBE is sent or queued, since a persistent session keeps them at the
     * broker for the next connection and a clean one ends with this one anyway.
     */
    public void forgetAll() {
        active.forEach((subscriber, subscription) ->
                registry.remove(filters(subscription.request().subscriptions()), subscriber));
        active.clear();
        granted.clear();
        inForce.clear();
        resend.clear();
        offline.clear();
    }

    public void onSubAck(SubAckPacket subAck) {
        PendingSubscribe pending = awaitingSubAck.remove(subAck.packetId());
        if (pending == null) {
            return;
        }
        packetIds.release(subAck.packetId());
        List<Subscription> sent = pending.sent().subscriptions();
        List<SubscribeReasonCode> codes = subAck.reasonCodes().stream().map(SubscribeReasonCode::fromCode).toList();
        if (codes.size() != sent.size()) {
            pending.fail(new MqttSubscribeException("the SUBACK has " + codes.size() + " reason codes for "
                    + sent.size() + " filters [MQTT-3.9.3-1]"));
            return;
        }
        SubscribeResult result = new SubscribeResult(sent, codes, Optional.ofNullable(subAck.reasonString()),
                PacketMapper.toApi(subAck.userProperties()));
        List<Subscription> refused = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).isError()) {
                refused.add(sent.get(i));
            } else if (registry.isActive(sent.get(i).filter())) {
                granted.put(sent.get(i).filter(), codes.get(i));
            }
        }
        forgetOptions(refused);
        events.accept(new MqttClientEvent.Subscribed(result));
        if (result.isSuccess()) {
            pending.requester().subscribed(resultFromGranted(pending.original()));
        } else {
            pending.requester().failed(new MqttSubscribeException(result));
        }
        pending.followers().forEach(follower -> follower.settle(result));
    }

    public void onUnsubAck(UnsubAckPacket unsubAck) {
        unsubscribes.onUnsubAck(unsubAck);
    }

    /**
     * Sends what waited, within the limits of the broker's CONNACK; without a session, subscribes every active
     * subscription again, with the options in force.
     */
    public void onConnected(MqttChannel channel, ConnectResult server) {
        this.channel = channel;
        this.server = server;
        if (!server.sessionPresent()) {
            granted.clear();
            atBroker.clear();
            active.forEach((subscriber, subscription) -> {
                SubscribeRequest request = subscription.request();
                if (!isQueued(request)) {
                    resend.addFirst(new PendingSubscribe(withOptionsInForce(request), request,
                            subscription.requester(), subscriber));
                }
            });
        }
        unsubscribes.onConnected(channel);
        for (PendingSubscribe pending; (pending = resend.poll()) != null; ) {
            send(pending);
        }
        for (PendingSubscribe pending; (pending = offline.poll()) != null; ) {
            send(pending);
        }
    }

    /** Stops sending; requests still waiting for their acknowledgement go out again on the next connection. */
    public void onDisconnected() {
        channel = null;
        awaitingSubAck.forEach((packetId, pending) -> {
            packetIds.release(packetId);
            resend.add(pending);
        });
        awaitingSubAck.clear();
        unsubscribes.onDisconnected();
    }

    /** Fails the unsubscribes still waiting for their UNSUBACK, as the session ends. */
    public void failUnsubscribes(Throwable cause) {
        unsubscribes.failWaiting(cause);
    }

    /** Fails every request still waiting, as when the client closes. */
    public void failPending(Throwable cause) {
        List<PendingSubscribe> all = new ArrayList<>(resend);
        all.addAll(offline.stream().toList());
        all.addAll(awaitingSubAck.values());
        resend.clear();
        offline.clear();
        all.forEach(pending -> pending.fail(cause));
        unsubscribes.failWaiting(cause);
    }

    private void dispatch(PendingSubscribe pending) {
        if (channel != null) {
            send(pending);
            return;
        }
        PendingSubscribe leftOut = offline.add(pending);
        if (leftOut != null) {
            refuse(leftOut, offline.full());
        }
    }

    /**
     * Sends or queues the SUBSCRIBE of a request that joined one that will not be answered; it took no room in the
     * offline queue when it joined and loses no place for lack of it now, so the queue may exceed its bound by the
     * subscriptions that joined another one.
     */
    private void dispatchFollower(PendingSubscribe pending) {
        if (channel != null) {
            send(pending);
        } else {
            offline.addPastBound(pending);
        }
    }

    /** Sends a SUBSCRIBE, or refuses it before any I/O when the broker cannot take it. */
    private void send(PendingSubscribe pending) {
        SubscribeRequest request = pending.sent();
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
        OptionalInt identifier = identifierFor(request);
        int packetId = packetIds.allocate();
        try {
            channel.send(new SubscribePacket(packetId, wire, identifier.orElse(0),
                    PacketMapper.toWire(request.userProperties())));
        } catch (MqttEncodeException e) {
            packetIds.release(packetId);
            refuse(pending, SubscribeLimits.encodeFailure(e));
            return;
        }
        awaitingSubAck.put(packetId, pending);
        atBroker.addAll(pending.sentFilters());
        registry.identify(pending.sentFilters(), identifier);
    }

    /**
     * The request's own Subscription Identifier; without one, a new identifier of the client's when it chooses them
     * and the broker takes them, so that a copy of a message per overlapping subscription reaches only its own
     * subscriber. Automatic identifiers count down from the largest, skipping those in use.
     */
    private OptionalInt identifierFor(SubscribeRequest request) {
        if (request.subscriptionIdentifier().isPresent() || !automaticIdentifiers || server == null
                || !channel.encodeContext().version().isMqtt5() || !server.subscriptionIdentifiersAvailable()) {
            return request.subscriptionIdentifier();
        }
        do {
            nextAutomaticIdentifier = nextAutomaticIdentifier > 1 ? nextAutomaticIdentifier - 1
                    : MAXIMUM_SUBSCRIPTION_IDENTIFIER;
        } while (registry.isIdentifierInUse(nextAutomaticIdentifier));
        return OptionalInt.of(nextAutomaticIdentifier);
    }

    /**
     * Fails a SUBSCRIBE the client does not send, and its subscriber, leaving the client connected. What the
     * subscriber's filters hold at the broker alone is unsubscribed; later subscribers that waited on this SUBSCRIBE
     * for filters they share ask for those themselves.
     */
    private void refuse(PendingSubscribe pending, Throwable error) {
        forgetOptions(pending.sent().subscriptions());
        ActiveSubscription subscription = active.remove(pending.subscriber());
        if (subscription != null) {
            unsubscribeEmptied(release(pending.subscriber(), subscription), null);
        }
        pending.requester().failed(error);
        askForFollowers(pending);
    }

    /** Withdraws the SUBSCRIBE packets of a subscriber that still wait to be sent. */
    private void withdraw(MessageSubscriber subscriber) {
        List<PendingSubscribe> withdrawn = new ArrayList<>(offline.remove(subscriber));
        resend.stream().filter(pending -> pending.subscriber() == subscriber).forEach(withdrawn::add);
        resend.removeIf(pending -> pending.subscriber() == subscriber);
        withdrawn.forEach(this::askForFollowers);
    }

    /** Sends, for the active followers of a SUBSCRIBE that will not be answered, the filters they shared with it. */
    private void askForFollowers(PendingSubscribe pending) {
        List<MqttTopicFilter> notSent = pending.sentFilters();
        for (Follower follower : pending.followers()) {
            List<Subscription> shared = follower.request().subscriptions().stream()
                    .filter(own -> notSent.contains(own.filter()))
                    .toList();
            if (active.containsKey(follower.subscriber()) && !isQueued(follower.request())) {
                dispatchFollower(new PendingSubscribe(narrow(follower.request(), shared), follower.request(),
                        follower.requester(), follower.subscriber()));
            }
        }
    }

    /** Removes a subscriber from the registry; returns the filters left without subscriber. */
    private List<MqttTopicFilter> release(MessageSubscriber subscriber, ActiveSubscription subscription) {
        List<MqttTopicFilter> emptied = registry.remove(filters(subscription.request().subscriptions()), subscriber);
        emptied.forEach(granted::remove);
        emptied.forEach(inForce::remove);
        return emptied;
    }

    /** Unsubscribes the filters left without subscriber that a SUBSCRIBE was sent for. */
    private void unsubscribeEmptied(List<MqttTopicFilter> emptied, @Nullable UnsubscribeOutcome outcome) {
        List<MqttTopicFilter> subscribed = emptied.stream().filter(atBroker::remove).toList();
        if (!subscribed.isEmpty()) {
            unsubscribes.unsubscribe(subscribed, outcome);
        }
    }

    /**
     * Forgets the options in force for filters whose SUBSCRIBE with these options was refused, unless a newer
     * request changed them since: the next request for such a filter is sent whatever its options.
     */
    private void forgetOptions(List<Subscription> refused) {
        refused.forEach(subscription -> inForce.remove(subscription.filter(), subscription.options()));
    }

    /**
     * Tells whether a SUBSCRIBE for a request waits to be sent or for its SUBACK, or the request follows one that
     * does.
     */
    private boolean isQueued(SubscribeRequest request) {
        return Stream.of(resend.stream(), offline.stream(), awaitingSubAck.values().stream())
                .flatMap(pending -> pending)
                .anyMatch(pending -> pending.original() == request
                        || pending.followers().stream().anyMatch(follower -> follower.request() == request));
    }

    /**
     * Returns the SUBSCRIBE packets not acknowledged yet that carry filters of {@code request} other than the
     * {@code sent} ones: the request's outcome depends on their SUBACK too.
     */
    private List<PendingSubscribe> unacknowledgedCarrying(SubscribeRequest request, List<MqttTopicFilter> sent) {
        List<MqttTopicFilter> shared = filters(request.subscriptions()).stream()
                .filter(filter -> !sent.contains(filter))
                .toList();
        if (shared.isEmpty()) {
            return List.of();
        }
        return Stream.of(awaitingSubAck.values().stream(), resend.stream(), offline.stream())
                .flatMap(pending -> pending)
                .filter(pending -> pending.sentFilters().stream().anyMatch(shared::contains))
                .toList();
    }

    private SubscribeResult resultFromGranted(SubscribeRequest request) {
        List<SubscribeReasonCode> codes = request.subscriptions().stream()
                .map(subscription -> granted.getOrDefault(subscription.filter(),
                        SubscribeReasonCode.granted(subscription.options().maxQos())))
                .toList();
        return new SubscribeResult(request.subscriptions(), codes, Optional.empty(), UserProperties.empty());
    }

    private SubscribeRequest withOptionsInForce(SubscribeRequest request) {
        return narrow(request, request.subscriptions().stream()
                .map(own -> new Subscription(own.filter(), inForce.getOrDefault(own.filter(), own.options())))
                .toList());
    }

    private static SubscribeRequest narrow(SubscribeRequest request, List<Subscription> subscriptions) {
        return new SubscribeRequest(subscriptions, request.subscriptionIdentifier(), request.userProperties());
    }

    /** A subscriber's request and who hears of its outcome, kept to subscribe again on a new session. */
    private record ActiveSubscription(SubscribeRequest request, Requester requester) {
    }
}
