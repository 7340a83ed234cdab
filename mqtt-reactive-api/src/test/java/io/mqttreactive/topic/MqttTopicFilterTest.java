package io.mqttreactive.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.exception.InvalidTopicException;

import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MqttTopicFilterTest {

    @ParameterizedTest(name = "\"{0}\" is a valid topic filter")
    @ValueSource(strings = {"#", "+", "a", "a/b", "a/#", "a/+", "+/+", "/+", "+/", "a/+/b", "+/#", "/#", "//#",
            "sport/tennis/+", "sport/tennis/player1/#", "$SYS/#", "$SYS/+/load", "a//b", "/", "$share",
            "$shareX/a", "$share/group/#", "$share/g/a/+/b", "$share/g//", "$share/$g/a"})
    void acceptsValidFilters(String filter) {
        assertThat(MqttTopicFilter.of(filter).value()).isEqualTo(filter);
    }

    static Stream<Arguments> invalidFilters() {
        String hashRule = "MQTT-4.7.1-2 (3.1.1), MQTT-4.7.1-1 (5.0)";
        String plusRule = "MQTT-4.7.1-3 (3.1.1), MQTT-4.7.1-2 (5.0)";
        return Stream.of(
                Arguments.of("", "[MQTT-4.7.3-1]"),
                Arguments.of("a/\u0000", "[MQTT-4.7.3-2]"),
                Arguments.of("a/\uDBFF", "MQTT-1.5.3-1 (3.1.1), MQTT-1.5.4-1 (5.0)"),
                Arguments.of("a#", hashRule),
                Arguments.of("a/#/b", hashRule),
                Arguments.of("#/", hashRule),
                Arguments.of("##", hashRule),
                Arguments.of("a/b#", hashRule),
                Arguments.of("sport/tennis#", hashRule),
                Arguments.of("a+", plusRule),
                Arguments.of("+a", plusRule),
                Arguments.of("a/+b/c", plusRule),
                Arguments.of("sport+", plusRule),
                Arguments.of("++", plusRule),
                Arguments.of("$share/", "[MQTT-4.8.2-1]"),
                Arguments.of("$share//a", "[MQTT-4.8.2-1]"),
                Arguments.of("$share/group", "[MQTT-4.8.2-2]"),
                Arguments.of("$share/group/", "[MQTT-4.8.2-2]"),
                Arguments.of("$share/gr+oup/a", "[MQTT-4.8.2-2]"),
                Arguments.of("$share/+/a", "[MQTT-4.8.2-2]"),
                Arguments.of("$share/#/a", "[MQTT-4.8.2-2]"),
                Arguments.of("$share/g/a#", hashRule),
                Arguments.of("$share/g/a+", plusRule));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected citing {1}")
    @MethodSource("invalidFilters")
    void rejectsInvalidFiltersCitingTheRule(String filter, String specId) {
        assertThatThrownBy(() -> MqttTopicFilter.of(filter))
                .isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining(specId);
    }

    @Test
    @DisplayName("[MQTT-4.7.3-3] a filter of exactly 65,535 UTF-8 bytes is accepted, 65,536 rejected")
    void lengthBoundary() {
        String filter = "a/".repeat(32_766) + "a/#";
        assertThat(filter).hasSize(65_535);
        assertThat(MqttTopicFilter.of(filter).isWildcard()).isTrue();
        assertThatThrownBy(() -> MqttTopicFilter.of("b" + filter))
                .isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("[MQTT-4.7.3-3]");
    }

    @Test
    @DisplayName("[MQTT-4.8.2-1] (5.0) a shared filter exposes share name and topic filter")
    void sharedFilterParts() {
        MqttTopicFilter shared = MqttTopicFilter.of("$share/consumers/sensors/+/temperature");
        assertThat(shared.isShared()).isTrue();
        assertThat(shared.shareName()).contains("consumers");
        assertThat(shared.topicFilter()).isEqualTo("sensors/+/temperature");
        assertThat(shared.levels()).containsExactly("sensors", "+", "temperature");
        assertThat(shared.isWildcard()).isTrue();
        assertThat(shared.value()).isEqualTo("$share/consumers/sensors/+/temperature");
    }

    @Test
    void plainFilterParts() {
        MqttTopicFilter plain = MqttTopicFilter.of("sensors/kitchen");
        assertThat(plain.isShared()).isFalse();
        assertThat(plain.shareName()).isEmpty();
        assertThat(plain.topicFilter()).isEqualTo("sensors/kitchen");
        assertThat(plain.isWildcard()).isFalse();
        assertThat(MqttTopicFilter.of("$share").isShared()).isFalse();
        assertThat(MqttTopicFilter.of("$share/g/x").isWildcard()).isFalse();
    }

    @Test
    void levelsKeepEmptyLevels() {
        assertThat(MqttTopicFilter.of("+/+/").levels()).containsExactly("+", "+", "");
        assertThat(MqttTopicFilter.of("#").levels()).containsExactly("#");
    }

    @Test
    void isAValueType() {
        assertThat(MqttTopicFilter.of("a/+")).isEqualTo(MqttTopicFilter.of("a/+"))
                .hasSameHashCodeAs(MqttTopicFilter.of("a/+")).isNotEqualTo(MqttTopicFilter.of("a/#"))
                .hasToString("a/+");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> MqttTopicFilter.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MqttTopicFilter.of("a").matches(null)).isInstanceOf(NullPointerException.class);
    }
}
