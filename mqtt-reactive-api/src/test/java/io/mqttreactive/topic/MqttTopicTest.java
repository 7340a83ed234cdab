package io.mqttreactive.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.exception.InvalidTopicException;
import io.mqttreactive.message.MqttMessage;

import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MqttTopicTest {

    @ParameterizedTest(name = "\"{0}\" is a valid topic name")
    @ValueSource(strings = {"a", "a/b/c", "/", "/a", "a/", "a//b", "//", " ", "sport/tennis/player1",
            "$SYS/broker/load", "$share", "ü/日本/\uD83D\uDE00", "A/a", "a b/c-d_e.f"})
    void acceptsValidNames(String name) {
        assertThat(MqttTopic.of(name).value()).isEqualTo(name);
    }

    static Stream<Arguments> invalidNames() {
        return Stream.of(
                Arguments.of("", "[MQTT-4.7.3-1]"),
                Arguments.of("a\u0000b", "[MQTT-4.7.3-2]"),
                Arguments.of("a/+", "MQTT-4.7.1-1 (3.1.1), MQTT-4.7.0-1 (5.0)"),
                Arguments.of("+", "MQTT-4.7.1-1 (3.1.1), MQTT-4.7.0-1 (5.0)"),
                Arguments.of("a/#", "MQTT-4.7.1-1 (3.1.1), MQTT-4.7.0-1 (5.0)"),
                Arguments.of("#", "MQTT-4.7.1-1 (3.1.1), MQTT-4.7.0-1 (5.0)"),
                Arguments.of("a+b", "MQTT-4.7.1-1 (3.1.1), MQTT-4.7.0-1 (5.0)"),
                Arguments.of("a\uD800", "MQTT-1.5.3-1 (3.1.1), MQTT-1.5.4-1 (5.0)"),
                Arguments.of("\uDC00a", "MQTT-1.5.3-1 (3.1.1), MQTT-1.5.4-1 (5.0)"),
                Arguments.of("\uDE00\uD83D", "MQTT-1.5.3-1 (3.1.1), MQTT-1.5.4-1 (5.0)"));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected citing {1}")
    @MethodSource("invalidNames")
    void rejectsInvalidNamesCitingTheRule(String name, String specId) {
        assertThatThrownBy(() -> MqttTopic.of(name))
                .isInstanceOf(InvalidTopicException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(specId)
                .satisfies(e -> assertThat(((InvalidTopicException) e).topic()).isEqualTo(name));
    }

    @ParameterizedTest(name = "[MQTT-4.7.0-1] (5.0) the topic name \"{0}\" has a wildcard: neither a topic nor a "
            + "message to publish can be made with it, so no PUBLISH ever carries it")
    @ValueSource(strings = {"+", "#", "a/+/b", "a/#", "a+b", "a#"})
    void noMessageCarriesAWildcardTopicName(String name) {
        assertThatThrownBy(() -> MqttTopic.of(name)).isInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> MqttMessage.of(name, new byte[0], MqttQos.AT_MOST_ONCE))
                .isInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> MqttMessage.builder().topic(name)).isInstanceOf(InvalidTopicException.class);
    }

    @Test
    @DisplayName("[MQTT-4.7.3-3] a topic of exactly 65,535 UTF-8 bytes is accepted")
    void acceptsMaximumLength() {
        String name = "a".repeat(65_535);
        assertThat(MqttTopic.of(name).value()).hasSize(65_535);
    }

    @Test
    @DisplayName("[MQTT-4.7.3-3] a topic of 65,536 UTF-8 bytes is rejected")
    void rejectsOneByteOverMaximumLength() {
        assertThatThrownBy(() -> MqttTopic.of("a".repeat(65_536)))
                .isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("65536")
                .hasMessageContaining("[MQTT-4.7.3-3]")
                .hasMessageContaining("(65536 characters)");
    }

    @Test
    @DisplayName("[MQTT-4.7.3-3] the limit counts UTF-8 bytes, not characters")
    void countsEncodedBytes() {
        String threeByteChars = "\u20AC".repeat(21_845);
        assertThat(MqttTopic.of(threeByteChars).value()).hasSize(21_845);
        assertThatThrownBy(() -> MqttTopic.of(threeByteChars + "a"))
                .isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("65536");
        String surrogatePairs = "\uD83D\uDE00".repeat(16_384);
        assertThatThrownBy(() -> MqttTopic.of(surrogatePairs))
                .hasMessageContaining("65536");
    }

    @Test
    void errorMessageEscapesControlCharactersAndSurrogates() {
        assertThatThrownBy(() -> MqttTopic.of("a\u0000b"))
                .hasMessageStartingWith("Invalid topic \"a\\u0000b\"")
                .hasMessageContaining("index 1");
        assertThatThrownBy(() -> MqttTopic.of("x\uD800"))
                .hasMessageStartingWith("Invalid topic \"x\\uD800\"");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> MqttTopic.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void levelsKeepEmptyLevels() {
        assertThat(MqttTopic.of("a//b").levels()).containsExactly("a", "", "b");
        assertThat(MqttTopic.of("/").levels()).containsExactly("", "");
        assertThat(MqttTopic.of("/finance").levels()).containsExactly("", "finance");
        assertThat(MqttTopic.of("a").levels()).containsExactly("a");
    }

    @Test
    void isAValueType() {
        assertThat(MqttTopic.of("a/b")).isEqualTo(MqttTopic.of("a/b")).hasSameHashCodeAs(MqttTopic.of("a/b"))
                .isNotEqualTo(MqttTopic.of("a/B")).hasToString("a/b");
    }
}
