package io.mqttreactive.topic;

import io.mqttreactive.exception.InvalidTopicException;
import io.mqttreactive.internal.MqttStrings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rules topic names and topic filters share (MQTT 3.1.1 section 4.7, MQTT 5.0 section 4.7), and topic
 * matching.
 */
final class Topics {

    static final char LEVEL_SEPARATOR = '/';
    static final char SINGLE_LEVEL_WILDCARD = '+';
    static final char MULTI_LEVEL_WILDCARD = '#';

    private Topics() {
    }

    static void checkCommonRules(String value, String kind) {
        if (value.isEmpty()) {
            throw new InvalidTopicException(value, kind + " must be at least one character long [MQTT-4.7.3-1]");
        }
        int nul = value.indexOf('\u0000');
        if (nul >= 0) {
            throw new InvalidTopicException(value,
                    kind + " must not contain U+0000, found at index " + nul + " [MQTT-4.7.3-2]");
        }
        int surrogate = MqttStrings.indexOfUnpairedSurrogate(value);
        if (surrogate >= 0) {
            throw new InvalidTopicException(value, kind + " must be well-formed UTF-16, found an unpaired surrogate"
                    + " at index " + surrogate + " [MQTT-1.5.3-1 (3.1.1), MQTT-1.5.4-1 (5.0)]");
        }
        long bytes = MqttStrings.utf8Length(value);
        if (bytes > MqttStrings.MAX_UTF8_BYTES) {
            throw new InvalidTopicException(value, kind + " must encode to at most " + MqttStrings.MAX_UTF8_BYTES
                    + " UTF-8 bytes, was " + bytes + " [MQTT-4.7.3-3]");
        }
    }

    static boolean isWildcard(char c) {
        return c == SINGLE_LEVEL_WILDCARD || c == MULTI_LEVEL_WILDCARD;
    }

    static List<String> levels(String value) {
        List<String> levels = new ArrayList<>();
        int start = 0;
        int separator;
        while ((separator = value.indexOf(LEVEL_SEPARATOR, start)) >= 0) {
            levels.add(value.substring(start, separator));
            start = separator + 1;
        }
        levels.add(value.substring(start));
        return Collections.unmodifiableList(levels);
    }

    /**
     * Tells whether a valid topic filter (without share prefix) matches a valid topic name, level by level
     * and without allocating.
     */
    static boolean matches(String filter, String topic) {
        if (topic.charAt(0) == '$' && isWildcard(filter.charAt(0))) {
            return false;
        }
        int f = 0;
        int t = 0;
        while (true) {
            if (f < filter.length() && filter.charAt(f) == MULTI_LEVEL_WILDCARD) {
                return true;
            }
            if (f < filter.length() && filter.charAt(f) == SINGLE_LEVEL_WILDCARD) {
                f++;
                t = endOfLevel(topic, t);
            } else {
                int filterLevelEnd = endOfLevel(filter, f);
                int topicLevelEnd = endOfLevel(topic, t);
                int length = filterLevelEnd - f;
                if (length != topicLevelEnd - t || !filter.regionMatches(f, topic, t, length)) {
                    return false;
                }
                f = filterLevelEnd;
                t = topicLevelEnd;
            }
            boolean filterDone = f == filter.length();
            boolean topicDone = t == topic.length();
            if (filterDone || topicDone) {
                return filterDone && topicDone || topicDone && isParentMatch(filter, f);
            }
            f++;
            t++;
        }
    }

    private static int endOfLevel(String value, int from) {
        int separator = value.indexOf(LEVEL_SEPARATOR, from);
        return separator < 0 ? value.length() : separator;
    }

    private static boolean isParentMatch(String filter, int separatorIndex) {
        return filter.length() - separatorIndex == 2 && filter.charAt(separatorIndex + 1) == MULTI_LEVEL_WILDCARD;
    }
}
