package io.mqttreactive.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.exception.InvalidTopicException;
import io.mqttreactive.topic.MqttTopic;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequesterOptionsTest {

    @Test
    void defaults() {
        assertThat(RequesterOptions.DEFAULT).isEqualTo(new RequesterOptions(Optional.empty(), "clients",
                Duration.ofSeconds(30), 16_384, MqttQos.AT_LEAST_ONCE));
    }

    @Test
    void eachWitherChangesOneValue() {
        RequesterOptions changed = RequesterOptions.DEFAULT.withResponseTopic("a/b").withResponseTopicPrefix("p")
                .withTimeout(Duration.ofSeconds(2)).withMaximumPendingRequests(3).withResponseQos(MqttQos.EXACTLY_ONCE);
        assertThat(changed).isEqualTo(new RequesterOptions(Optional.of(MqttTopic.of("a/b")), "p",
                Duration.ofSeconds(2), 3, MqttQos.EXACTLY_ONCE));
    }

    @Test
    @DisplayName("[MQTT-3.3.2-14] (5.0) a response topic or prefix with a wildcard, a timeout that is not positive "
            + "and a bound below 1 are rejected")
    void badValuesAreRejected() {
        assertThatThrownBy(() -> RequesterOptions.DEFAULT.withResponseTopic("a/+"))
                .isInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> RequesterOptions.DEFAULT.withResponseTopicPrefix("#"))
                .isInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> RequesterOptions.DEFAULT.withResponseTopicPrefix(""))
                .isInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> RequesterOptions.DEFAULT.withTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequesterOptions.DEFAULT.withTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequesterOptions.DEFAULT.withMaximumPendingRequests(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
