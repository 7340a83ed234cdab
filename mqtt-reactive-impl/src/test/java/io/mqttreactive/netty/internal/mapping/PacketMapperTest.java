package io.mqttreactive.netty.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PacketMapperTest {

    @Test
    @DisplayName("a received PUBLISH without properties maps to a message without properties")
    void publishWithoutProperties() {
        MqttMessage message = PacketMapper.toMessage(
                PublishPacket.of("a/b", new byte[] {1, 2}, MqttQos.AT_LEAST_ONCE, true, true, 5), "a/b");
        assertThat(message).isEqualTo(MqttMessage.builder().topic("a/b").payload(new byte[] {1, 2})
                .qos(MqttQos.AT_LEAST_ONCE).retain(true).build());
    }

    @Test
    @DisplayName("a received PUBLISH maps every property and the resolved topic")
    void publishWithProperties() {
        PublishPacket packet = new PublishPacket("", "hi".getBytes(), MqttQos.EXACTLY_ONCE, false, false, 9, 60, true,
                "text/plain", "reply/t", new byte[] {7}, List.of(new UserProperty("k", "v")), 3, List.of(4, 300));
        MqttMessage message = PacketMapper.toMessage(packet, "aliased/topic");
        assertThat(message.topic().value()).isEqualTo("aliased/topic");
        assertThat(message.payloadAsString()).isEqualTo("hi");
        assertThat(message.messageExpiryInterval()).contains(Duration.ofSeconds(60));
        assertThat(message.payloadFormatIndicator()).isEqualTo(PayloadFormatIndicator.UTF_8);
        assertThat(message.contentType()).contains("text/plain");
        assertThat(message.responseTopic().map(Object::toString)).contains("reply/t");
        assertThat(message.correlationData()).hasValueSatisfying(data -> assertThat(data).containsExactly(7));
        assertThat(message.userProperties().size()).isEqualTo(1);
        assertThat(message.subscriptionIdentifiers()).containsExactly(4, 300);
    }

    @Test
    @DisplayName("a received PUBLISH whose payload contradicts Payload Format Indicator 1 is delivered as sent: the "
            + "broker forwards the indicator unaltered [MQTT-3.3.2-4] (5.0) and the receiver MAY check (3.3.2.3.2)")
    void publishWithIllFormedUtf8UnderPayloadFormatUtf8() {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9};
        PublishPacket packet = new PublishPacket("t", latin1, MqttQos.AT_LEAST_ONCE, false, false, 1,
                PublishPacket.NO_MESSAGE_EXPIRY, true, "application/json", null, null, List.of(), 0, List.of());
        MqttMessage message = PacketMapper.toMessage(packet, "t");
        assertThat(message.payloadFormatIndicator()).isEqualTo(PayloadFormatIndicator.UTF_8);
        assertThat(message.payload()).containsExactly(latin1);
    }

    @Test
    @DisplayName("the message a subscriber receives hands out copies of the payload")
    void receivedPayloadIsCopiedOut() {
        MqttMessage message = PacketMapper.toMessage(
                PublishPacket.of("t", new byte[] {1}, MqttQos.AT_MOST_ONCE, false, false, 0), "t");
        message.payload()[0] = 9;
        assertThat(message.payload()).containsExactly(1);
    }
}
