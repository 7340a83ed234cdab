package io.mqttreactive.topic;

import io.mqttreactive.exception.InvalidTopicException;

import java.util.List;
import java.util.Objects;

/**
 * A valid MQTT topic name: the topic a message is published to.
 *
 * <p>A topic name is at least one character long [MQTT-4.7.3-1], contains no U+0000 [MQTT-4.7.3-2],
 * encodes to at most 65,535 UTF-8 bytes [MQTT-4.7.3-3], is well-formed UTF-16 so that it encodes to
 * well-formed UTF-8 ([MQTT-1.5.3-1] (3.1.1), [MQTT-1.5.4-1] (5.0)) and contains no wildcard character
 * {@code +} or {@code #} ([MQTT-4.7.1-1] (3.1.1), [MQTT-4.7.0-1] (5.0)). Empty levels are allowed:
 * {@code "/a"}, {@code "a//b"} and {@code "/"} are valid. Topic names starting with {@code $} are reserved
 * for the broker (for example {@code $SYS/...}) but valid.
 *
 * <p>Instances are immutable and thread-safe; two topics are equal when their names are equal.
 */
public final class MqttTopic {

    private final String value;

    private MqttTopic(String value) {
        this.value = value;
    }

    /**
     * Returns the topic with the given name.
     *
     * @param name the topic name
     * @return the topic
     * @throws NullPointerException  if {@code name} is {@code null}
     * @throws InvalidTopicException if {@code name} is not a valid topic name; the message names the rule and
     *                               its spec id
     */
    public static MqttTopic of(String name) {
        Objects.requireNonNull(name, "topic name");
        Topics.checkCommonRules(name, "a topic name");
        for (int i = 0; i < name.length(); i++) {
            if (Topics.isWildcard(name.charAt(i))) {
                throw new InvalidTopicException(name, "a topic name must not contain the wildcard '" + name.charAt(i)
                        + "' (index " + i + ") [MQTT-4.7.1-1 (3.1.1), MQTT-4.7.0-1 (5.0)]");
            }
        }
        return new MqttTopic(name);
    }

    /**
     * Returns the topic name.
     *
     * @return the name, as given to {@link #of(String)}
     */
    public String value() {
        return value;
    }

    /**
     * Returns the topic levels: the name split at every {@code /}, keeping empty levels.
     *
     * @return an unmodifiable list of at least one level; {@code "a//b"} gives {@code [a, "", b]}
     */
    public List<String> levels() {
        return Topics.levels(value);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MqttTopic topic && value.equals(topic.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Returns the topic name.
     *
     * @return the name
     */
    @Override
    public String toString() {
        return value;
    }
}
