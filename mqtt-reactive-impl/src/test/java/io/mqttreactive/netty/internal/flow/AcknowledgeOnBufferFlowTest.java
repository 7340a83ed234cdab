package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubAck;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRec;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isUnsubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.publish;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.AcknowledgeableMessage;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.AcknowledgeMode;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import io.mqttreactive.topic.MqttTopicFilter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.test.subscriber.TestSubscriber;

/**
 * {@link AcknowledgeMode#onBuffer(int, long)} against a scripted broker: a subscription that acknowledges messages
 * as they enter its buffer holds back the other subscriptions' acknowledgements only once that buffer is full;
 * past it, its messages wait unacknowledged and nothing is lost; acknowledgements still leave in arrival order;
 * a message several subscriptions match waits for the strictest of their modes; what a subscription acknowledged
 * and never emitted is reported when it ends.
 */
class AcknowledgeOnBufferFlowTest {

    private ScriptedBroker broker;
    private MqttClient client;
    private final List<MqttMessage> fast = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private void connect(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        client = broker.connectedClient(options -> options);
    }

    private void connectWithSession(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        client = broker.connectedClient(options -> options
                .session(SessionOptions.DEFAULT.withCleanStart(false).withSessionExpiryInterval(Duration.ofHours(1)))
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))));
    }

    /** Subscribes to {@code filter} with no initial demand, acknowledging as {@code mode} says. */
    private TestSubscriber<MqttMessage> stalled(String filter, AcknowledgeMode mode) {
        TestSubscriber<MqttMessage> subscriber = TestSubscriber.builder().initialRequest(0).build();
        client.subscribe(SubscribeRequest.of(Subscription.of(filter, EXACTLY_ONCE)), mode).subscribe(subscriber);
        grantSubscribe(filter);
        return subscriber;
    }

    /** Subscribes to fast/# with unbounded demand and the default mode. */
    private void subscribeFast() {
        client.subscribe("fast/#", EXACTLY_ONCE).subscribe(fast::add);
        grantSubscribe("fast/#");
    }

    private void grantSubscribe(String filter) {
        broker.send(subAck(broker.awaitReceived(isSubscribe(filter)).packetId(), 2));
        broker.barrier();
    }

    private static PublishPacket qos1(String topic, int packetId) {
        return publish(topic, topic, AT_LEAST_ONCE, packetId);
    }

    private void expectPubAcks(int... packetIds) {
        for (int packetId : packetIds) {
            broker.awaitReceived(isPubAck(packetId));
        }
    }

    @BothVersions
    @DisplayName("on buffer: a stalled subscription holds back no other subscription's PUBACK until its buffer is "
            + "full; then every PUBACK waits for its oldest waiting message, in arrival order, until it takes one "
            + "[MQTT-4.3.2-4] [MQTT-4.6.0-2] (5.0), [MQTT-4.3.2-2] [MQTT-4.6.0-2] (3.1.1)")
    void aStalledSubscriptionHoldsOthersBackOnlyOnceItsBufferIsFull(MqttVersion version) {
        connect(version);
        TestSubscriber<MqttMessage> slow = stalled("slow/#", AcknowledgeMode.onBuffer(2, 1024));
        subscribeFast();

        broker.send(qos1("slow/1", 1), qos1("fast/2", 2), qos1("slow/3", 3), qos1("fast/4", 4));
        expectPubAcks(1, 2, 3, 4);
        broker.assertNothingElseReceived();

        broker.send(qos1("slow/5", 5), qos1("fast/6", 6));
        broker.assertNothingElseReceived();
        assertThat(fast).extracting(MqttMessage::payloadAsString).containsExactly("fast/2", "fast/4", "fast/6");

        slow.request(1);
        expectPubAcks(5, 6);
        broker.assertNothingElseReceived();
        slow.request(2);
        broker.assertNothingElseReceived();
        assertThat(slow.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("slow/1", "slow/3", "slow/5");
        slow.cancel();
    }

    @BothVersions
    @DisplayName("on delivery, the default: a stalled subscription holds back every later PUBACK at once "
            + "[MQTT-4.6.0-2]")
    void onDeliveryAStalledSubscriptionHoldsOthersBackAtOnce(MqttVersion version) {
        connect(version);
        TestSubscriber<MqttMessage> slow = stalled("slow/#", AcknowledgeMode.ON_DELIVERY);
        subscribeFast();

        broker.send(qos1("slow/1", 1), qos1("fast/2", 2));
        broker.assertNothingElseReceived();
        assertThat(fast).extracting(MqttMessage::payloadAsString).containsExactly("fast/2");

        slow.request(1);
        expectPubAcks(1, 2);
        broker.assertNothingElseReceived();
        slow.cancel();
    }

    @BothVersions
    @DisplayName("a message taken into a buffer is not acknowledged before an earlier message still on its way: "
            + "PUBACKs and PUBRECs leave in arrival order [MQTT-4.6.0-2] [MQTT-4.6.0-3]")
    void aBufferedMessageIsAcknowledgedOnlyAfterEarlierOnes(MqttVersion version) {
        connect(version);
        TestSubscriber<MqttMessage> onDelivery = stalled("held/#", AcknowledgeMode.ON_DELIVERY);
        TestSubscriber<MqttMessage> buffered = stalled("buffered/#", AcknowledgeMode.onBuffer());

        broker.send(qos1("held/1", 1), publish("buffered/2", "qos 2", EXACTLY_ONCE, 2), qos1("buffered/3", 3));
        broker.assertNothingElseReceived();

        onDelivery.request(1);
        broker.awaitReceived(isPubAck(1));
        broker.awaitReceived(isPubRec(2));
        broker.awaitReceived(isPubAck(3));
        broker.assertNothingElseReceived();
        assertThat(buffered.getReceivedOnNext()).isEmpty();
        onDelivery.cancel();
        buffered.cancel();
    }

    @BothVersions
    @DisplayName("a full buffer holds the acknowledgements back, so the Receive Maximum pauses the broker, and "
            + "loses nothing: every message is delivered once, in order, and acknowledged once, in order "
            + "[MQTT-4.6.0-2]")
    void aFullBufferLosesNothing(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        client = broker.connectedClient(options -> options
                .flowControl(FlowControlOptions.builder().receiveMaximum(3).build()));
        TestSubscriber<MqttMessage> slow = stalled("slow/#", AcknowledgeMode.onBuffer(2, 1024));

        PublishPacket[] messages = IntStream.rangeClosed(1, 10).mapToObj(id -> qos1("slow/" + id, id))
                .toArray(PublishPacket[]::new);
        broker.send(messages);
        expectPubAcks(1, 2);

        slow.request(Long.MAX_VALUE);
        expectPubAcks(3, 4, 5, 6, 7, 8, 9, 10);
        broker.assertNothingElseReceived();
        assertThat(slow.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 10).mapToObj(id -> "slow/" + id).toList());
        slow.cancel();
    }

    @BothVersions
    @DisplayName("overlapping subscriptions with different modes: the message is acknowledged once, when the "
            + "strictest has taken it: on delivery waits for emission, manual for acknowledge()")
    void overlappingSubscriptionsWaitForTheStrictestMode(MqttVersion version) {
        connect(version);
        TestSubscriber<MqttMessage> buffered = stalled("both/#", AcknowledgeMode.onBuffer());
        TestSubscriber<MqttMessage> onDelivery = stalled("both/+", AcknowledgeMode.ON_DELIVERY);
        List<AcknowledgeableMessage> manual = new CopyOnWriteArrayList<>();
        client.subscribeAcknowledged("both/manual", AT_LEAST_ONCE).subscribe(manual::add);
        grantSubscribe("both/manual");

        broker.send(qos1("both/x", 1));
        broker.assertNothingElseReceived();
        onDelivery.request(1);
        expectPubAcks(1);

        broker.send(qos1("both/manual", 2));
        onDelivery.request(1);
        broker.assertNothingElseReceived();
        assertThat(manual).hasSize(1);
        manual.get(0).acknowledge().block(ScriptedBroker.WAIT);
        expectPubAcks(2);
        broker.assertNothingElseReceived();
        assertThat(buffered.getReceivedOnNext()).isEmpty();
        buffered.request(2);
        broker.assertNothingElseReceived();
        assertThat(buffered.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("both/x", "both/manual");
        buffered.cancel();
        onDelivery.cancel();
    }

    @Test
    @DisplayName("cancelled with acknowledged messages not yet emitted, a subscription discards them and reports "
            + "how many; the messages still waiting for room stay unacknowledged, for the broker to send again")
    void aCancelledSubscriptionReportsTheAcknowledgedMessagesItDiscards() {
        connect(MqttVersion.MQTT_5_0);
        List<MqttClientEvent.BufferedMessagesDiscarded> discarded = new CopyOnWriteArrayList<>();
        client.events().ofType(MqttClientEvent.BufferedMessagesDiscarded.class).subscribe(discarded::add);
        TestSubscriber<MqttMessage> slow = stalled("slow/#", AcknowledgeMode.onBuffer(2, 1024));
        broker.send(qos1("slow/1", 1), qos1("slow/2", 2), qos1("slow/3", 3));
        expectPubAcks(1, 2);
        broker.assertNothingElseReceived();

        slow.cancel();
        broker.awaitReceived(isUnsubscribe("slow/#"));
        broker.assertNothingElseReceived();
        assertThat(discarded).containsExactly(
                new MqttClientEvent.BufferedMessagesDiscarded(MqttTopicFilter.of("slow/#"), 2, 2));
    }

    @BothVersions
    @DisplayName("the buffer outlives a lost connection: a buffered message whose PUBACK waited behind an earlier "
            + "one is re-sent on the resumed session, answered on the new connection and delivered once "
            + "[MQTT-4.4.0-1] [MQTT-4.6.0-2]")
    void aBufferedMessageReSentAfterReconnectIsDeliveredOnce(MqttVersion version) {
        connectWithSession(version);
        TestSubscriber<MqttMessage> onDelivery = stalled("held/#", AcknowledgeMode.ON_DELIVERY);
        TestSubscriber<MqttMessage> buffered = stalled("buffered/#", AcknowledgeMode.onBuffer());
        PublishPacket held = qos1("held/1", 1);
        PublishPacket taken = qos1("buffered/2", 2);
        broker.send(held, taken);
        broker.assertNothingElseReceived();

        broker.closeConnection();
        broker.awaitReceived(isConnect());
        broker.send(connAck(true));
        broker.barrier();
        broker.send(held.asDuplicate(), taken.asDuplicate());
        broker.assertNothingElseReceived();
        onDelivery.request(1);
        expectPubAcks(1, 2);
        buffered.request(2);
        broker.assertNothingElseReceived();

        assertThat(broker.received(MqttPacketType.PUBACK)).hasSize(2);
        assertThat(buffered.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("buffered/2");
        assertThat(onDelivery.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("held/1");
        onDelivery.cancel();
        buffered.cancel();
    }
}
