package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.Packets.connAckWith;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttPublishException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.MaximumQosPolicy;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client holds every PUBLISH to the Maximum QoS and Retain Available of the connection that sends it
 * ([MQTT-3.2.2-11], [MQTT-3.2.2-14] (5.0)): a message above the maximum fails or goes out at the maximum, as
 * {@link MaximumQosPolicy} says; a retained message fails where retain is unavailable. Neither is ever sent as
 * submitted, whether it was published while connected, queued before the connection, or pending across a
 * reconnect.
 */
class MaximumQosAndRetainFlowTest {

    private final ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private static ConnAckPacket maximumQos(MqttQos qos) {
        return connAckWith().maximumQos(qos).build();
    }

    private static MqttMessage message(String topic, MqttQos qos) {
        return MqttMessage.of(topic, new byte[] {1}, qos);
    }

    /** Publishes a QoS 1 marker and waits for it, so everything published before it was sent or refused. */
    private PublishPacket sendMarker(MqttClient client) {
        CompletableFuture<PublishResult> marker = client.publish(message("marker", AT_LEAST_ONCE)).toFuture();
        PublishPacket sent = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        broker.send(pubAck(sent.packetId()));
        assertThat(marker).succeedsWithin(WAIT);
        return sent;
    }

    private void assertRefused(CompletableFuture<PublishResult> result, String specId) {
        assertThat(result).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOf(MqttPublishException.class).withMessageContaining(specId);
    }

    @Test
    @DisplayName("by default a message above the broker's Maximum QoS fails and is never sent [MQTT-3.2.2-11] (5.0)")
    void aboveMaximumQosFails() {
        MqttClient client = broker.connectedClient(options -> options, maximumQos(AT_LEAST_ONCE));

        assertRefused(client.publish(message("too/high", EXACTLY_ONCE)).toFuture(), "[MQTT-3.2.2-11]");
        assertThat(sendMarker(client).topic()).as("the first PUBLISH the broker saw").isEqualTo("marker");
        assertThat(broker.received(MqttPacketType.PUBLISH)).hasSize(1);
    }

    @Test
    @DisplayName("with DOWNGRADE a QoS 2 message goes out at the broker's Maximum QoS 1, and its result says so "
            + "[MQTT-3.2.2-11] (5.0)")
    void downgradesToTheBrokersMaximum() {
        MqttClient client = broker.connectedClient(options -> options.maximumQosPolicy(MaximumQosPolicy.DOWNGRADE),
                maximumQos(AT_LEAST_ONCE));

        CompletableFuture<PublishResult> result = client.publish(message("downgraded", EXACTLY_ONCE)).toFuture();
        PublishPacket sent = broker.awaitReceived(isPublish());
        assertThat(sent.qos()).isEqualTo(AT_LEAST_ONCE);
        assertThat(result).isNotDone();
        broker.send(pubAck(sent.packetId()));
        assertThat(result).succeedsWithin(WAIT)
                .satisfies(published -> assertThat(published.message().qos()).isEqualTo(AT_LEAST_ONCE));
    }

    @Test
    @DisplayName("with DOWNGRADE to a Maximum QoS 0 the message goes out at QoS 0 and completes once written "
            + "[MQTT-3.2.2-11] (5.0)")
    void downgradesToQos0() {
        MqttClient client = broker.connectedClient(options -> options.maximumQosPolicy(MaximumQosPolicy.DOWNGRADE),
                maximumQos(AT_MOST_ONCE));

        CompletableFuture<PublishResult> result = client.publish(message("at/most/once", AT_LEAST_ONCE)).toFuture();
        assertThat(broker.awaitReceived(isPublish()).qos()).isEqualTo(AT_MOST_ONCE);
        assertThat(result).succeedsWithin(WAIT)
                .satisfies(published -> assertThat(published.message().qos()).isEqualTo(AT_MOST_ONCE));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MaximumQosPolicy.class)
    @DisplayName("a message queued before the first connection is held to that connection's Maximum QoS "
            + "[MQTT-3.2.2-11] (5.0)")
    void queuedBeforeConnectIsHeldToTheConnectionsMaximum(MaximumQosPolicy policy) {
        MqttClient client = broker.newClient(options -> options.maximumQosPolicy(policy));
        CompletableFuture<PublishResult> queued = client.publish(message("queued", EXACTLY_ONCE)).toFuture();
        broker.expect(isConnect()).answer(maximumQos(AT_LEAST_ONCE));
        client.connect().block(WAIT);

        if (policy == MaximumQosPolicy.FAIL) {
            assertRefused(queued, "[MQTT-3.2.2-11]");
            assertThat(sendMarker(client).topic()).isEqualTo("marker");
        } else {
            PublishPacket sent = broker.awaitReceived(isPublish());
            assertThat(sent.topic()).isEqualTo("queued");
            assertThat(sent.qos()).isEqualTo(AT_LEAST_ONCE);
            broker.send(pubAck(sent.packetId()));
            assertThat(queued).succeedsWithin(WAIT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MaximumQosPolicy.class)
    @DisplayName("a message pending across a reconnect is held to the new connection's Maximum QoS "
            + "[MQTT-3.2.2-11] (5.0)")
    void pendingAcrossReconnectIsHeldToTheNewMaximum(MaximumQosPolicy policy) {
        MqttClient client = broker.connectedClient(options -> options.maximumQosPolicy(policy)
                .session(SessionOptions.DEFAULT.withCleanStart(false).withSessionExpiryInterval(Duration.ofHours(1)))
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))),
                connAckWith().receiveMaximum(1).build());
        CompletableFuture<PublishResult> first = client.publish(message("first", AT_LEAST_ONCE)).toFuture();
        CompletableFuture<PublishResult> pending = client.publish(message("pending", EXACTLY_ONCE)).toFuture();
        broker.awaitReceived(isPublish(AT_LEAST_ONCE));

        broker.closeConnection();
        broker.awaitReceived(isConnect());
        broker.send(connAckWith().sessionPresent(true).receiveMaximum(1).maximumQos(AT_LEAST_ONCE).build());
        PublishPacket resent = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        assertThat(resent.topic()).isEqualTo("first");
        assertThat(resent.dup()).isTrue();
        broker.send(pubAck(resent.packetId()));
        assertThat(first).succeedsWithin(WAIT);

        if (policy == MaximumQosPolicy.FAIL) {
            assertRefused(pending, "[MQTT-3.2.2-11]");
            assertThat(sendMarker(client).topic()).isEqualTo("marker");
        } else {
            PublishPacket sent = broker.awaitReceived(isPublish());
            assertThat(sent.topic()).isEqualTo("pending");
            assertThat(sent.qos()).isEqualTo(AT_LEAST_ONCE);
            broker.send(pubAck(sent.packetId()));
            assertThat(pending).succeedsWithin(WAIT);
        }
    }

    @Test
    @DisplayName("where Retain Available is 0, a retained message fails and is never sent, whether published while "
            + "connected or queued before [MQTT-3.2.2-14] (5.0)")
    void retainedMessagesFailWhereRetainIsUnavailable() {
        MqttClient client = broker.newClient(options -> options);
        MqttMessage retained = message("retained", AT_LEAST_ONCE).mutate().retain(true).build();
        CompletableFuture<PublishResult> queued = client.publish(retained).toFuture();
        broker.expect(isConnect()).answer(connAckWith().retainAvailable(false).build());
        client.connect().block(WAIT);

        assertRefused(queued, "[MQTT-3.2.2-14]");
        assertRefused(client.publish(retained).toFuture(), "[MQTT-3.2.2-14]");
        assertThat(sendMarker(client).topic()).isEqualTo("marker");
        assertThat(broker.received(MqttPacketType.PUBLISH)).hasSize(1);
    }
}
