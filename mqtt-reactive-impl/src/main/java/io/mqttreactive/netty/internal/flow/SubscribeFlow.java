package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttSubscribeException;
import io.mqttreactive.message.SubscribeReasonCode;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.message.UnsubscribeReasonCode;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.internal.client.PacketMapper;
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
import org.jspecify.annotations.Nullable;

/**
 * SUBSCRIBE and UNSUBSCRIBE with their acknowledgements, matched by packet id ([MQTT-2.3.1-7] 3.1.1): the broker
 * is sent SUBSCRIBE for a filter's first subscriber and UNSUBSCRIBE after its last. A SUBACK failure fails the
 * request with its reason codes, and every later request for a filter of it that subscribed before the SUBACK
 * came, since those were not sent again. Requests made while disconnected wait; without a session on reconnect, every
 * active subscription is subscribed again. MQTT 3.1.1 sections 3.8 to 3.11, MQTT 5.0 sections 3.8 to 3.11.
 * Confined to the event loop.
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
        awaited.forEach(pending -> pending.followers().add(new Follower(request, outcome)));
        if (toSend.isEmpty()) {
            if (awaited.isEmpty()) {
                requester.subscribed(resultFromGranted(request));
            }
            return;
        }
        PendingSubscribe pending = new PendingSubscribe(narrow(request, toSend), request, outcome);
        if (channel != null) {
            send(pending);
        } else {
            unsent.add(pending);
        }
    }

    /** Removes a subscriber and unsubscribes the filters nobody listens to any more. */
    public void unsubscribe(MessageSubscriber subscriber) {
        ActiveSubscription subscription = active.remove(subscriber);
        if (subscription == null) {
            return;
        }
        List<MqttTopicFilter> emptied = registry.remove(filters(subscription.request().subscriptions()), subscriber);
        emptied.forEach(granted::remove);
        if (emptied.isEmpty()) {
            return;
        }
        if (channel != null) {
            sendUnsubscribe(emptied);
        } else {
            unsentUnsubscribes.add(emptied);
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

    /** Sends what waited; without a session, subscribes every active subscription again. */
    public void onConnected(MqttChannel channel, boolean sessionPresent) {
        this.channel = channel;
        if (!sessionPresent) {
            granted.clear();
            active.forEach((subscriber, subscription) -> {
                SubscribeRequest request = subscription.request();
                if (unsent.stream().noneMatch(pending -> pending.original == request)) {
                    unsent.addFirst(new PendingSubscribe(request, request, subscription.requester()));
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

    private void send(PendingSubscribe pending) {
        int packetId = packetIds.allocate();
        awaitingSubAck.put(packetId, pending);
        SubscribeRequest request = pending.sent;
        registry.identify(filters(request.subscriptions()), request.subscriptionIdentifier());
        List<SubscriptionRequest> wire = request.subscriptions().stream()
                .map(subscription -> new SubscriptionRequest(subscription.filter().toString(),
                        subscription.options().maxQos(), subscription.options().noLocal(),
                        subscription.options().retainAsPublished(), subscription.options().retainHandling().code()))
                .toList();
        channel.send(new SubscribePacket(packetId, wire, request.subscriptionIdentifier().orElse(0),
                PacketMapper.toWire(request.userProperties())));
    }

    private void sendUnsubscribe(List<MqttTopicFilter> filters) {
        int packetId = packetIds.allocate();
        awaitingUnsubAck.put(packetId, filters);
        channel.send(UnsubscribePacket.of(packetId, filters.stream().map(MqttTopicFilter::toString).toList()));
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
            List<Follower> followers) {

        PendingSubscribe(SubscribeRequest sent, SubscribeRequest original, Requester requester) {
            this(sent, original, requester, new ArrayList<>());
        }
    }

    /** A request waiting on another request's SUBACK for some of its filters. */
    /** A subscriber's request and who hears of its outcome, kept to subscribe again on a new session. */
    private record ActiveSubscription(SubscribeRequest request, Requester requester) {
    }

    private record Follower(SubscribeRequest request, Requester requester) {

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
