package io.mqttreactive.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UserPropertiesTest {

    @Test
    void keepsOrderAndDuplicates() {
        UserProperties properties = UserProperties.builder()
                .add("region", "eu").add("tenant", "a").add("region", "us").add("region", "eu").build();
        assertThat(properties.asList()).containsExactly(new UserProperty("region", "eu"), new UserProperty("tenant", "a"),
                new UserProperty("region", "us"), new UserProperty("region", "eu"));
        assertThat(properties.size()).isEqualTo(4);
        assertThat(properties.first("region")).contains("eu");
        assertThat(properties.all("region")).containsExactly("eu", "us", "eu");
        assertThat(properties.first("missing")).isEmpty();
        assertThat(properties.all("missing")).isEmpty();
        assertThat(properties).containsExactlyElementsOf(properties.asList());
    }

    @Test
    void orderMattersForEquality() {
        UserProperties ab = UserProperties.builder().add("a", "1").add("b", "2").build();
        UserProperties ba = UserProperties.builder().add("b", "2").add("a", "1").build();
        assertThat(ab).isNotEqualTo(ba);
        assertThat(ab).isEqualTo(UserProperties.of(List.of(new UserProperty("a", "1"), new UserProperty("b", "2"))))
                .hasSameHashCodeAs(UserProperties.of(List.of(new UserProperty("a", "1"), new UserProperty("b", "2"))));
    }

    @Test
    void isImmutable() {
        List<UserProperty> source = new ArrayList<>(List.of(new UserProperty("a", "1")));
        UserProperties properties = UserProperties.of(source);
        source.add(new UserProperty("b", "2"));
        assertThat(properties.size()).isEqualTo(1);
        assertThatThrownBy(() -> properties.asList().add(new UserProperty("c", "3")))
                .isInstanceOf(UnsupportedOperationException.class);
        UserProperties.Builder builder = UserProperties.builder().add("x", "1");
        UserProperties built = builder.build();
        builder.add("y", "2");
        assertThat(built.size()).isEqualTo(1);
    }

    @Test
    void emptyIsShared() {
        assertThat(UserProperties.of(List.of())).isSameAs(UserProperties.empty());
        assertThat(UserProperties.builder().build().isEmpty()).isTrue();
        assertThat(UserProperties.builder().addAll(UserProperties.of("k", "v")).addAll(UserProperties.of("k", "w")).build()
                .all("k")).containsExactly("v", "w");
    }

    @Test
    @DisplayName("[MQTT-1.5.7-1] (5.0) names and values are valid MQTT UTF-8 strings")
    void validatesStrings() {
        assertThatThrownBy(() -> new UserProperty("a\u0000", "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user property name must not contain U+0000")
                .hasMessageContaining("MQTT-1.5.4-2 (5.0)");
        assertThatThrownBy(() -> UserProperties.of("n", "\uDC00"))
                .hasMessageContaining("user property value must be well-formed UTF-16")
                .hasMessageContaining("MQTT-1.5.4-1 (5.0)");
        assertThatThrownBy(() -> UserProperties.of("n", "x".repeat(65_536)))
                .hasMessageContaining("user property value must encode to at most 65535 UTF-8 bytes, was 65536");
        assertThatThrownBy(() -> UserProperties.builder().add(null, "v")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> UserProperties.of(java.util.Arrays.asList((UserProperty) null)))
                .isInstanceOf(NullPointerException.class);
        assertThat(UserProperties.of("", "").first("")).contains("");
        assertThat(UserProperties.of("n", "x".repeat(65_535)).size()).isEqualTo(1);
    }
}
