package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.MqttQos.EXACTLY_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPubRel;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.Packets.pubComp;
import static io.mqttreactive.netty.testing.scripted.Packets.pubRec;
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
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * {@code publish(Publisher)} against a scripted broker: results in input order, demand honoured both ways,
 * at most the window of messages taken from upstream, cancel and errors mid-stream, and a reconnect mid-stream.
 */
class PublishStreamFlowTest {

    private ScriptedBroker broker;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private MqttClient connect(MqttVersion version, int window) {
        broker = ScriptedBroker.start(version);
        return broker.connectedClient(options -> options.flowControl(windowOf(window)));
    }

    private static FlowControlOptions windowOf(int window) {
        return FlowControlOptions.builder().maximumInflightPublishes(window).build();
    }

    private static MqttMessage message(int index, MqttQos qos) {
        return MqttMessage.of("stream/" + index, Integer.toString(index).getBytes(StandardCharsets.UTF_8), qos);
    }

    private static Flux<MqttMessage> messages(int count, MqttQos qos) {
        return Flux.range(0, count).map(index -> message(index, qos));
    }

    private static String payload(PublishPacket publish) {
        return new String(publish.payload(), StandardCharsets.UTF_8);
    }

    private static String payload(PublishResult result) {
        return result.message().payloadAsString();
    }

    @BothVersions
    @DisplayName("results come in input order whatever order the acknowledgements come in, for QoS 0, 1 and 2 "
            + "mixed; QoS 0 completes once written [MQTT-4.3.1-1] [MQTT-2.3.1-6] (3.1.1), [MQTT-2.2.1-5] (5.0)")
    void resultsComeInInputOrder(MqttVersion version) {
        MqttClient client = connect(version, 8);
        List<MqttMessage> input = List.of(message(0, AT_LEAST_ONCE), message(1, EXACTLY_ONCE),
                message(2, AT_MOST_ONCE), message(3, AT_LEAST_ONCE));

        StepVerifier.create(client.publish(Flux.fromIterable(input)))
                .then(() -> {
                    int first = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
                    int second = broker.awaitReceived(isPublish(EXACTLY_ONCE)).packetId();
                    broker.awaitReceived(isPublish(AT_MOST_ONCE));
                    int fourth = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
                    broker.send(pubAck(fourth), pubRec(second));
                    broker.awaitReceived(isPubRel(second));
                    broker.send(pubComp(second), pubAck(first));
                })
                .assertNext(result -> assertThat(payload(result)).isEqualTo("0"))
                .assertNext(result -> assertThat(payload(result)).isEqualTo("1"))
                .assertNext(result -> assertThat(payload(result)).isEqualTo("2"))
                .assertNext(result -> assertThat(payload(result)).isEqualTo("3"))
                .expectComplete()
                .verify(WAIT);
    }

    @BothVersions
    @DisplayName("a source faster than the window gives at most the window of messages at a time; all are "
            + "published once, in order, and their results come in order [MQTT-4.6.0-1]")
    void fasterSourceIsHeldToTheWindow(MqttVersion version) {
        int window = 8;
        int count = 2_000;
        MqttClient client = connect(version, window);
        broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));
        AtomicLong taken = new AtomicLong();
        AtomicLong emitted = new AtomicLong();
        AtomicLong mostOutstanding = new AtomicLong();
        Flux<MqttMessage> source = messages(count, AT_LEAST_ONCE)
                .publishOn(Schedulers.parallel())
                .doOnNext(message -> mostOutstanding.accumulateAndGet(taken.incrementAndGet() - emitted.get(),
                        Math::max));

        List<PublishResult> results = client.publish(source).doOnNext(result -> emitted.incrementAndGet())
                .collectList().block(Duration.ofSeconds(30));

        assertThat(results).extracting(PublishStreamFlowTest::payload)
                .containsExactlyElementsOf(IntStream.range(0, count).mapToObj(Integer::toString).toList());
        assertThat(mostOutstanding.get()).isLessThanOrEqualTo(window);
        assertThat(broker.received()).filteredOn(PublishPacket.class::isInstance).extracting(
                packet -> payload((PublishPacket) packet)).containsExactlyElementsOf(
                IntStream.range(0, count).mapToObj(Integer::toString).toList());
    }

    @BothVersions
    @DisplayName("without downstream demand no result is emitted and no message beyond the window is taken from "
            + "the source or sent")
    void downstreamDemandIsHonoured(MqttVersion version) {
        int window = 4;
        MqttClient client = connect(version, window);
        broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));
        AtomicInteger taken = new AtomicInteger();

        StepVerifier.create(client.publish(messages(20, AT_LEAST_ONCE).doOnNext(message -> taken.incrementAndGet())),
                        1)
                .assertNext(result -> assertThat(payload(result)).isEqualTo("0"))
                .then(() -> {
                    broker.awaitReceivedCount(MqttPacketType.PUBLISH, window + 1);
                    broker.assertNothingReceivedWithin(Duration.ofMillis(100));
                    assertThat(broker.received(MqttPacketType.PUBLISH)).hasSize(window + 1);
                    assertThat(taken).hasValue(window + 1);
                })
                .expectNoEvent(Duration.ofMillis(50))
                .thenRequest(2)
                .expectNextCount(2)
                .then(() -> {
                    broker.awaitReceivedCount(MqttPacketType.PUBLISH, window + 3);
                    broker.assertNothingReceivedWithin(Duration.ofMillis(100));
                    assertThat(taken).hasValue(window + 3);
                })
                .thenRequest(Long.MAX_VALUE)
                .expectNextCount(17)
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    @DisplayName("cancelling mid-stream cancels the source and withdraws the messages the send quota still "
            + "holds back; the messages in flight finish their flow [MQTT-4.9.0-1] (5.0)")
    void cancelMidStream() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.connectedClient(options -> options.flowControl(windowOf(4)),
                Packets.connAckWith().receiveMaximum(2).build());
        AtomicBoolean sourceCancelled = new AtomicBoolean();
        int[] inFlight = new int[2];

        StepVerifier.create(client.publish(messages(10, AT_LEAST_ONCE).doOnCancel(() -> sourceCancelled.set(true))))
                .then(() -> {
                    inFlight[0] = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
                    inFlight[1] = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
                    broker.barrier();
                })
                .thenCancel()
                .verify(WAIT);

        assertThat(sourceCancelled).isTrue();
        broker.send(pubAck(inFlight[0]), pubAck(inFlight[1]));
        broker.assertNothingReceivedWithin(Duration.ofMillis(200));
        StepVerifier.create(client.publish(message(99, AT_LEAST_ONCE)))
                .then(() -> broker.send(pubAck(broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId())))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    @DisplayName("a message the broker rejects mid-stream fails the stream with its MqttPublishException and "
            + "cancels the source [MQTT-4.4.0-2] (5.0)")
    void rejectedMessageFailsTheStream() {
        MqttClient client = connect(MqttVersion.MQTT_5_0, 4);
        AtomicBoolean sourceCancelled = new AtomicBoolean();

        StepVerifier.create(client.publish(messages(10, AT_LEAST_ONCE).doOnCancel(() -> sourceCancelled.set(true))))
                .then(() -> {
                    int first = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
                    int second = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
                    broker.send(pubAck(first), pubAck(second, 0x87));
                })
                .assertNext(result -> assertThat(payload(result)).isEqualTo("0"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(MqttPublishException.class,
                        rejected -> {
                            assertThat(rejected.reasonCode()).isEqualTo(0x87);
                            assertThat(rejected.publishedMessage().payloadAsString()).isEqualTo("1");
                        }))
                .verify(WAIT);
        assertThat(sourceCancelled).isTrue();
    }

    @BothVersions
    @DisplayName("an error of the source mid-stream fails the stream with that error")
    void sourceErrorFailsTheStream(MqttVersion version) {
        MqttClient client = connect(version, 4);
        broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));
        IllegalStateException failure = new IllegalStateException("source failed");

        StepVerifier.create(client.publish(Flux.concat(messages(3, AT_LEAST_ONCE),
                        Flux.<MqttMessage>error(failure).delaySubscription(Duration.ofMillis(200)))))
                .expectNextCount(3)
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(failure))
                .verify(WAIT);
    }

    @BothVersions
    @DisplayName("a message carrying subscription identifiers fails the stream before it is sent "
            + "[MQTT-3.3.4-6] (5.0)")
    void invalidMessageFailsTheStream(MqttVersion version) {
        MqttClient client = connect(version, 4);
        MqttMessage invalid = MqttMessage.builder().topic("stream/bad").subscriptionIdentifiers(List.of(3)).build();

        StepVerifier.create(client.publish(Flux.just(invalid)))
                .expectError(IllegalArgumentException.class)
                .verify(WAIT);
        broker.assertNothingReceivedWithin(Duration.ofMillis(100));
    }

    @BothVersions
    @DisplayName("a reconnect mid-stream re-sends the messages in flight with DUP set and their packet ids, in "
            + "their original order; the stream goes on and its results stay in order [MQTT-4.4.0-1] "
            + "[MQTT-4.6.0-1]")
    void reconnectMidStream(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.connectedClient(options -> options.flowControl(windowOf(3))
                .session(SessionOptions.DEFAULT.withCleanStart(false)
                        .withSessionExpiryInterval(Duration.ofMinutes(5)))
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(10)))));

        StepVerifier.create(client.publish(messages(5, AT_LEAST_ONCE)))
                .then(() -> {
                    int first = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
                    int second = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
                    int third = broker.awaitReceived(isPublish(AT_LEAST_ONCE)).packetId();
                    broker.send(pubAck(first));
                    broker.awaitReceived(isPublish(AT_LEAST_ONCE));
                    broker.closeConnection();
                    broker.awaitReceived(isConnect());
                    broker.send(ConnAckPacket.of(true, 0));
                    PublishPacket againSecond = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
                    PublishPacket againThird = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
                    PublishPacket againFourth = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
                    assertThat(List.of(againSecond, againThird, againFourth)).allMatch(PublishPacket::dup);
                    assertThat(List.of(againSecond.packetId(), againThird.packetId())).containsExactly(second, third);
                    assertThat(List.of(payload(againSecond), payload(againThird), payload(againFourth)))
                            .containsExactly("1", "2", "3");
                    broker.whenever(isPublish(AT_LEAST_ONCE)).answer(publish -> pubAck(publish.packetId()));
                    broker.send(pubAck(againFourth.packetId()), pubAck(third), pubAck(second));
                })
                .expectNextMatches(result -> payload(result).equals("0"))
                .expectNextMatches(result -> payload(result).equals("1"))
                .expectNextMatches(result -> payload(result).equals("2"))
                .expectNextMatches(result -> payload(result).equals("3"))
                .expectNextMatches(result -> payload(result).equals("4"))
                .expectComplete()
                .verify(WAIT);
    }
}
