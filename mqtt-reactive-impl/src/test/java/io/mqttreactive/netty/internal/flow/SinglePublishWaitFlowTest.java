package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.FlowControlOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/**
 * A single {@code publish(message)} that finds the queue full waits up to
 * {@link FlowControlOptions#maximumPublishWait()} for room, in line with other waiting publishes, and then fails
 * with {@link MqttBufferFullException}; at most as many wait as the pending queue holds.
 */
class SinglePublishWaitFlowTest {

    private final ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    /** Two in flight and one pending: the fourth single publish finds no room. */
    private static FlowControlOptions tight(Duration maximumWait) {
        return FlowControlOptions.builder().maximumInflightPublishes(2).maximumPendingPublishes(1)
                .offlineQueueSize(1).maximumPublishWait(maximumWait).build();
    }

    private static MqttMessage message(int index) {
        return MqttMessage.of("single/" + index, new byte[1], AT_LEAST_ONCE);
    }

    private static List<CompletableFuture<PublishResult>> publish(MqttClient client, int count) {
        return IntStream.range(0, count).mapToObj(index -> client.publish(message(index)).toFuture()).toList();
    }

    @Test
    @DisplayName("single publishes past a full pending queue wait for room and go out, in order, as acknowledgements free it")
    void singlesWaitForRoom() {
        MqttClient client = broker.connectedClient(options -> options.flowControl(tight(WAIT.multipliedBy(10))));
        List<CompletableFuture<PublishResult>> publishes = publish(client, 4);
        broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        broker.assertNothingReceivedWithin(WAIT.dividedBy(50));
        assertThat(publishes.get(3)).as("waits instead of failing").isNotDone();

        broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));
        received().stream().limit(2).forEach(publish -> broker.send(pubAck(publish.packetId())));

        assertThat(CompletableFuture.allOf(publishes.toArray(CompletableFuture[]::new))).succeedsWithin(WAIT);
        assertThat(received()).extracting(PublishPacket::topic)
                .containsExactly("single/0", "single/1", "single/2", "single/3");
    }

    @Test
    @DisplayName("a single publish that finds no room within the maximum wait fails with MqttBufferFullException, never sent")
    void aSingleThatWaitsInVainFails() {
        Duration maximumWait = Duration.ofMillis(200);
        MqttClient client = broker.connectedClient(options -> options.flowControl(tight(maximumWait)));
        List<CompletableFuture<PublishResult>> publishes = publish(client, 3);
        broker.awaitReceivedCount(MqttPacketType.PUBLISH, 2);

        long start = System.nanoTime();
        CompletableFuture<PublishResult> waiting = client.publish(message(3)).toFuture();
        assertThat(waiting).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOf(MqttBufferFullException.class)
                .withMessageContaining("after waiting PT0.2S");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(maximumWait);

        broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));
        received().stream().limit(2).forEach(publish -> broker.send(pubAck(publish.packetId())));
        assertThat(CompletableFuture.allOf(publishes.toArray(CompletableFuture[]::new))).succeedsWithin(WAIT);
        assertThat(received()).extracting(PublishPacket::topic).doesNotContain("single/3");
    }

    @Test
    @DisplayName("no more single publishes wait than the pending queue holds: one more fails at once")
    void theWaitingSinglesAreBounded() {
        MqttClient client = broker.connectedClient(options -> options.flowControl(tight(WAIT.multipliedBy(10))));
        List<CompletableFuture<PublishResult>> publishes = publish(client, 5);

        assertThat(publishes.get(4)).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOf(MqttBufferFullException.class)
                .withMessageContaining("single publishes waiting for room");
        assertThat(publishes.get(3)).isNotDone();
    }

    @Test
    @DisplayName("cancelling a waiting single publish withdraws it: it is never sent")
    void aCancelledWaitingSingleIsWithdrawn() {
        MqttClient client = broker.connectedClient(options -> options.flowControl(tight(WAIT.multipliedBy(10))));
        List<CompletableFuture<PublishResult>> publishes = publish(client, 3);
        broker.awaitReceivedCount(MqttPacketType.PUBLISH, 2);
        Disposable cancelled = client.publish(message(3)).subscribe();
        cancelled.dispose();
        CompletableFuture<PublishResult> behind = client.publish(message(4)).toFuture();
        assertThat(behind).as("the cancelled one left its place among the waiting singles").isNotDone();

        broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));
        received().stream().limit(2).forEach(publish -> broker.send(pubAck(publish.packetId())));

        assertThat(behind).succeedsWithin(WAIT);
        assertThat(CompletableFuture.allOf(publishes.toArray(CompletableFuture[]::new))).succeedsWithin(WAIT);
        assertThat(received()).extracting(PublishPacket::topic)
                .containsExactly("single/0", "single/1", "single/2", "single/4");
    }

    @Test
    @DisplayName("before the first connect(), a single publish waits for room in a full offline queue and goes out once connected")
    void singlesWaitForRoomInTheOfflineQueue() {
        MqttClient client = broker.newClient(options -> options.flowControl(tight(WAIT.multipliedBy(10))));
        List<CompletableFuture<PublishResult>> publishes = publish(client, 2);
        broker.assertNothingReceivedWithin(WAIT.dividedBy(50));
        assertThat(publishes).noneMatch(CompletableFuture::isDone);

        broker.expect(isConnect()).answer(connAck());
        broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));
        client.connect().block(WAIT);

        assertThat(CompletableFuture.allOf(publishes.toArray(CompletableFuture[]::new))).succeedsWithin(WAIT);
        assertThat(received()).extracting(PublishPacket::topic).containsExactly("single/0", "single/1");
    }

    private List<PublishPacket> received() {
        return broker.received(MqttPacketType.PUBLISH).stream().map(PublishPacket.class::cast).toList();
    }
}
