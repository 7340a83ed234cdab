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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import reactor.test.subscriber.TestSubscriber;

/**
 * Inbound QoS 0 against a scripted broker: a subscriber without demand has a buffer of two messages, and the
 * broker sends four; each overflow strategy drops, fails or stops reading as documented, and every drop is
 * counted in a {@link MqttClientEvent.MessageDropped} event.
 */
class Qos0OverflowFlowTest {

    private static final int BUFFER = 2;

    private ScriptedBroker broker;
    private final List<MqttClientEvent.MessageDropped> drops = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private TestSubscriber<MqttMessage> subscribeWithFullBuffer(MqttVersion version, OverflowStrategy strategy,
            int messages) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.connectedClient(options -> options.flowControl(FlowControlOptions.builder()
                .qos0BufferSize(BUFFER).qos0OverflowStrategy(strategy).build()));
        client.events().ofType(MqttClientEvent.MessageDropped.class).subscribe(drops::add);
        TestSubscriber<MqttMessage> subscriber = TestSubscriber.builder().initialRequest(0).build();
        client.subscribe("q0/#", AT_MOST_ONCE).subscribe(subscriber);
        int subscribe = broker.awaitReceived(isSubscribe("q0/#")).packetId();
        broker.send(subAck(subscribe, 0));
        broker.send(IntStream.rangeClosed(1, messages).mapToObj(i -> publish("q0/" + i, "m" + i, AT_MOST_ONCE, 0))
                .toArray(MqttPacket[]::new));
        return subscriber;
    }

    @BothVersions
    @DisplayName("DROP_OLDEST keeps the newest messages and reports each drop with a running count")
    void dropOldest(MqttVersion version) {
        TestSubscriber<MqttMessage> subscriber = subscribeWithFullBuffer(version, OverflowStrategy.DROP_OLDEST, 4);
        broker.assertNothingElseReceived();

        subscriber.request(10);
        broker.barrier();

        assertThat(subscriber.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("m3", "m4");
        assertDrops(drops, OverflowStrategy.DROP_OLDEST, "q0/1", "q0/2");
        subscriber.cancel();
    }

    @BothVersions
    @DisplayName("DROP_LATEST keeps the oldest messages and reports each drop with a running count")
    void dropLatest(MqttVersion version) {
        TestSubscriber<MqttMessage> subscriber = subscribeWithFullBuffer(version, OverflowStrategy.DROP_LATEST, 4);
        broker.assertNothingElseReceived();

        subscriber.request(10);
        broker.barrier();

        assertThat(subscriber.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("m1", "m2");
        assertDrops(drops, OverflowStrategy.DROP_LATEST, "q0/3", "q0/4");
        subscriber.cancel();
    }

    @BothVersions
    @DisplayName("ERROR ends the subscription with MqttBufferFullException at the first overflow and unsubscribes; "
            + "later messages are unsolicited")
    void error(MqttVersion version) {
        TestSubscriber<MqttMessage> subscriber = subscribeWithFullBuffer(version, OverflowStrategy.ERROR, 4);

        broker.awaitReceived(isUnsubscribe("q0/#"));
        subscriber.block(WAIT);

        assertThat(subscriber.expectTerminalError()).isInstanceOfSatisfying(MqttBufferFullException.class,
                error -> assertThat(error.capacity()).isEqualTo(BUFFER));
        assertThat(subscriber.getReceivedOnNext()).isEmpty();
        assertThat(drops).hasSize(2);
        assertDrops(drops.subList(0, 1), OverflowStrategy.ERROR, "q0/3");
        assertThat(drops.get(1).subscription()).isEmpty();
        assertThat(drops.get(1).topic()).hasToString("q0/4");
    }

    @BothVersions
    @DisplayName("PAUSE_READING stops reading the connection while the buffer is full, drops nothing, and reads "
            + "on once downstream catches up")
    void pauseReading(MqttVersion version) {
        TestSubscriber<MqttMessage> subscriber = subscribeWithFullBuffer(version, OverflowStrategy.PAUSE_READING, 3);
        broker.send(pubRel(100));

        broker.assertNothingReceivedWithin(Duration.ofMillis(300));
        assertThat(subscriber.getReceivedOnNext()).isEmpty();

        subscriber.request(10);
        broker.awaitReceived(isPubComp(100));
        assertThat(subscriber.getReceivedOnNext()).extracting(MqttMessage::payloadAsString)
                .containsExactly("m1", "m2", "m3");
        assertThat(drops).isEmpty();
        subscriber.cancel();
    }

    private static void assertDrops(List<MqttClientEvent.MessageDropped> drops, OverflowStrategy strategy,
            String... topics) {
        assertThat(drops).hasSize(topics.length);
        for (int i = 0; i < topics.length; i++) {
            MqttClientEvent.MessageDropped drop = drops.get(i);
            assertThat(drop.topic()).hasToString(topics[i]);
            assertThat(drop.strategy()).isEqualTo(strategy);
            assertThat(drop.subscription()).hasValueSatisfying(filter -> assertThat(filter).hasToString("q0/#"));
            assertThat(drop.totalDropped()).isEqualTo(i + 1);
        }
    }
}
