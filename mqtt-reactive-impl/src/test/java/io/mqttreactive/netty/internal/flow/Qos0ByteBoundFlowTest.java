package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubComp;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isUnsubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.publish;
import static io.mqttreactive.netty.testing.scripted.Packets.pubRel;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.OverflowStrategy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import reactor.test.subscriber.TestSubscriber;

/**
 * The QoS 0 buffer of a subscription is bounded in payload bytes as well as in messages, so a few large messages
 * (retained 4 MB images, say) cannot fill the heap while the count bound is far away: a subscriber without demand
 * has room for {@value #BYTES} payload bytes and 256 messages, and each overflow strategy applies to the byte
 * bound as it does to the count bound, every drop counted in a {@link MqttClientEvent.MessageDropped} event.
 */
class Qos0ByteBoundFlowTest {

    private static final int BYTES = 10;

    private ScriptedBroker broker;
    private final List<MqttClientEvent.MessageDropped> drops = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Subscribes without demand, then the broker sends one QoS 0 message per payload, to q0/1, q0/2, ... */
    private TestSubscriber<MqttMessage> subscribeAndReceive(MqttVersion version, OverflowStrategy strategy,
            String... payloads) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.connectedClient(options -> options.flowControl(FlowControlOptions.builder()
                .qos0BufferBytes(BYTES).qos0OverflowStrategy(strategy).build()));
        client.events().ofType(MqttClientEvent.MessageDropped.class).subscribe(drops::add);
        TestSubscriber<MqttMessage> subscriber = TestSubscriber.builder().initialRequest(0).build();
        client.subscribe("q0/#", AT_MOST_ONCE).subscribe(subscriber);
        broker.send(subAck(broker.awaitReceived(isSubscribe("q0/#")).packetId(), 0));
        MqttPacket[] publishes = new MqttPacket[payloads.length];
        Arrays.setAll(publishes, i -> publish("q0/" + (i + 1), payloads[i], AT_MOST_ONCE, 0));
        broker.send(publishes);
        return subscriber;
    }

    private List<String> receivedAfterDemand(TestSubscriber<MqttMessage> subscriber) {
        subscriber.request(100);
        broker.barrier();
        return subscriber.getReceivedOnNext().stream().map(MqttMessage::payloadAsString).toList();
    }

    private List<String> droppedTopics() {
        return drops.stream().map(drop -> drop.topic().toString()).toList();
    }

    @BothVersions
    @DisplayName("DROP_OLDEST drops as many of the oldest messages as it takes to fit a large one in the bytes")
    void dropOldestMakesRoomInBytes(MqttVersion version) {
        TestSubscriber<MqttMessage> subscriber = subscribeAndReceive(version, OverflowStrategy.DROP_OLDEST,
                "aaaa", "bbbb", "cccccccc");

        assertThat(receivedAfterDemand(subscriber)).containsExactly("cccccccc");
        assertThat(droppedTopics()).containsExactly("q0/1", "q0/2");
        assertThat(drops).extracting(MqttClientEvent.MessageDropped::totalDropped).containsExactly(1L, 2L);
        subscriber.cancel();
    }

    @BothVersions
    @DisplayName("DROP_LATEST drops a message that does not fit in the bytes and keeps later ones that do")
    void dropLatestInBytes(MqttVersion version) {
        TestSubscriber<MqttMessage> subscriber = subscribeAndReceive(version, OverflowStrategy.DROP_LATEST,
                "aaaa", "bbbb", "cccc", "dd");

        assertThat(receivedAfterDemand(subscriber)).containsExactly("aaaa", "bbbb", "dd");
        assertThat(droppedTopics()).containsExactly("q0/3");
        subscriber.cancel();
    }

    @BothVersions
    @DisplayName("ERROR ends the subscription with MqttBufferFullException naming the byte capacity")
    void errorInBytes(MqttVersion version) {
        TestSubscriber<MqttMessage> subscriber = subscribeAndReceive(version, OverflowStrategy.ERROR,
                "aaaaaa", "bbbbbb");

        broker.awaitReceived(isUnsubscribe("q0/#"));
        subscriber.block(WAIT);

        assertThat(subscriber.expectTerminalError()).isInstanceOfSatisfying(MqttBufferFullException.class, error -> {
            assertThat(error.capacity()).isEqualTo(BYTES);
            assertThat(error).hasMessageContaining("payload bytes");
        });
        assertThat(droppedTopics()).containsExactly("q0/2");
    }

    @BothVersions
    @DisplayName("PAUSE_READING stops reading once the bytes are reached, drops nothing, and reads on once "
            + "downstream catches up")
    void pauseReadingInBytes(MqttVersion version) {
        TestSubscriber<MqttMessage> subscriber = subscribeAndReceive(version, OverflowStrategy.PAUSE_READING,
                "aaaaa", "bbbbb");
        broker.send(pubRel(100));

        broker.assertNothingReceivedWithin(Duration.ofMillis(300));

        subscriber.request(10);
        broker.awaitReceived(isPubComp(100));
        assertThat(subscriber.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("aaaaa", "bbbbb");
        assertThat(drops).isEmpty();
        subscriber.cancel();
    }

    @BothVersions
    @DisplayName("a message larger than the byte bound is still delivered when no other QoS 0 message waits")
    void aMessageLargerThanTheBoundIsDeliveredAlone(MqttVersion version) {
        TestSubscriber<MqttMessage> subscriber = subscribeAndReceive(version, OverflowStrategy.DROP_LATEST,
                "a message of more than ten bytes", "x");

        assertThat(receivedAfterDemand(subscriber)).containsExactly("a message of more than ten bytes");
        assertThat(droppedTopics()).containsExactly("q0/2");
        subscriber.cancel();
    }
}
