package io.mqttreactive.netty.internal.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Routes a topic name to every subscriber whose topic filter matches it (MQTT 3.1.1 section 4.7, MQTT 5.0
 * section 4.7): one trie level per topic level, '+' matches exactly one level, '#' matches the parent level and
 * any number of levels below, and a filter starting with a wildcard never matches a topic starting with '$'
 * ([MQTT-4.7.2-1]). Matching costs one map lookup per level and wildcard branch, whatever the number of filters.
 * Filters are assumed valid; shared subscriptions are added by the filter after their share name.
 * Confined to one thread: not thread-safe.
 *
 * @param <S> the subscriber type
 */
public final class TopicFilterTrie<S> {

    private final Node<S> root = new Node<>();
    private int size;

    /** Adds a subscriber for a filter; the same subscriber may be added to several filters. */
    public void add(String filter, S subscriber) {
        Node<S> node = root;
        for (String level : filter.split("/", -1)) {
            node = node.children.computeIfAbsent(level, key -> new Node<>());
        }
        node.subscribers.add(subscriber);
        size++;
    }

    /** Removes a subscriber from a filter; returns whether it was there. */
    public boolean remove(String filter, S subscriber) {
        String[] levels = filter.split("/", -1);
        boolean removed = remove(root, levels, 0, subscriber);
        if (removed) {
            size--;
        }
        return removed;
    }

    private boolean remove(Node<S> node, String[] levels, int depth, S subscriber) {
        if (depth == levels.length) {
            return node.subscribers.remove(subscriber);
        }
        Node<S> child = node.children.get(levels[depth]);
        if (child == null || !remove(child, levels, depth + 1, subscriber)) {
            return false;
        }
        if (child.isEmpty()) {
            node.children.remove(levels[depth]);
        }
        return true;
    }

    /** Passes every subscriber whose filter matches {@code topic} to {@code action}, once per matching filter. */
    public void match(String topic, Consumer<? super S> action) {
        List<String> levels = split(topic);
        boolean dollarTopic = topic.startsWith("$");
        match(root, levels, 0, dollarTopic, action);
    }

    /** Returns the number of (filter, subscriber) pairs. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    private void match(Node<S> node, List<String> levels, int depth, boolean dollarTopic, Consumer<? super S> action) {
        boolean wildcardsAllowed = !(dollarTopic && depth == 0);
        if (wildcardsAllowed) {
            Node<S> multi = node.children.get("#");
            if (multi != null) {
                multi.subscribers.forEach(action);
            }
        }
        if (depth == levels.size()) {
            node.subscribers.forEach(action);
            return;
        }
        Node<S> exact = node.children.get(levels.get(depth));
        if (exact != null) {
            match(exact, levels, depth + 1, dollarTopic, action);
        }
        if (wildcardsAllowed) {
            Node<S> single = node.children.get("+");
            if (single != null) {
                match(single, levels, depth + 1, dollarTopic, action);
            }
        }
    }

    private static List<String> split(String topic) {
        List<String> levels = new ArrayList<>(8);
        int start = 0;
        for (int slash = topic.indexOf('/'); slash >= 0; slash = topic.indexOf('/', start)) {
            levels.add(topic.substring(start, slash));
            start = slash + 1;
        }
        levels.add(topic.substring(start));
        return levels;
    }

    private static final class Node<S> {
        final Map<String, Node<S>> children = new HashMap<>(4);
        final List<S> subscribers = new ArrayList<>(1);

        boolean isEmpty() {
            return children.isEmpty() && subscribers.isEmpty();
        }
    }
}
