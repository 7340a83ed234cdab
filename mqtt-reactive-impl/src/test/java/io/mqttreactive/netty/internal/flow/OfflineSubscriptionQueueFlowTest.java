package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.OfflineQueueOverflow;
import io.mqttreactive.topic.MqttTopicFilter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.test.subscriber.TestSubscriber;

/**
 * The offline subscription queue against a scripted broker: subscriptions made before {@code connect()} wait for
 * their SUBSCRIBE in a bounded queue; when it is full the new one fails, or the oldest is dropped and reported, as
 * {@link OfflineQueueOverflow} says.
 */
class OfflineSubscriptionQueueFlowTest {

    private final List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
    private ScriptedBroker broker;
    private MqttClient client;

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private void newClient(int size, OfflineQueueOverflow overflow) {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        client = broker.newClient(options -> options.flowControl(FlowControlOptions.builder()
                .offlineSubscriptionQueueSize(size).offlineQueueOverflow(overflow).build()));
        client.events().subscribe(events::add);
    }

    private TestSubscriber<MqttMessage> subscribe(String filter) {
        TestSubscriber<MqttMessage> subscriber = TestSubscriber.create();
        client.subscribe(filter, AT_LEAST_ONCE).subscribe(subscriber);
        return subscriber;
    }

    private void connect() {
        broker.expect(isConnect()).answer(connAck());
        client.connect().block(WAIT);
    }

    private SubscribePacket grantNext(String filter) {
        SubscribePacket subscribe = broker.awaitReceived(isSubscribe(filter));
        broker.send(subAck(subscribe.packetId(), 1));
        return subscribe;
    }

    @Test
    @DisplayName("FAIL_NEW: a subscription past the bound fails with MqttBufferFullException; the queued ones are "
            + "sent in order once connected")
    void failNewRefusesTheNewSubscription() {
        newClient(2, OfflineQueueOverflow.FAIL_NEW);
        TestSubscriber<MqttMessage> first = subscribe("a/#");
        TestSubscriber<MqttMessage> second = subscribe("b/#");
        TestSubscriber<MqttMessage> third = subscribe("c/#");

        third.block(WAIT);
        assertThat(third.expectTerminalError()).isInstanceOfSatisfying(MqttBufferFullException.class,
                full -> assertThat(full.capacity()).isEqualTo(2));
        connect();
        grantNext("a/#");
        grantNext("b/#");

        broker.assertNothingElseReceived();
        assertThat(first.isTerminated()).isFalse();
        assertThat(second.isTerminated()).isFalse();
        assertThat(events).noneMatch(MqttClientEvent.OfflineSubscriptionDropped.class::isInstance);
        first.cancel();
        second.cancel();
    }

    @Test
    @DisplayName("DROP_OLDEST: the oldest queued subscription fails with MqttBufferFullException, counted and "
            + "reported as OfflineSubscriptionDropped; the newer ones are sent once connected")
    void dropOldestDropsTheOldestSubscription() {
        newClient(2, OfflineQueueOverflow.DROP_OLDEST);
        MqttSubscription oldest = client.subscription(SubscribeRequest.of(Subscription.of("a/#", AT_LEAST_ONCE)));
        TestSubscriber<MqttMessage> first = TestSubscriber.create();
        oldest.messages().subscribe(first);
        TestSubscriber<MqttMessage> second = subscribe("b/#");
        TestSubscriber<MqttMessage> third = subscribe("c/#");
        TestSubscriber<MqttMessage> fourth = subscribe("d/#");

        first.block(WAIT);
        second.block(WAIT);
        assertThat(first.expectTerminalError()).isInstanceOf(MqttBufferFullException.class);
        assertThat(second.expectTerminalError()).isInstanceOf(MqttBufferFullException.class);
        assertThat(oldest.acknowledged().toFuture()).failsWithin(WAIT).withThrowableThat().havingCause()
                .isInstanceOf(MqttBufferFullException.class);
        assertThat(events).filteredOn(MqttClientEvent.OfflineSubscriptionDropped.class::isInstance).containsExactly(
                new MqttClientEvent.OfflineSubscriptionDropped(List.of(MqttTopicFilter.of("a/#")), 1),
                new MqttClientEvent.OfflineSubscriptionDropped(List.of(MqttTopicFilter.of("b/#")), 2));
        connect();
        grantNext("c/#");
        grantNext("d/#");

        broker.assertNothingElseReceived();
        assertThat(third.isTerminated()).isFalse();
        assertThat(fourth.isTerminated()).isFalse();
        third.cancel();
        fourth.cancel();
    }

    @Test
    @DisplayName("a queue of 0 fails every subscription made while disconnected at once")
    void aQueueOfZeroFailsAtOnce() {
        newClient(0, OfflineQueueOverflow.DROP_OLDEST);
        TestSubscriber<MqttMessage> subscriber = subscribe("a/#");

        subscriber.block(WAIT);

        assertThat(subscriber.expectTerminalError()).isInstanceOf(MqttBufferFullException.class);
        assertThat(events).noneMatch(MqttClientEvent.OfflineSubscriptionDropped.class::isInstance);
    }

    @Test
    @DisplayName("an unsubscribed subscription gives its room back; one joining a queued filter with the same "
            + "options takes none")
    void onlyWaitingSubscribesTakeRoom() {
        newClient(1, OfflineQueueOverflow.FAIL_NEW);
        MqttSubscription unsubscribed = client.subscription(SubscribeRequest.of(Subscription.of("a/#", AT_LEAST_ONCE)));
        unsubscribed.messages().subscribe(TestSubscriber.create());
        unsubscribed.unsubscribe().block(WAIT);
        TestSubscriber<MqttMessage> second = subscribe("b/#");
        TestSubscriber<MqttMessage> joining = subscribe("b/#");

        connect();
        grantNext("b/#");

        broker.assertNothingElseReceived();
        assertThat(second.isTerminated()).isFalse();
        assertThat(joining.isTerminated()).isFalse();
        second.cancel();
        joining.cancel();
    }

    @Test
    @DisplayName("a subscription that joined a dropped one asks for its filter itself, without dropping a newer one")
    void aFollowerOfADroppedSubscriptionKeepsItsPlace() {
        newClient(1, OfflineQueueOverflow.DROP_OLDEST);
        TestSubscriber<MqttMessage> dropped = subscribe("a/#");
        TestSubscriber<MqttMessage> follower = subscribe("a/#");
        TestSubscriber<MqttMessage> newest = subscribe("c/#");

        dropped.block(WAIT);
        assertThat(dropped.expectTerminalError()).isInstanceOf(MqttBufferFullException.class);
        connect();
        grantNext("c/#");
        grantNext("a/#");

        broker.assertNothingElseReceived();
        assertThat(follower.isTerminated()).isFalse();
        assertThat(newest.isTerminated()).isFalse();
        follower.cancel();
        newest.cancel();
    }
}
