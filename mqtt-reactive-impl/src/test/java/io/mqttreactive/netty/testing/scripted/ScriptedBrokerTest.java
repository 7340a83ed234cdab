package io.mqttreactive.netty.testing.scripted;

import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fixture's own checks: a script the client does not follow must fail the test, never pass silently. */
class ScriptedBrokerTest {

    private static final MqttMessage MESSAGE = MqttMessage.of("t", "x".getBytes(StandardCharsets.UTF_8),
            MqttQos.AT_MOST_ONCE);

    @Test
    @DisplayName("a packet other than the expected one is reported by close()")
    void mismatchFailsClose() {
        ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.connectedClient(options -> options);
        broker.expect(isSubscribe()).answerNothing();

        client.publish(MESSAGE).block(WAIT);
        broker.awaitReceivedCount(MqttPacketType.PUBLISH, 1);

        assertThatThrownBy(broker::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected SUBSCRIBE").hasMessageContaining("PublishPacket");
    }

    @Test
    @DisplayName("an expected packet that never comes is reported by close()")
    void unmetExpectationFailsClose() {
        ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_3_1_1);
        broker.connectedClient(options -> options);
        broker.expect(isPublish(MqttQos.AT_LEAST_ONCE)).answerNothing();

        assertThatThrownBy(broker::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("never sent [PUBLISH with QoS 1]");
    }

    @Test
    @DisplayName("an expectation added after the packet arrived still consumes it, in order")
    void lateExpectationConsumesTheWaitingPacket() {
        try (ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0)) {
            MqttClient client = broker.newClient(options -> options);
            client.connect().subscribe();
            broker.awaitReceivedCount(MqttPacketType.CONNECT, 1);

            broker.expect(isConnect()).answer(Packets.connAck());

            broker.awaitScriptDone();
            client.publish(MESSAGE).block(WAIT);
            assertThat(broker.awaitReceived(isPublish(MqttQos.AT_MOST_ONCE)).topic()).isEqualTo("t");
        }
    }
}
