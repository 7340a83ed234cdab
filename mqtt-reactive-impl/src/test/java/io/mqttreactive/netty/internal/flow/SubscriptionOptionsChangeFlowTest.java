package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRec;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.publish;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttSubscribeException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.RetainHandling;
import io.mqttreactive.message.SubscribeReasonCode;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.message.SubscriptionOptions;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.topic.MqttTopicFilter;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.test.subscriber.TestSubscriber;

/**
 * A subscription to a filter that is already subscribed, with other options: the client sends a SUBSCRIBE for it,
 * the broker replaces its subscription ([MQTT-3.8.4-3]), the newest request's options are in force, and every flux
 * on the filter keeps receiving.
 */
class SubscriptionOptionsChangeFlowTest {

    private static final MqttTopicFilter FILTER = MqttTopicFilter.of("sensors/#");

    private ScriptedBroker broker;
    private MqttClient client;

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private void connect(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        client = broker.connectedClient(options -> options.reconnect(ReconnectOptions.DEFAULT
                .withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))));
    }

    /** Subscribes with options, answers the SUBSCRIBE it expects with the QoS asked for, and waits for the SUBACK. */
    private TestSubscriber<MqttMessage> subscribeGranted(SubscriptionOptions options) {
        MqttSubscription subscription = client.subscription(SubscribeRequest.of(new Subscription(FILTER, options)));
        TestSubscriber<MqttMessage> messages = TestSubscriber.create();
        subscription.messages().subscribe(messages);
        SubscribePacket subscribe = broker.awaitReceived(isSubscribe(FILTER.toString()));
        assertThat(subscribe.subscriptions()).singleElement().extracting(SubscriptionRequest::maximumQos)
                .isEqualTo(options.maxQos());
        broker.send(subAck(subscribe.packetId(), options.maxQos().code()));
        subscription.acknowledged().block(WAIT);
        return messages;
    }

    /** Subscribes with options that need no SUBSCRIBE and waits for the SUBACK result it shares. */
    private TestSubscriber<MqttMessage> subscribeJoining(SubscriptionOptions options) {
        MqttSubscription subscription = client.subscription(SubscribeRequest.of(new Subscription(FILTER, options)));
        TestSubscriber<MqttMessage> messages = TestSubscriber.create();
        subscription.messages().subscribe(messages);
        subscription.acknowledged().block(WAIT);
        return messages;
    }

    @BothVersions
    @DisplayName("a second subscription with a higher QoS sends a SUBSCRIBE for the filter; the broker replaces "
            + "its subscription and both fluxes receive at the new QoS [MQTT-3.8.4-3]")
    void aHigherQosIsSubscribedAgain(MqttVersion version) {
        connect(version);
        TestSubscriber<MqttMessage> first = subscribeGranted(SubscriptionOptions.of(AT_MOST_ONCE));
        MqttSubscription upgrade = client.subscription(SubscribeRequest.of(Subscription.of(FILTER, EXACTLY_ONCE)));
        TestSubscriber<MqttMessage> second = TestSubscriber.create();
        upgrade.messages().subscribe(second);

        SubscribePacket subscribe = broker.awaitReceived(isSubscribe(FILTER.toString()));
        assertThat(subscribe.subscriptions()).singleElement().extracting(SubscriptionRequest::maximumQos)
                .isEqualTo(EXACTLY_ONCE);
        broker.send(subAck(subscribe.packetId(), 2), publish("sensors/1", "reading", EXACTLY_ONCE, 9));
        broker.awaitReceived(isPubRec(9));

        assertThat(upgrade.acknowledged().block(WAIT).reasonCodes()).containsExactly(SubscribeReasonCode.GRANTED_QOS_2);
        assertThat(first.getReceivedOnNext()).extracting(MqttMessage::qos).containsExactly(EXACTLY_ONCE);
        assertThat(second.getReceivedOnNext()).extracting(MqttMessage::qos).containsExactly(EXACTLY_ONCE);
        first.cancel();
        second.cancel();
    }

    @Test
    @DisplayName("No Local, Retain As Published and Retain Handling differing from those in force are sent in a new "
            + "SUBSCRIBE [MQTT-3.8.4-3] (5.0)")
    void otherMqtt5OptionsAreSubscribedAgain() {
        connect(MqttVersion.MQTT_5_0);
        TestSubscriber<MqttMessage> first = subscribeGranted(SubscriptionOptions.of(AT_LEAST_ONCE));
        SubscriptionOptions changed = SubscriptionOptions.of(AT_LEAST_ONCE).withNoLocal(true)
                .withRetainAsPublished(true).withRetainHandling(RetainHandling.DO_NOT_SEND);
        TestSubscriber<MqttMessage> second = TestSubscriber.create();
        client.subscribe(SubscribeRequest.of(new Subscription(FILTER, changed))).subscribe(second);

        SubscriptionRequest sent = broker.awaitReceived(isSubscribe(FILTER.toString())).subscriptions().get(0);

        assertThat(sent.noLocal()).isTrue();
        assertThat(sent.retainAsPublished()).isTrue();
        assertThat(sent.retainHandling()).isEqualTo(RetainHandling.DO_NOT_SEND.code());
        first.cancel();
        second.cancel();
    }

    @BothVersions
    @DisplayName("the newest request's options stay in force after it ends: a request with them sends nothing, one "
            + "with the first options sends a SUBSCRIBE again")
    void theNewestOptionsStayInForce(MqttVersion version) {
        connect(version);
        TestSubscriber<MqttMessage> first = subscribeGranted(SubscriptionOptions.of(AT_MOST_ONCE));
        TestSubscriber<MqttMessage> upgrade = subscribeGranted(SubscriptionOptions.of(EXACTLY_ONCE));

        upgrade.cancel();
        broker.assertNothingElseReceived();
        TestSubscriber<MqttMessage> same = subscribeJoining(SubscriptionOptions.of(EXACTLY_ONCE));
        broker.assertNothingElseReceived();
        TestSubscriber<MqttMessage> back = subscribeGranted(SubscriptionOptions.of(AT_MOST_ONCE));

        broker.assertNothingElseReceived();
        first.cancel();
        same.cancel();
        back.cancel();
    }

    @BothVersions
    @DisplayName("without a session on reconnect, every subscription to the filter is subscribed again with the "
            + "options in force")
    void aNewSessionGetsTheOptionsInForce(MqttVersion version) {
        connect(version);
        TestSubscriber<MqttMessage> first = subscribeGranted(SubscriptionOptions.of(AT_MOST_ONCE));
        TestSubscriber<MqttMessage> upgrade = subscribeGranted(SubscriptionOptions.of(EXACTLY_ONCE));

        broker.closeConnection();
        broker.awaitReceived(isConnect());
        broker.send(connAck());

        for (int i = 0; i < 2; i++) {
            SubscribePacket again = broker.awaitReceived(isSubscribe(FILTER.toString()));
            assertThat(again.subscriptions()).extracting(SubscriptionRequest::maximumQos).containsExactly(EXACTLY_ONCE);
            broker.send(subAck(again.packetId(), 2));
        }
        broker.assertNothingElseReceived();
        first.cancel();
        upgrade.cancel();
    }

    @BothVersions
    @DisplayName("when the broker refuses the new options, only the new subscription fails; the first keeps "
            + "receiving and nothing is unsubscribed [MQTT-3.9.3-1]")
    void aRefusalFailsOnlyTheNewSubscription(MqttVersion version) {
        connect(version);
        TestSubscriber<MqttMessage> first = subscribeGranted(SubscriptionOptions.of(AT_MOST_ONCE));
        TestSubscriber<MqttMessage> refused = TestSubscriber.create();
        client.subscribe(SubscribeRequest.of(Subscription.of(FILTER, EXACTLY_ONCE))).subscribe(refused);

        broker.send(subAck(broker.awaitReceived(isSubscribe(FILTER.toString())).packetId(), 0x80),
                publish("sensors/1", "still", AT_MOST_ONCE, 0));
        refused.block(WAIT);

        assertThat(refused.expectTerminalError()).isInstanceOf(MqttSubscribeException.class);
        broker.assertNothingElseReceived();
        assertThat(first.isTerminated()).isFalse();
        assertThat(first.getReceivedOnNext()).extracting(MqttMessage::payloadAsString).containsExactly("still");
        TestSubscriber<MqttMessage> again = subscribeGranted(SubscriptionOptions.of(AT_MOST_ONCE));
        first.cancel();
        again.cancel();
    }
}
