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
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * {@code publish(Publisher)} streams wait for room in a full pending or offline queue instead of failing: they
 * stop requesting until there is room, and share it in the order their messages arrived.
 */
class PublishStreamWaitFlowTest {

    private static final int STREAMS = 3;
    private static final int MESSAGES = 20;

    private final ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    /** In flight 2 per stream window and send quota, 1 pending: three streams overflow the pending queue. */
    private static FlowControlOptions tight() {
        return FlowControlOptions.builder().maximumInflightPublishes(2).maximumPendingPublishes(1)
                .offlineQueueSize(1).build();
    }

    private static Flux<MqttMessage> stream(int stream) {
        return Flux.range(0, MESSAGES).map(index -> MqttMessage.of("wait/" + stream,
                (stream + ":" + index).getBytes(StandardCharsets.UTF_8), AT_LEAST_ONCE));
    }

    @Test
    @DisplayName("streams that together overflow the pending queue wait for room and all complete, each in order")
    void streamsWaitForRoomInThePendingQueue() {
        MqttClient client = broker.connectedClient(options -> options.flowControl(tight()));
        broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));

        List<List<PublishResult>> results = Flux.range(0, STREAMS)
                .flatMap(stream -> client.publish(stream(stream)).collectList())
                .collectList()
                .block(WAIT);

        assertThat(results).hasSize(STREAMS).allSatisfy(stream -> assertThat(stream)
                .extracting(result -> result.message().payloadAsString().split(":")[1])
                .containsExactlyElementsOf(IntStream.range(0, MESSAGES).mapToObj(Integer::toString).toList()));
        assertThat(broker.received(MqttPacketType.PUBLISH)).hasSize(STREAMS * MESSAGES);
    }

    @Test
    @DisplayName("single publishes still fail at once with MqttBufferFullException when the pending queue is full")
    void singlePublishesStillFailWhenFull() {
        MqttClient client = broker.connectedClient(options -> options.flowControl(tight()));
        List<CompletableFuture<PublishResult>> publishes = IntStream.range(0, 4)
                .mapToObj(index -> client.publish(MqttMessage.of("single", new byte[1], AT_LEAST_ONCE)).toFuture())
                .toList();

        assertThat(publishes.get(3)).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOf(MqttBufferFullException.class);
    }

    @Test
    @DisplayName("before the first connect(), streams wait for room in the offline queue and go out once connected")
    void streamsWaitForRoomInTheOfflineQueue() {
        MqttClient client = broker.newClient(options -> options.flowControl(tight()));
        CompletableFuture<List<List<PublishResult>>> results = Flux.range(0, STREAMS)
                .flatMap(stream -> client.publish(stream(stream)).collectList())
                .collectList()
                .toFuture();
        broker.assertNothingReceivedWithin(WAIT.dividedBy(50));
        assertThat(results).isNotDone();

        broker.expect(isConnect()).answer(connAck());
        broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));
        client.connect().block(WAIT);

        assertThat(results).succeedsWithin(WAIT).satisfies(streams -> assertThat(streams)
                .allSatisfy(stream -> assertThat(stream).hasSize(MESSAGES)));
    }

    @Test
    @DisplayName("on reconnect, offline messages that find the pending queue full wait for room instead of failing")
    void offlineMessagesWaitForRoomOnReconnect() {
        MqttClient client = broker.connectedClient(options -> options.flowControl(tight())
                .session(SessionOptions.DEFAULT.withCleanStart(false).withSessionExpiryInterval(Duration.ofHours(1)))
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))));
        CompletableFuture<List<List<PublishResult>>> results = Flux.range(0, STREAMS)
                .flatMap(stream -> client.publish(stream(stream)).collectList())
                .collectList()
                .toFuture();
        broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));
        broker.closeConnection();
        broker.awaitReceived(isConnect());
        broker.send(connAck(true));

        assertThat(results).as("in flight 2, pending 1 and offline 1 at the reconnect: the offline one waits")
                .succeedsWithin(WAIT).satisfies(streams -> assertThat(streams)
                        .allSatisfy(stream -> assertThat(stream).hasSize(MESSAGES)));
    }

    @Test
    @DisplayName("a cancelled stream's queued and waiting messages are withdrawn, never sent")
    void aCancelledStreamsWaitingMessagesAreWithdrawn() {
        MqttClient client = broker.newClient(options -> options.flowControl(tight()));
        Disposable cancelled = client.publish(stream(0)).subscribe();
        CompletableFuture<PublishResult> behindTheStream =
                client.publish(MqttMessage.of("single", new byte[1], AT_LEAST_ONCE)).toFuture();
        assertThat(behindTheStream).as("the offline queue holds one of the stream's messages, another waits")
                .failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOf(MqttBufferFullException.class);

        cancelled.dispose();
        broker.expect(isConnect()).answer(connAck());
        broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));
        client.connect().block(WAIT);
        List<PublishResult> kept = client.publish(stream(1)).collectList().block(WAIT);

        assertThat(kept).hasSize(MESSAGES);
        assertThat(broker.received(MqttPacketType.PUBLISH)).map(packet -> (PublishPacket) packet)
                .allSatisfy(publish -> assertThat(publish.topic()).isEqualTo("wait/1"));
    }
}
