package io.mqttreactive.netty.it;

import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.message.UnsubscribeReasonCode;
import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Changing the options of a live subscription on a real broker: a second subscription to the same filter with a
 * higher QoS makes the client send a SUBSCRIBE that replaces the broker's subscription ([MQTT-3.8.4-3]), so the
 * granted QoS changes and both subscriptions receive at the new QoS; {@code unsubscribe()} then ends them, the
 * UNSUBSCRIBE going out with the last.
 */
class SubscriptionOptionsChangeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5_0"})
    void aHigherQosReplacesTheSubscriptionAndBothReceiveAtIt(MqttVersion version) {
        HiveMqBroker broker = HiveMqBroker.shared();
        MqttClientOptions options = MqttClientOptions.builder()
                .uri(broker.uri(MqttTestBroker.Listener.TCP).toString()).version(version).build();
        MqttClient subscriber = MqttClients.create(options.mutate().clientId("options-sub-" + version.name()).build());
        MqttClient publisher = MqttClients.create(options.mutate().clientId("options-pub-" + version.name()).build());
        String topic = "options-change/" + version.name();
        try {
            subscriber.connect().block(WAIT);
            publisher.connect().block(WAIT);
            MqttSubscription atQos0 = subscriber.subscription(SubscribeRequest.of(Subscription.of(topic, AT_MOST_ONCE)));
            Received<MqttMessage> first = Received.of(atQos0.messages());
            assertThat(atQos0.acknowledged().block(WAIT).grantedQos(0)).contains(AT_MOST_ONCE);
            publish(publisher, topic, "before");
            assertThat(first.next().qos()).isEqualTo(AT_MOST_ONCE);

            MqttSubscription atQos2 = subscriber.subscription(SubscribeRequest.of(Subscription.of(topic, EXACTLY_ONCE)));
            Received<MqttMessage> second = Received.of(atQos2.messages());
            assertThat(atQos2.acknowledged().block(WAIT).grantedQos(0)).contains(EXACTLY_ONCE);
            publish(publisher, topic, "after");

            MqttMessage toFirst = first.next();
            MqttMessage toSecond = second.next();
            assertThat(toFirst.payloadAsString()).isEqualTo("after");
            assertThat(toFirst.qos()).isEqualTo(EXACTLY_ONCE);
            assertThat(toSecond.payloadAsString()).isEqualTo("after");
            assertThat(toSecond.qos()).isEqualTo(EXACTLY_ONCE);

            assertThat(atQos2.unsubscribe().block(WAIT).reasonCodes()).as("the filter is still used")
                    .containsExactly(UnsubscribeReasonCode.SUCCESS);
            second.awaitCompletion();
            assertThat(atQos0.unsubscribe().block(WAIT).isSuccess()).isTrue();
            first.awaitCompletion();
        } finally {
            subscriber.close().block(WAIT);
            publisher.close().block(WAIT);
        }
    }

    private static void publish(MqttClient publisher, String topic, String payload) {
        publisher.publish(MqttMessage.of(topic, payload.getBytes(StandardCharsets.UTF_8), MqttQos.EXACTLY_ONCE))
                .block(WAIT);
    }
}
