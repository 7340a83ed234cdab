package io.mqttreactive.netty.it;

import static io.mqttreactive.netty.it.Received.TIMEOUT;
import static io.mqttreactive.netty.it.TestClients.publish;
import static io.mqttreactive.netty.it.TestClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.message.PublishReasonCode;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.message.UnsubscribeReasonCode;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.options.SessionOptions;
import io.mqttreactive.spi.PayloadCodec;
import io.mqttreactive.topic.MqttTopicFilter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.subscriber.TestSubscriber;
import tools.jackson.core.type.TypeReference;

/**
 * Publishing and subscribing through a real broker: every QoS both ways with payloads and MQTT 5.0 properties,
 * a backpressured stream of publishes, retained messages, overlapping subscriptions in one client, topics that
 * start with {@code $}, and unsubscribing.
 */
abstract class MessagingContract extends ClientContract {

    private static final int STREAM_SIZE = 5_000;
    /** Generous: Netty's paranoid leak detection, in the client and in the embedded HiveMQ, slows the stream. */
    private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(60);

    @MqttProfile.All
    void roundTripsAtEveryQos(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient subscriber = clients.connected("sub");
        MqttClient publisher = clients.connected("pub");
        Received<MqttMessage> received = subscribe(subscriber, clients.topic("qos/+"), MqttQos.EXACTLY_ONCE);

        for (MqttQos qos : MqttQos.values()) {
            MqttMessage sent = MqttMessage.of(clients.topic("qos/" + qos.code()), payload(qos), qos);

            PublishResult result = publisher.publish(sent).block(TIMEOUT);
            MqttMessage delivered = received.next();

            assertThat(result.message()).isEqualTo(sent);
            assertThat(result.reasonCode()).isEqualTo(PublishReasonCode.SUCCESS);
            assertThat(delivered.topic()).isEqualTo(sent.topic());
            assertThat(delivered.payload()).as("payload at %s", qos).isEqualTo(sent.payload());
            assertThat(delivered.qos()).isEqualTo(qos);
            assertThat(delivered.retain()).as("a live message is not retained [MQTT-3.3.1-9] (3.1.1)").isFalse();
        }
    }

    @MqttProfile.All
    void deliversAtMostTheSubscriptionsMaximumQos(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient subscriber = clients.connected("sub");
        MqttClient publisher = clients.connected("pub");
        Received<MqttMessage> atQos1 = subscribe(subscriber, clients.topic("one"), MqttQos.AT_LEAST_ONCE);
        Received<MqttMessage> atQos0 = subscribe(subscriber, clients.topic("zero"), MqttQos.AT_MOST_ONCE);

        publish(publisher, MqttMessage.of(clients.topic("one"), bytes("a"), MqttQos.EXACTLY_ONCE),
                MqttMessage.of(clients.topic("zero"), bytes("b"), MqttQos.EXACTLY_ONCE));

        assertThat(atQos1.next().qos()).as("[MQTT-3.8.4-8] (5.0)").isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(atQos0.next().qos()).as("[MQTT-3.8.4-8] (5.0)").isEqualTo(MqttQos.AT_MOST_ONCE);
    }

    @MqttProfile.Mqtt5
    void publishPropertiesPassThroughTheBroker(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient subscriber = clients.connected("sub");
        MqttClient publisher = clients.connected("pub");
        SubscribeRequest request = SubscribeRequest.of(Subscription.of(clients.topic("props/+"), MqttQos.EXACTLY_ONCE))
                .withSubscriptionIdentifier(42);
        Received<MqttMessage> received = subscribe(subscriber, request);
        UserProperties userProperties = UserProperties.builder()
                .add("k", "v1").add("k", "v2").add("a", "x").add("k", "v1").add("ünï", "cödé").build();

        for (MqttQos qos : MqttQos.values()) {
            MqttMessage sent = MqttMessage.builder()
                    .topic(clients.topic("props/" + qos.code()))
                    .payload("{\"qos\":" + qos.code() + "}")
                    .qos(qos)
                    .userProperties(userProperties)
                    .contentType("application/json")
                    .responseTopic(clients.topic("replies"))
                    .correlationData(new byte[] {0, 1, 2, (byte) 0xFF})
                    .messageExpiryInterval(Duration.ofHours(1))
                    .payloadFormatIndicator(PayloadFormatIndicator.UTF_8)
                    .build();

            publish(publisher, sent);
            MqttMessage delivered = received.next();

            assertThat(delivered.payloadAsString()).isEqualTo(sent.payloadAsString());
            assertThat(delivered.qos()).isEqualTo(qos);
            assertThat(delivered.userProperties().asList()).as("order and duplicates kept [MQTT-3.3.2-17], "
                    + "[MQTT-3.3.2-18] (5.0)").containsExactlyElementsOf(userProperties.asList());
            assertThat(delivered.contentType()).as("[MQTT-3.3.2-20] (5.0)").contains("application/json");
            assertThat(delivered.responseTopic()).as("[MQTT-3.3.2-15] (5.0)")
                    .contains(sent.responseTopic().orElseThrow());
            assertThat(delivered.correlationData()).as("[MQTT-3.3.2-16] (5.0)").hasValueSatisfying(
                    data -> assertThat(data).containsExactly(0, 1, 2, 0xFF));
            assertThat(delivered.payloadFormatIndicator()).as("[MQTT-3.3.2-4] (5.0)")
                    .isEqualTo(PayloadFormatIndicator.UTF_8);
            assertThat(delivered.messageExpiryInterval()).as("less the time it waited [MQTT-3.3.2-6] (5.0)")
                    .hasValueSatisfying(expiry -> assertThat(expiry)
                            .isBetween(Duration.ofHours(1).minusSeconds(10), Duration.ofHours(1)));
            assertThat(delivered.subscriptionIdentifiers()).as("[MQTT-3.3.4-3] (5.0)").containsExactly(42);
        }
    }

    @MqttProfile.All
    void aGenericJsonPayloadRoundTripsWithItsContentTypeUnderMqtt5AndWithoutUnderMqtt311(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient subscriber = clients.connected("sub");
        MqttClient publisher = clients.connected("pub");
        String topic = clients.topic("json");
        Received<MqttMessage> received = subscribe(subscriber, topic, MqttQos.AT_LEAST_ONCE);
        PayloadCodec<List<Temperature>> codec = PayloadCodec.json(new TypeReference<List<Temperature>>() { }
                .getType());
        List<Temperature> temperatures = List.of(new Temperature("a", 21.5), new Temperature("b", -3));

        MqttMessage.Builder message = MqttMessage.builder().topic(topic).qos(MqttQos.AT_LEAST_ONCE);
        publish(publisher, profile.isMqtt5() ? codec.encode(temperatures, message).build()
                : message.payload(codec.encode(temperatures)).build());
        MqttMessage delivered = received.next();

        assertThat(delivered.contentType()).as("[MQTT-3.3.2-20] (5.0)")
                .isEqualTo(profile.isMqtt5() ? Optional.of("application/json") : Optional.empty());
        assertThat(codec.decode(delivered)).isEqualTo(temperatures);
    }

    @MqttProfile.All
    void publishesAStreamInOrderWithResultsInOrder(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient subscriber = clients.connected("sub");
        MqttClient publisher = clients.connected("pub");
        String topic = clients.topic("stream");
        Received<MqttMessage> received = subscribe(subscriber, topic, MqttQos.AT_LEAST_ONCE);

        List<PublishResult> results = publisher.publish(Flux.range(0, STREAM_SIZE)
                        .map(i -> MqttMessage.of(topic, bytes(Integer.toString(i)), MqttQos.AT_LEAST_ONCE)))
                .collectList()
                .block(STREAM_TIMEOUT);

        List<String> expected = IntStream.range(0, STREAM_SIZE).mapToObj(Integer::toString).toList();
        assertThat(results).extracting(result -> result.message().payloadAsString())
                .containsExactlyElementsOf(expected);
        assertThat(results).extracting(PublishResult::reasonCode).containsOnly(PublishReasonCode.SUCCESS);
        assertThat(received.next(STREAM_SIZE, STREAM_TIMEOUT)).as("same topic and QoS: in order [MQTT-4.6.0-5] (5.0)")
                .extracting(MqttMessage::payloadAsString).containsExactlyElementsOf(expected);
    }

    @MqttProfile.All
    void aRetainedMessageReachesLaterSubscribersUntilCleared(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient publisher = clients.connected("pub");
        String topic = clients.topic("retained");
        publish(publisher, retained(topic, "state-1"));

        Received<MqttMessage> late = subscribe(clients.connected("late"), topic, MqttQos.AT_LEAST_ONCE);
        MqttMessage replayed = late.next();
        assertThat(replayed.payloadAsString()).isEqualTo("state-1");
        assertThat(replayed.retain()).as("sent because retained [MQTT-3.3.1-6], [MQTT-3.3.1-8] (3.1.1)").isTrue();

        publish(publisher, retained(topic, ""));
        Received<MqttMessage> later = subscribe(clients.connected("later"), topic, MqttQos.AT_LEAST_ONCE);
        publish(publisher, MqttMessage.of(topic, bytes("live"), MqttQos.AT_LEAST_ONCE));
        MqttMessage first = later.next();
        assertThat(first.payloadAsString()).as("an empty retained payload cleared it [MQTT-3.3.1-10] (3.1.1)")
                .isEqualTo("live");
        assertThat(first.retain()).isFalse();
    }

    @MqttProfile.All
    void overlappingSubscriptionsEachGetTheirCopy(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient subscriber = clients.connected("sub");
        MqttClient publisher = clients.connected("pub");
        Received<MqttMessage> everything = subscribe(subscriber, overlapping(clients, "overlap/#", 1));
        Received<MqttMessage> onlyX = subscribe(subscriber, overlapping(clients, "overlap/+/x", 2));

        publish(publisher, MqttMessage.of(clients.topic("overlap/1/x"), bytes("1x"), MqttQos.AT_LEAST_ONCE),
                MqttMessage.of(clients.topic("overlap/2/y"), bytes("2y"), MqttQos.AT_LEAST_ONCE),
                MqttMessage.of(clients.topic("overlap/3/x"), bytes("3x"), MqttQos.AT_LEAST_ONCE));

        assertThat(everything.next(3)).extracting(MqttMessage::payloadAsString).containsExactly("1x", "2y", "3x");
        assertThat(onlyX.next(2)).extracting(MqttMessage::payloadAsString).containsExactly("1x", "3x");
        assertThat(everything.nextWithin(Duration.ofMillis(300))).as("no second copy").isEmpty();
        assertThat(onlyX.all()).hasSize(2);
        if (profile.isMqtt5()) {
            assertThat(everything.all()).allSatisfy(message ->
                    assertThat(message.subscriptionIdentifiers()).contains(1));
            assertThat(onlyX.all()).allSatisfy(message ->
                    assertThat(message.subscriptionIdentifiers()).contains(2));
        }
    }

    @MqttProfile.All
    void overlappingSubscriptionsWithoutIdentifiersOfTheirOwnEachGetTheirCopy(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient subscriber = clients.connected("sub");
        MqttClient publisher = clients.connected("pub");
        Received<MqttMessage> everything = subscribe(subscriber, clients.topic("auto/#"), MqttQos.AT_LEAST_ONCE);
        Received<MqttMessage> onlyX = subscribe(subscriber, clients.topic("auto/+/x"), MqttQos.AT_LEAST_ONCE);

        publish(publisher, MqttMessage.of(clients.topic("auto/1/x"), bytes("1x"), MqttQos.AT_LEAST_ONCE),
                MqttMessage.of(clients.topic("auto/2/y"), bytes("2y"), MqttQos.AT_LEAST_ONCE),
                MqttMessage.of(clients.topic("auto/3/x"), bytes("3x"), MqttQos.AT_LEAST_ONCE));

        assertThat(everything.next(3)).extracting(MqttMessage::payloadAsString).containsExactly("1x", "2y", "3x");
        assertThat(onlyX.next(2)).extracting(MqttMessage::payloadAsString).containsExactly("1x", "3x");
        assertThat(everything.nextWithin(Duration.ofMillis(300))).as("no second copy").isEmpty();
        assertThat(onlyX.all()).hasSize(2);
        if (profile.isMqtt5()) {
            List<Integer> everythingsOnly = everything.all().get(1).subscriptionIdentifiers();
            assertThat(everythingsOnly).as("the automatic identifier of auto/# on 2y").hasSize(1);
            assertThat(onlyX.all()).allSatisfy(message -> assertThat(message.subscriptionIdentifiers())
                    .as("a copy for auto/+/x, or one copy for both").anySatisfy(identifier ->
                            assertThat(identifier).isNotEqualTo(everythingsOnly.get(0))));
        }
    }

    /**
     * A subscription for the overlap test. With MQTT 5.0 it carries a Subscription Identifier: a broker may send
     * one copy per matching subscription (mosquitto does, HiveMQ sends one copy with both identifiers), and the
     * identifiers tell the client which copy is whose ([MQTT-3.3.4-3], [MQTT-3.3.4-5] (5.0)). Without them such a
     * broker's copies are indistinguishable, and each subscriber would get every copy.
     */
    private static SubscribeRequest overlapping(TestClients clients, String filter, int identifier) {
        SubscribeRequest request = SubscribeRequest.of(Subscription.of(clients.topic(filter), MqttQos.AT_LEAST_ONCE));
        return clients.profile().isMqtt5() ? request.withSubscriptionIdentifier(identifier) : request;
    }

    @MqttProfile.All
    void topicsStartingWithDollarAreNotMatchedByLeadingWildcards(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient subscriber = clients.connected("sub");
        MqttClient publisher = clients.connected("pub");
        String id = clients.testId();
        String dollarTopic = "$it-" + id + "/" + id + "/x";
        Received<MqttMessage> dollar = subscribe(subscriber, "$it-" + id + "/#", MqttQos.AT_LEAST_ONCE);
        Received<MqttMessage> multiLevel = subscribe(subscriber, "#", MqttQos.AT_LEAST_ONCE);
        Received<MqttMessage> singleLevel = subscribe(subscriber, "+/" + id + "/x", MqttQos.AT_LEAST_ONCE);

        broker().publishToDollarTopic(publisher, dollarTopic, bytes("dollar"));
        publish(publisher, MqttMessage.of("it/" + id + "/x", bytes("plain"), MqttQos.AT_LEAST_ONCE));

        assertThat(dollar.next().topic().toString()).as("the broker routes the $ topic").isEqualTo(dollarTopic);
        assertThat(singleLevel.next().payloadAsString()).as("[MQTT-4.7.2-1]: '+/...' skips the $ topic")
                .isEqualTo("plain");
        MqttMessage firstOfThisTest = multiLevel.nextMatching(message -> message.topic().toString().contains(id));
        assertThat(firstOfThisTest.payloadAsString()).as("[MQTT-4.7.2-1]: '#' skips the $ topic").isEqualTo("plain");
        assertThat(multiLevel.all()).noneMatch(message -> message.topic().toString().startsWith("$"));
    }

    @MqttProfile.All
    void afterCancellingASubscriptionTheBrokerStopsSending(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient subscriber = clients.connected("sub");
        MqttClient publisher = clients.connected("pub");
        Received<MqttMessage> unsolicited = Received.of(subscriber.unsolicitedMessages());
        Received<MqttClientEvent> events = TestClients.events(subscriber);
        String topic = clients.topic("unsubscribed");
        Received<MqttMessage> cancelled = subscribe(subscriber, topic, MqttQos.AT_LEAST_ONCE);
        Received<MqttMessage> probe = subscribe(subscriber, clients.topic("probe"), MqttQos.AT_LEAST_ONCE);
        publish(publisher, MqttMessage.of(topic, bytes("before"), MqttQos.AT_LEAST_ONCE));
        assertThat(cancelled.next().payloadAsString()).isEqualTo("before");

        cancelled.cancel();

        var unsubscribed = (MqttClientEvent.Unsubscribed)
                events.nextMatching(MqttClientEvent.Unsubscribed.class::isInstance);
        assertThat(unsubscribed.filters()).containsExactly(MqttTopicFilter.of(topic));
        assertThat(unsubscribed.reasonCodes()).containsExactly(UnsubscribeReasonCode.SUCCESS);
        publish(publisher, MqttMessage.of(topic, bytes("after"), MqttQos.AT_LEAST_ONCE),
                MqttMessage.of(clients.topic("probe"), bytes("probe"), MqttQos.AT_LEAST_ONCE));
        assertThat(probe.next().payloadAsString()).isEqualTo("probe");
        assertThat(unsolicited.all()).as("the broker sent nothing for the cancelled filter").isEmpty();
        assertThat(cancelled.all()).extracting(MqttMessage::payloadAsString).containsExactly("before");
    }

    private static MqttMessage retained(String topic, String payload) {
        return MqttMessage.builder().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(true).build();
    }

    private static byte[] payload(MqttQos qos) {
        return switch (qos) {
            case AT_MOST_ONCE -> {
                byte[] everyByte = new byte[256];
                IntStream.range(0, 256).forEach(i -> everyByte[i] = (byte) i);
                yield everyByte;
            }
            case AT_LEAST_ONCE -> new byte[0];
            case EXACTLY_ONCE -> {
                byte[] large = new byte[200_000];
                new Random(42).nextBytes(large);
                yield large;
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The redelivery case of a persistent session ([MQTT-4.4.0-1]): a QoS 1 and a QoS 2 message held without demand
     * when the client disconnects are not acknowledged; the broker re-sends them on the resumed session, and each
     * reaches the application exactly once, here on {@code unsolicitedMessages()} since the subscription flux
     * ended with the disconnect ([MQTT-4.3.3-10] (5.0)). The client disconnects ten measured round trips after
     * they were published (HiveMQ CE may still hold them itself; mosquitto has sent them); a message published
     * after the resume, through the broker's session subscription, bounds the wait for duplicates.
     */
    @MqttProfile.All
    void messagesHeldWithoutDemandAtDisconnectArriveOnceAfterResume(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient subscriber = clients.connected("held", options -> options.session(SessionOptions.DEFAULT
                .withCleanStart(false).withSessionExpiryInterval(Duration.ofMinutes(5))));
        MqttClient publisher = clients.connected("pub");
        String filter = clients.topic("held/#");
        TestSubscriber<MqttMessage> noDemand = TestSubscriber.builder().initialRequest(0).build();
        CompletableFuture<SubscribeResult> granted = TestClients.subAck(subscriber,
                SubscribeRequest.of(Subscription.of(filter, MqttQos.EXACTLY_ONCE)));
        subscriber.subscribe(filter, MqttQos.EXACTLY_ONCE).subscribe(noDemand);
        assertThat(granted).succeedsWithin(TIMEOUT);
        Received<MqttMessage> marker = subscribe(subscriber, clients.topic("marker"), MqttQos.EXACTLY_ONCE);

        long start = System.nanoTime();
        publish(publisher, MqttMessage.of(clients.topic("marker"), bytes("round trip"), MqttQos.EXACTLY_ONCE));
        assertThat(marker.next().payloadAsString()).isEqualTo("round trip");
        Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);

        publish(publisher, MqttMessage.of(clients.topic("held/1"), bytes("qos 1"), MqttQos.AT_LEAST_ONCE),
                MqttMessage.of(clients.topic("held/2"), bytes("qos 2"), MqttQos.EXACTLY_ONCE));
        Mono.delay(roundTrip.multipliedBy(10)).block();
        subscriber.disconnect().block(TIMEOUT);
        Received<MqttMessage> unsolicited = Received.of(subscriber.unsolicitedMessages());
        subscriber.connect().block(TIMEOUT);

        List<String> first = List.of(unsolicited.next().payloadAsString(), unsolicited.next().payloadAsString());
        publish(publisher, MqttMessage.of(clients.topic("held/3"), bytes("after"), MqttQos.EXACTLY_ONCE));

        assertThat(first).containsExactlyInAnyOrder("qos 1", "qos 2");
        assertThat(unsolicited.next().payloadAsString()).as("no message twice").isEqualTo("after");
        assertThat(noDemand.getReceivedOnNext()).isEmpty();
    }

    /** A JSON payload's element. */
    public record Temperature(String device, double celsius) {
    }
}
