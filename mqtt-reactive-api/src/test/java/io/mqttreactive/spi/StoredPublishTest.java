package io.mqttreactive.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.spi.StoredPublish.State;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoredPublishTest {

    private static final MqttMessage QOS1 = MqttMessage.of("a", new byte[] {1}, MqttQos.AT_LEAST_ONCE);
    private static final MqttMessage QOS2 = MqttMessage.of("a", new byte[] {2}, MqttQos.EXACTLY_ONCE);

    @Test
    @DisplayName("[MQTT-2.3.1-1] (3.1.1) packet identifiers are 1..65535")
    void packetIdentifierRange() {
        assertThat(new StoredPublish(1, State.AWAITING_PUBACK, QOS1).packetId()).isEqualTo(1);
        assertThat(new StoredPublish(65_535, State.AWAITING_PUBACK, QOS1).packetId()).isEqualTo(65_535);
        assertThatThrownBy(() -> new StoredPublish(0, State.AWAITING_PUBACK, QOS1))
                .hasMessage("packet identifier must be between 1 and 65535, was 0");
        assertThatThrownBy(() -> new StoredPublish(65_536, State.AWAITING_PUBACK, QOS1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stateMustFitTheQos() {
        assertThatThrownBy(() -> new StoredPublish(1, State.AWAITING_PUBREC, QOS1))
                .hasMessage("a QoS 1 message cannot be AWAITING_PUBREC");
        assertThatThrownBy(() -> new StoredPublish(1, State.AWAITING_PUBACK, QOS2))
                .hasMessage("a QoS 2 message cannot be AWAITING_PUBACK");
        assertThatThrownBy(() -> new StoredPublish(1, State.AWAITING_PUBACK,
                MqttMessage.of("a", new byte[0], MqttQos.AT_MOST_ONCE))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("[MQTT-4.3.3-1] (3.1.1) a QoS 2 message moves from awaiting PUBREC to awaiting PUBCOMP, same id")
    void qos2FlowKeepsThePacketIdentifier() {
        StoredPublish sent = new StoredPublish(42, State.AWAITING_PUBREC, QOS2);
        StoredPublish released = sent.withState(State.AWAITING_PUBCOMP);
        assertThat(released.packetId()).isEqualTo(42);
        assertThat(released.message()).isEqualTo(QOS2);
        assertThat(released).isNotEqualTo(sent);
    }
}
