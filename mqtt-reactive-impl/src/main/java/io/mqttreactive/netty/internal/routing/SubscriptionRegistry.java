package io.mqttreactive.netty.internal.routing;

import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.topic.MqttTopicFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Who listens to which topic filter: routes each received message to every matching subscriber once, however
 * many of its filters match, and counts subscribers per filter so that the broker is sent SUBSCRIBE for the
 * first and UNSUBSCRIBE after the last. Shared subscriptions route by the filter after their share name.
 * A message that carries Subscription Identifiers (MQTT 5.0) is the copy for the subscriptions holding one of
 * them ([MQTT-3.3.4-3], [MQTT-3.3.4-4], [MQTT-3.3.4-5] (5.0)): it goes only to those, and to subscriptions without
 * identifier, so a broker that sends one copy per overlapping subscription does not make each subscriber see
 * every copy. Confined to the event loop.
 */
public final class SubscriptionRegistry {

    private final TopicFilterTrie<Route> trie = new TopicFilterTrie<>();
    private final Map<MqttTopicFilter, Integer> subscribersPerFilter = new HashMap<>();
    private final Map<MqttTopicFilter, Integer> identifiers = new HashMap<>();

    /**
     * Registers a subscriber for filters.
     *
     * @return the filters that had no subscriber before, for which the broker must be sent SUBSCRIBE
     */
    public List<MqttTopicFilter> add(List<MqttTopicFilter> filters, MessageSubscriber subscriber) {
        List<MqttTopicFilter> added = new ArrayList<>(filters.size());
        for (MqttTopicFilter filter : filters) {
            trie.add(routingFilter(filter), new Route(subscriber, filter));
            if (subscribersPerFilter.merge(filter, 1, Integer::sum) == 1) {
                added.add(filter);
            }
        }
        return added;
    }

    /**
     * Removes a subscriber from filters.
     *
     * @return the filters left without subscriber, for which the broker must be sent UNSUBSCRIBE
     */
    public List<MqttTopicFilter> remove(List<MqttTopicFilter> filters, MessageSubscriber subscriber) {
        List<MqttTopicFilter> emptied = new ArrayList<>(filters.size());
        for (MqttTopicFilter filter : filters) {
            if (trie.remove(routingFilter(filter), new Route(subscriber, filter))
                    && subscribersPerFilter.merge(filter, -1, Integer::sum) == 0) {
                subscribersPerFilter.remove(filter);
                identifiers.remove(filter);
                emptied.add(filter);
            }
        }
        return emptied;
    }

    /**
     * Records the Subscription Identifier the broker holds for filters, since a SUBSCRIBE with it (or without one)
     * was just sent for them.
     */
    public void identify(List<MqttTopicFilter> filters, OptionalInt subscriptionIdentifier) {
        for (MqttTopicFilter filter : filters) {
            if (subscriptionIdentifier.isPresent()) {
                identifiers.put(filter, subscriptionIdentifier.getAsInt());
            } else {
                identifiers.remove(filter);
            }
        }
    }

    public boolean isActive(MqttTopicFilter filter) {
        return subscribersPerFilter.containsKey(filter);
    }

    /**
     * Hands a message to every subscriber whose filter matches its topic, holding {@code delivery} once for each.
     *
     * @return the number of subscribers that got it
     */
    public int route(MqttMessage message, @Nullable InboundDelivery delivery) {
        List<MessageSubscriber> matched = new ArrayList<>(2);
        List<Integer> carried = message.subscriptionIdentifiers();
        trie.match(message.topic().toString(), route -> {
            if (isAddressedTo(route, carried) && !containsSame(matched, route.subscriber())) {
                matched.add(route.subscriber());
            }
        });
        for (MessageSubscriber subscriber : matched) {
            if (delivery != null) {
                delivery.hold();
            }
            subscriber.deliver(message, delivery);
        }
        return matched.size();
    }

    private boolean isAddressedTo(Route route, List<Integer> carriedIdentifiers) {
        if (carriedIdentifiers.isEmpty()) {
            return true;
        }
        Integer identifier = identifiers.get(route.filter());
        return identifier == null || carriedIdentifiers.contains(identifier);
    }

    private static boolean containsSame(List<MessageSubscriber> subscribers, MessageSubscriber candidate) {
        for (MessageSubscriber subscriber : subscribers) {
            if (subscriber == candidate) {
                return true;
            }
        }
        return false;
    }

    private static String routingFilter(MqttTopicFilter filter) {
        return filter.isShared() ? filter.topicFilter() : filter.toString();
    }

    /** One subscriber on one of its filters. */
    private record Route(MessageSubscriber subscriber, MqttTopicFilter filter) {
    }
}
