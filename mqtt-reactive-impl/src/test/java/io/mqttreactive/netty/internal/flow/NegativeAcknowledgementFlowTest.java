package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubAck;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRec;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.publish;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.AcknowledgeableMessage;
import io.mqttreactive.message.PublishReasonCode;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link AcknowledgeableMessage#reject}: a negative PUBACK or PUBREC with the application's reason under MQTT
 * 5.0, in reception order; under MQTT 3.1.1, which cannot say no, the message is left unacknowledged.
 */
class NegativeAcknowledgementFlowTest {

    private ScriptedBroker broker;
    private final BlockingQueue<AcknowledgeableMessage> received = new LinkedBlockingQueue<>();

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private void subscribe(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.connectedClient(options -> options);
        client.subscribeAcknowledged("work/#", EXACTLY_ONCE).subscribe(received::add);
        broker.send(subAck(broker.awaitReceived(isSubscribe("work/#")).packetId(), 2));
        broker.barrier();
    }

    private AcknowledgeableMessage next() throws InterruptedException {
        AcknowledgeableMessage message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a message within %s", WAIT).isNotNull();
        return message;
    }

    @Test
    @DisplayName("QoS 1 refused: PUBACK with the reason code and reason string [MQTT-3.4.2-1] (5.0)")
    void aRefusedQos1MessageGetsANegativePubAck() throws InterruptedException {
        subscribe(MqttVersion.MQTT_5_0);
        broker.send(publish("work/1", "too much", AT_LEAST_ONCE, 1));

        next().reject(PublishReasonCode.QUOTA_EXCEEDED, "the order queue is full").block(WAIT);

        AckPacket pubAck = broker.awaitReceived(isPubAck(1));
        assertThat(pubAck.reasonCode()).isEqualTo(0x97);
        assertThat(pubAck.reasonString()).isEqualTo("the order queue is full");
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("QoS 2 refused: PUBREC with the reason code ends the exchange; the next PUBLISH with that packet "
            + "id is a new message [MQTT-3.5.2-1] [MQTT-4.3.3-9] (5.0)")
    void aRefusedQos2MessageEndsItsExchange() throws InterruptedException {
        subscribe(MqttVersion.MQTT_5_0);
        broker.send(publish("work/2", "unreadable", EXACTLY_ONCE, 2));
        next().reject(PublishReasonCode.PAYLOAD_FORMAT_INVALID).block(WAIT);
        AckPacket pubRec = broker.awaitReceived(isPubRec(2));
        assertThat(pubRec.reasonCode()).isEqualTo(0x99);
        assertThat(pubRec.reasonString()).isNull();

        broker.send(publish("work/2", "the next one", EXACTLY_ONCE, 2));
        AcknowledgeableMessage nextOne = next();
        assertThat(nextOne.message().payloadAsString()).isEqualTo("the next one");
        nextOne.acknowledge().block(WAIT);
        assertThat(broker.awaitReceived(isPubRec(2)).reasonCode()).isZero();
        broker.assertNothingElseReceived();
    }

    @BothVersions
    @DisplayName("answers leave in reception order, refusals included [MQTT-4.6.0-2]; under MQTT 3.1.1 a refused "
            + "message gets no answer at all, and the next one its PUBACK")
    void refusalsKeepTheOrderAndAreLeftUnansweredUnderMqtt311(MqttVersion version) throws InterruptedException {
        subscribe(version);
        broker.send(publish("work/1", "refused", AT_LEAST_ONCE, 1), publish("work/2", "taken", AT_LEAST_ONCE, 2));
        AcknowledgeableMessage refused = next();
        AcknowledgeableMessage taken = next();

        taken.acknowledge().block(WAIT);
        broker.assertNothingElseReceived();
        refused.reject(PublishReasonCode.UNSPECIFIED_ERROR).then(refused.acknowledge()).block(WAIT);

        if (version.isMqtt5()) {
            assertThat(broker.awaitReceived(isPubAck(1)).reasonCode()).isEqualTo(0x80);
        }
        assertThat(broker.awaitReceived(isPubAck(2)).reasonCode()).isZero();
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("a refusal needs an error reason code; after acknowledge() it has no further effect")
    void aRefusalNeedsAnErrorCodeAndComesOnlyFirst() throws InterruptedException {
        subscribe(MqttVersion.MQTT_5_0);
        broker.send(publish("work/1", "fine", AT_LEAST_ONCE, 1));
        AcknowledgeableMessage message = next();

        assertThatThrownBy(() -> message.reject(PublishReasonCode.NO_MATCHING_SUBSCRIBERS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x80");
        message.acknowledge().then(message.reject(PublishReasonCode.UNSPECIFIED_ERROR)).block(WAIT);

        assertThat(broker.awaitReceived(isPubAck(1)).reasonCode()).isZero();
        broker.assertNothingElseReceived();
    }
}
