package io.mqttreactive.netty.internal.codec.v311;

import io.mqttreactive.netty.internal.codec.MqttDecodeException;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.codec.MqttUtf8;

/**
 * Topic names and topic filters of MQTT 3.1.1 section 4.7: at least one character ([MQTT-4.7.3-1] 3.1.1),
 * no wildcard in a topic name ([MQTT-3.3.2-2], [MQTT-4.7.1-1] 3.1.1), and in a filter '#' alone in the last
 * level and '+' alone in its level ([MQTT-4.7.1-2], [MQTT-4.7.1-3] 3.1.1).
 */
final class Mqtt311Topics {

    private Mqtt311Topics() {
    }

    /** Returns the encoded size of a topic name with its length prefix, refusing an invalid name. */
    static int topicNameSize(String field, String topic) {
        if (topic.isEmpty()) {
            throw MqttEncodeException.invalid(field + " must not be empty");
        }
        if (hasWildcard(topic)) {
            throw MqttEncodeException.invalid(field + " must not contain wildcards: " + topic);
        }
        return MqttUtf8.size(topic);
    }

    /** Returns the encoded size of a topic filter with its length prefix, refusing an invalid filter. */
    static int topicFilterSize(String field, String filter) {
        if (filter.isEmpty()) {
            throw MqttEncodeException.invalid(field + " must not be empty");
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            boolean multiLevelMisplaced = level.contains("#") && (!level.equals("#") || i != levels.length - 1);
            boolean singleLevelMisplaced = level.contains("+") && !level.equals("+");
            if (multiLevelMisplaced || singleLevelMisplaced) {
                throw MqttEncodeException.invalid(field + " has a misplaced wildcard: " + filter);
            }
        }
        return MqttUtf8.size(filter);
    }

    /** Refuses a received topic name that is empty or holds a wildcard. */
    static String checkReceivedTopicName(String field, String topic) {
        if (topic.isEmpty()) {
            throw MqttDecodeException.protocolError(field + " is empty");
        }
        if (hasWildcard(topic)) {
            throw MqttDecodeException.protocolError(field + " contains a wildcard: " + topic);
        }
        return topic;
    }

    private static boolean hasWildcard(String topic) {
        return topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0;
    }
}
