package io.mqttreactive.exception;

import java.util.Locale;

/**
 * A string is not a valid MQTT topic name or topic filter.
 *
 * <p>Thrown synchronously by {@link io.mqttreactive.topic.MqttTopic#of(String)},
 * {@link io.mqttreactive.topic.MqttTopicFilter#of(String)} and every API method that accepts a topic as a
 * string, before any I/O. It is an {@link IllegalArgumentException}, not an {@link MqttException}: it reports
 * a bad argument, not a failure of the client. The message names the rule broken and its spec id.
 */
public class InvalidTopicException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_QUOTED_LENGTH = 80;

    /** The rejected topic name or filter, as given. */
    private final String topic;

    /**
     * Creates the exception.
     *
     * @param topic  the invalid topic name or filter
     * @param reason the rule it breaks, with the spec id
     */
    public InvalidTopicException(String topic, String reason) {
        super("Invalid topic \"" + quote(topic) + "\": " + reason);
        this.topic = topic;
    }

    /**
     * Returns the invalid topic name or filter as given.
     *
     * @return the rejected string
     */
    public String topic() {
        return topic;
    }

    private static String quote(String topic) {
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < topic.length() && i < MAX_QUOTED_LENGTH; i++) {
            char c = topic.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                String hex = Integer.toHexString(c).toUpperCase(Locale.ROOT);
                quoted.append("\\u").append("0000", hex.length(), 4).append(hex);
            } else {
                quoted.append(c);
            }
        }
        if (topic.length() > MAX_QUOTED_LENGTH) {
            quoted.append("...(").append(topic.length()).append(" characters)");
        }
        return quoted.toString();
    }
}
