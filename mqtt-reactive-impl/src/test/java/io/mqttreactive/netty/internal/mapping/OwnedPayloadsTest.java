package io.mqttreactive.netty.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OwnedPayloadsTest {

    @Test
    @DisplayName("an adopted payload becomes the message's payload without a copy")
    void adoptsWithoutCopy() {
        byte[] payload = {1, 2, 3};
        MqttMessage message = OwnedPayloads.adopt(MqttMessage.builder().topic("t"), payload)
                .qos(MqttQos.AT_LEAST_ONCE)
                .build();
        payload[0] = 9;
        assertThat(message.payload()).containsExactly(9, 2, 3);
        assertThat(message.payloadSize()).isEqualTo(3);
    }

    @Test
    @DisplayName("the message still hands out copies of an adopted payload")
    void readsStillCopy() {
        MqttMessage message = OwnedPayloads.adopt(MqttMessage.builder().topic("t"), new byte[] {1}).build();
        message.payload()[0] = 7;
        assertThat(message.payload()).containsExactly(1);
    }

    @Test
    @DisplayName("a received payload is kept even when it contradicts a UTF-8 payload format indicator: the receiver "
            + "MAY check it (MQTT 5.0 section 3.3.2.3.2), the client does not")
    void adoptedPayloadIsDeliveredAsReceived() {
        MqttMessage message = OwnedPayloads.adopt(MqttMessage.builder().topic("t"), new byte[] {(byte) 0xff})
                .payloadFormatIndicator(PayloadFormatIndicator.UTF_8)
                .build();
        assertThat(message.payload()).containsExactly(0xff);
        assertThat(message.payloadFormatIndicator()).isEqualTo(PayloadFormatIndicator.UTF_8);
    }

    @Test
    @DisplayName("a payload set after an adopted one, or a copy made with mutate(), is checked again")
    void aPayloadTheApplicationSetsIsStillChecked() {
        byte[] illFormed = {(byte) 0xff};
        MqttMessage.Builder replaced = OwnedPayloads.adopt(MqttMessage.builder().topic("t"), new byte[] {'a'})
                .payload(illFormed)
                .payloadFormatIndicator(PayloadFormatIndicator.UTF_8);
        assertThatThrownBy(replaced::build).isInstanceOf(IllegalArgumentException.class);
        MqttMessage received = OwnedPayloads.adopt(MqttMessage.builder().topic("t"), illFormed)
                .payloadFormatIndicator(PayloadFormatIndicator.UTF_8)
                .build();
        assertThatThrownBy(() -> received.mutate().topic("u").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the payload format indicator is UTF-8 but the payload is not well-formed UTF-8");
    }

    @Test
    @DisplayName("read gives the message's own payload array, while payload() still hands out copies")
    void readsWithoutCopy() {
        MqttMessage message = MqttMessage.of("t", new byte[] {1, 2}, MqttQos.AT_LEAST_ONCE);
        assertThat(OwnedPayloads.read(message)).containsExactly(1, 2).isSameAs(OwnedPayloads.read(message));
        assertThat(message.payload()).isNotSameAs(OwnedPayloads.read(message));
    }
}
