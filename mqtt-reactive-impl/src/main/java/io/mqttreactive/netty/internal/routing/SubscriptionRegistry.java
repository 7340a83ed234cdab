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
 * every copy. When no matching subscription holds any identifier it carries (one the broker matched under before
 * the filter was subscribed again with another identifier, or one of an earlier process on the same session), it
 * goes to every matching subscriber, as without identifiers: a copy too many rather than a message lost.
 * Confined to the event loop.
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
        List<Route> routes = new ArrayList<>(2);
        trie.match(message.topic().toString(), routes::add);
        List<Integer> carried = message.subscriptionIdentifiers();
        boolean identified = isIdentifiedFor(routes, carried);
        List<MessageSubscriber> matched = new ArrayList<>(routes.size());
        for (Route route : routes) {
            if ((!identified || isAddressedTo(route, carried)) && !containsSame(matched, route.subscriber())) {
                matched.add(route.subscriber());
            }
        }
        for (MessageSubscriber subscriber : matched) {
            if (delivery != null) {
                delivery.hold();
            }
            subscriber.deliver(message, delivery);
        }
        return matched.size();
    }

    /** Tells whether one of the routes holds one of the carried identifiers. */
    private boolean isIdentifiedFor(List<Route> routes, List<Integer> carriedIdentifiers) {
        if (carriedIdentifiers.isEmpty()) {
            return false;
        }
        for (Route route : routes) {
            Integer identifier = identifiers.get(route.filter());
            if (identifier != null && carriedIdentifiers.contains(identifier)) {
                return true;
            }
        }
        return false;
    }

    private boolean isAddressedTo(Route route, List<Integer> carriedIdentifiers) {
        Integer identifier = identifiers.get(route.filter());
        return identifier == null || carriedIdentifiers.contains(identifier);
    }

    /** Tells whether some filter holds this Subscription Identifier. */
    public boolean isIdentifierInUse(int identifier) {
        return identifiers.containsValue(identifier);
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
