package io.mqttreactive.topic;

import io.mqttreactive.exception.InvalidTopicException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A valid MQTT topic filter: what a subscription selects topics by, possibly with wildcards, possibly a
 * shared subscription.
 *
 * <p>A topic filter obeys the rules of topic names on length, U+0000 and UTF-16 well-formedness (see
 * {@link MqttTopic}) and may contain wildcards: {@code +} matches exactly one level and must occupy a whole
 * level ([MQTT-4.7.1-3] (3.1.1), [MQTT-4.7.1-2] (5.0)); {@code #} matches the parent level and any number of
 * child levels and must be on its own or after a {@code /}, and the last character of the filter
 * ([MQTT-4.7.1-2] (3.1.1), [MQTT-4.7.1-1] (5.0)).
 *
 * <p>A filter of the form {@code $share/{ShareName}/{filter}} is a shared subscription (MQTT 5.0 section
 * 4.8.2; many 3.1.1 brokers accept it too): the ShareName is at least one character [MQTT-4.8.2-1] and
 * contains no {@code /}, {@code +} or {@code #}, and is followed by {@code /} and a valid topic filter
 * [MQTT-4.8.2-2]. {@link #topicFilter()} then returns the part after the share name, which is the part
 * {@link #matches(MqttTopic) matched} against topics.
 *
 * <p>Instances are immutable and thread-safe; two filters are equal when their strings are equal.
 */
public final class MqttTopicFilter {

    private static final String SHARE_PREFIX = "$share/";

    private final String value;
    private final @Nullable String shareName;
    private final String topicFilter;
    private final boolean wildcard;

    private MqttTopicFilter(String value, @Nullable String shareName, String topicFilter) {
        this.value = value;
        this.shareName = shareName;
        this.topicFilter = topicFilter;
        this.wildcard = topicFilter.indexOf(Topics.SINGLE_LEVEL_WILDCARD) >= 0
                || topicFilter.indexOf(Topics.MULTI_LEVEL_WILDCARD) >= 0;
    }

    /**
     * Returns the topic filter for a string.
     *
     * @param filter the topic filter, possibly a {@code $share/{ShareName}/{filter}} shared filter
     * @return the topic filter
     * @throws NullPointerException  if {@code filter} is {@code null}
     * @throws InvalidTopicException if {@code filter} is not a valid topic filter; the message names the rule
     *                               and its spec id
     */
    public static MqttTopicFilter of(String filter) {
        Objects.requireNonNull(filter, "topic filter");
        Topics.checkCommonRules(filter, "a topic filter");
        if (!filter.startsWith(SHARE_PREFIX)) {
            checkWildcards(filter, filter, 0);
            return new MqttTopicFilter(filter, null, filter);
        }
        int separator = filter.indexOf(Topics.LEVEL_SEPARATOR, SHARE_PREFIX.length());
        if (separator == SHARE_PREFIX.length() || separator < 0 && filter.length() == SHARE_PREFIX.length()) {
            throw new InvalidTopicException(filter, "a shared subscription needs a ShareName of at least one"
                    + " character after \"$share/\" [MQTT-4.8.2-1]");
        }
        String shareName = filter.substring(SHARE_PREFIX.length(), separator < 0 ? filter.length() : separator);
        for (int i = 0; i < shareName.length(); i++) {
            if (Topics.isWildcard(shareName.charAt(i))) {
                throw new InvalidTopicException(filter, "a ShareName must not contain '" + shareName.charAt(i)
                        + "' [MQTT-4.8.2-2]");
            }
        }
        if (separator < 0 || separator == filter.length() - 1) {
            throw new InvalidTopicException(filter,
                    "a ShareName must be followed by '/' and a topic filter [MQTT-4.8.2-2]");
        }
        checkWildcards(filter, filter.substring(separator + 1), separator + 1);
        return new MqttTopicFilter(filter, shareName, filter.substring(separator + 1));
    }

    private static void checkWildcards(String whole, String filter, int offset) {
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            boolean startsLevel = i == 0 || filter.charAt(i - 1) == Topics.LEVEL_SEPARATOR;
            if (c == Topics.MULTI_LEVEL_WILDCARD && (!startsLevel || i != filter.length() - 1)) {
                throw new InvalidTopicException(whole, "the multi-level wildcard '#' (index " + (offset + i)
                        + ") must be on its own or after '/', and the last character"
                        + " [MQTT-4.7.1-2 (3.1.1), MQTT-4.7.1-1 (5.0)]");
            }
            boolean endsLevel = i == filter.length() - 1 || filter.charAt(i + 1) == Topics.LEVEL_SEPARATOR;
            if (c == Topics.SINGLE_LEVEL_WILDCARD && (!startsLevel || !endsLevel)) {
                throw new InvalidTopicException(whole, "the single-level wildcard '+' (index " + (offset + i)
                        + ") must occupy an entire level [MQTT-4.7.1-3 (3.1.1), MQTT-4.7.1-2 (5.0)]");
            }
        }
    }

    /**
     * Returns the whole filter string, including any {@code $share/{ShareName}/} prefix.
     *
     * @return the filter, as given to {@link #of(String)}
     */
    public String value() {
        return value;
    }

    /**
     * Tells whether this is a shared subscription filter ({@code $share/{ShareName}/{filter}}).
     *
     * @return {@code true} for a shared filter
     */
    public boolean isShared() {
        return shareName != null;
    }

    /**
     * Returns the ShareName of a shared subscription filter.
     *
     * @return the ShareName, or empty if this filter is not shared
     */
    public Optional<String> shareName() {
        return Optional.ofNullable(shareName);
    }

    /**
     * Returns the topic filter proper: the part after {@code $share/{ShareName}/} for a shared filter, the
     * whole filter otherwise.
     *
     * @return the topic filter part that topics are matched against
     */
    public String topicFilter() {
        return topicFilter;
    }

    /**
     * Tells whether the topic filter contains a wildcard ({@code +} or {@code #}). The share name of a shared
     * filter is not considered.
     *
     * @return {@code true} if {@link #topicFilter()} contains a wildcard
     */
    public boolean isWildcard() {
        return wildcard;
    }

    /**
     * Returns the levels of {@link #topicFilter()}: split at every {@code /}, keeping empty levels.
     *
     * @return an unmodifiable list of at least one level
     */
    public List<String> levels() {
        return Topics.levels(topicFilter);
    }

    /**
     * Tells whether this filter selects a topic, by the MQTT matching rules: levels match literally (case
     * sensitive), {@code +} matches exactly one level (possibly empty), {@code #} matches its parent level
     * and any number of levels below it, and a filter whose {@link #topicFilter()} starts with a wildcard
     * never matches a topic starting with {@code $} [MQTT-4.7.2-1]. A shared filter matches like its
     * {@link #topicFilter()}.
     *
     * @param topic the topic name
     * @return {@code true} if a message published to {@code topic} is delivered to this filter
     * @throws NullPointerException if {@code topic} is {@code null}
     */
    public boolean matches(MqttTopic topic) {
        Objects.requireNonNull(topic, "topic");
        return Topics.matches(topicFilter, topic.value());
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MqttTopicFilter filter && value.equals(filter.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Returns the whole filter string.
     *
     * @return the filter
     */
    @Override
    public String toString() {
        return value;
    }
}
