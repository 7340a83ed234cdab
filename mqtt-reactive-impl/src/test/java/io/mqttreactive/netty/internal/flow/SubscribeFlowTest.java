package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubAck;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isUnsubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.publish;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.Packets.unsubAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttSubscribeException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeReasonCode;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import reactor.core.publisher.Flux;
import reactor.test.subscriber.TestSubscriber;

/** SUBSCRIBE and UNSUBSCRIBE against a scripted broker: cold subscription, SUBACK failures, the last subscriber. */
class SubscribeFlowTest {

    private ScriptedBroker broker;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private MqttClient connect(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        return broker.connectedClient(options -> options);
    }

    @BothVersions
    @DisplayName("SUBSCRIBE goes out on subscription, not before, with its filters and QoS [MQTT-3.8.1-1] "
            + "[MQTT-3.8.3-2] (5.0), [MQTT-3.8.1-1] [MQTT-3.8.3-3] (3.1.1)")
    void subscribeIsCold(MqttVersion version) {
        MqttClient client = connect(version);
        Flux<MqttMessage> messages = client.subscribe(SubscribeRequest.of(Subscription.of("a/#", AT_LEAST_ONCE),
                Subscription.of("b/+", EXACTLY_ONCE)));
        broker.assertNothingElseReceived();

        TestSubscriber<MqttMessage> subscriber = TestSubscriber.create();
        messages.subscribe(subscriber);

        SubscribePacket subscribe = broker.awaitReceived(isSubscribe("a/#", "b/+"));
        assertThat(subscribe.packetId()).isNotZero();
        assertThat(subscribe.subscriptions()).extracting(request -> request.maximumQos())
                .containsExactly(AT_LEAST_ONCE, EXACTLY_ONCE);
        broker.send(subAck(subscribe.packetId(), 1, 2), publish("b/x", "hello", AT_MOST_ONCE, 0));
        broker.barrier();
        assertThat(subscriber.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("hello");
        subscriber.cancel();
    }

    @BothVersions
    @DisplayName("a SUBACK failure is an MqttSubscribeException with every reason code; the granted filter is "
            + "unsubscribed [MQTT-3.9.3-1]")
    void subAckFailure(MqttVersion version) {
        MqttClient client = connect(version);
        boolean mqtt5 = version.isMqtt5();
        List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
        client.events().subscribe(events::add);
        TestSubscriber<MqttMessage> subscriber = TestSubscriber.create();
        client.subscribe(List.of(Subscription.of("ok/#", AT_LEAST_ONCE), Subscription.of("no/#", AT_LEAST_ONCE)))
                .subscribe(subscriber);

        int packetId = broker.awaitReceived(isSubscribe("ok/#", "no/#")).packetId();
        int refusal = mqtt5 ? SubscribeReasonCode.NOT_AUTHORIZED.code() : 0x80;
        broker.send(mqtt5 ? new SubAckPacket(packetId, List.of(1, refusal), "no access", List.of())
                : subAck(packetId, 1, refusal));
        subscriber.block(WAIT);

        assertThat(subscriber.expectTerminalError()).isInstanceOfSatisfying(MqttSubscribeException.class, error -> {
            assertThat(error.reasonCode()).isEqualTo(refusal);
            assertThat(error.result()).hasValueSatisfying(result -> {
                assertThat(result.reasonCodes()).extracting(SubscribeReasonCode::code).containsExactly(1, refusal);
                assertThat(result.isSuccess()).isFalse();
            });
            if (mqtt5) {
                assertThat(error.reasonString()).contains("no access");
            }
        });
        UnsubscribePacket unsubscribe = broker.awaitReceived(isUnsubscribe());
        assertThat(unsubscribe.topicFilters()).contains("ok/#");
        assertThat(events).filteredOn(MqttClientEvent.Subscribed.class::isInstance).hasSize(1);
    }

    @BothVersions
    @DisplayName("a SUBACK with fewer reason codes than filters fails the subscription [MQTT-3.9.3-1]")
    void subAckWithWrongCodeCount(MqttVersion version) {
        MqttClient client = connect(version);
        TestSubscriber<MqttMessage> subscriber = TestSubscriber.create();
        client.subscribe(List.of(Subscription.of("x/#", AT_LEAST_ONCE), Subscription.of("y/#", AT_LEAST_ONCE)))
                .subscribe(subscriber);

        int packetId = broker.awaitReceived(isSubscribe("x/#", "y/#")).packetId();
        broker.send(subAck(packetId, 1));
        subscriber.block(WAIT);

        assertThat(subscriber.expectTerminalError()).isInstanceOf(MqttSubscribeException.class)
                .hasMessageContaining("MQTT-3.9.3-1");
    }

    @BothVersions
    @DisplayName("a subscriber joining a filter whose SUBSCRIBE is unanswered shares that SUBACK: when it rejects "
            + "the filter, both fail [MQTT-3.9.3-1]")
    void laterSubscriberSharesARejectingSubAck(MqttVersion version) {
        MqttClient client = connect(version);
        TestSubscriber<MqttMessage> first = TestSubscriber.create();
        TestSubscriber<MqttMessage> second = TestSubscriber.create();
        client.subscribe("f/#", AT_LEAST_ONCE).subscribe(first);
        int firstId = broker.awaitReceived(isSubscribe("f/#")).packetId();
        client.subscribe(List.of(Subscription.of("f/#", AT_LEAST_ONCE), Subscription.of("g/#", AT_LEAST_ONCE)))
                .subscribe(second);
        int secondId = broker.awaitReceived(isSubscribe("g/#")).packetId();

        broker.send(subAck(secondId, 1));
        broker.barrier();
        assertThat(second.isTerminated()).isFalse();
        broker.send(subAck(firstId, 0x80));
        first.block(WAIT);
        second.block(WAIT);

        assertThat(first.expectTerminalError()).isInstanceOf(MqttSubscribeException.class);
        assertThat(second.expectTerminalError()).isInstanceOfSatisfying(MqttSubscribeException.class,
                error -> assertThat(error.reasonCode()).isEqualTo(0x80));
        assertThat(broker.awaitReceived(isUnsubscribe()).topicFilters()).contains("g/#");
    }

    @BothVersions
    @DisplayName("a subscriber joining a filter whose SUBSCRIBE is unanswered stays subscribed when it is granted")
    void laterSubscriberSharesAGrantingSubAck(MqttVersion version) {
        MqttClient client = connect(version);
        TestSubscriber<MqttMessage> first = TestSubscriber.create();
        TestSubscriber<MqttMessage> second = TestSubscriber.create();
        client.subscribe("h/#", AT_LEAST_ONCE).subscribe(first);
        int id = broker.awaitReceived(isSubscribe("h/#")).packetId();
        client.subscribe("h/#", AT_LEAST_ONCE).subscribe(second);
        broker.assertNothingElseReceived();

        broker.send(subAck(id, 1), publish("h/x", "both", AT_MOST_ONCE, 0));
        broker.assertNothingElseReceived();

        assertThat(first.isTerminated()).isFalse();
        assertThat(second.isTerminated()).isFalse();
        assertThat(second.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("both");
        first.cancel();
        second.cancel();
    }

    @BothVersions
    @DisplayName("UNSUBSCRIBE goes out when the last subscriber of a filter cancels, not before; later messages "
            + "are still acknowledged [MQTT-3.10.1-1] [MQTT-3.10.3-2] [MQTT-4.5.0-2]")
    void unsubscribeAfterTheLastSubscriber(MqttVersion version) {
        MqttClient client = connect(version);
        List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
        client.events().subscribe(events::add);
        TestSubscriber<MqttMessage> first = TestSubscriber.create();
        TestSubscriber<MqttMessage> second = TestSubscriber.create();

        client.subscribe("shared/#", AT_LEAST_ONCE).subscribe(first);
        int subscribe = broker.awaitReceived(isSubscribe("shared/#")).packetId();
        broker.send(subAck(subscribe, 1));
        broker.barrier();
        client.subscribe("shared/#", AT_LEAST_ONCE).subscribe(second);
        broker.assertNothingElseReceived();

        first.cancel();
        broker.assertNothingElseReceived();
        broker.send(publish("shared/1", "still one", AT_LEAST_ONCE, 1));
        broker.awaitReceived(isPubAck(1));
        assertThat(second.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("still one");

        second.cancel();
        UnsubscribePacket unsubscribe = broker.awaitReceived(isUnsubscribe("shared/#"));
        assertThat(unsubscribe.packetId()).isNotZero();
        broker.send(publish("shared/2", "in flight", AT_LEAST_ONCE, 2));
        broker.awaitReceived(isPubAck(2));
        broker.send(unsubAck(unsubscribe.packetId(), version.isMqtt5(), 1));
        broker.assertNothingElseReceived();
        assertThat(events).filteredOn(MqttClientEvent.Unsubscribed.class::isInstance)
                .singleElement()
                .satisfies(event -> assertThat(((MqttClientEvent.Unsubscribed) event).filters())
                        .extracting(Object::toString).containsExactly("shared/#"));
        assertThat(first.getReceivedOnNext()).isEmpty();
    }
}
