package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isDisconnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.connAckWith;
import static io.mqttreactive.netty.testing.scripted.Packets.pubAck;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttRequester;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.InvalidTopicException;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.exception.MqttRequestTimeoutException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.RequesterOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * {@link MqttRequester} on the wire (MQTT 5.0 sec 4.10): the Response Topic and Correlation Data of each request,
 * the one response subscription awaited before any request is published, routing by Correlation Data, and the
 * pending table's bound and cleanup.
 */
class RequestResponseFlowTest {

    private static final String RESPONSE_TOPIC = "clients/scripted-client/responses";

    private final ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);

    @AfterEach
    void close() {
        broker.close();
    }

    static MqttMessage request(String payload) {
        return MqttMessage.builder().topic("services/echo").payload(payload).qos(AT_MOST_ONCE).build();
    }

    static PublishPacket publish(String topic, String payload, @Nullable String responseTopic,
            byte @Nullable [] correlationData) {
        return new PublishPacket(topic, payload.getBytes(StandardCharsets.UTF_8), AT_MOST_ONCE, false, false, 0,
                PublishPacket.NO_MESSAGE_EXPIRY, false, null, responseTopic, correlationData, List.of(), 0, List.of());
    }

    private void acknowledgeResponseSubscription(String topic) {
        SubscribePacket subscribe = broker.awaitReceived(isSubscribe(topic));
        broker.send(subAck(subscribe.packetId(), 1));
    }

    @Test
    @DisplayName("[MQTT-3.3.2-13] [MQTT-3.3.2-14] (5.0) a request carries the response topic and 16 bytes of "
            + "Correlation Data, its own payload, QoS and user properties kept; it is published only after the "
            + "SUBACK of the response subscription")
    void aRequestCarriesResponseTopicAndCorrelationData() throws Exception {
        MqttClient client = broker.connectedClient(options -> options);
        MqttRequester requester = client.requester();
        MqttMessage request = request("ping").mutate().qos(AT_LEAST_ONCE)
                .userProperties(UserProperties.of("request-id", "7")).build();

        CompletableFuture<MqttMessage> response = requester.request(request).toFuture();
        SubscribePacket subscribe = broker.awaitReceived(isSubscribe(RESPONSE_TOPIC));
        broker.barrier();
        assertThat(broker.received(MqttPacketType.PUBLISH)).as("no request before the SUBACK").isEmpty();

        broker.send(subAck(subscribe.packetId(), 1));
        PublishPacket sent = broker.awaitReceived(isPublish(AT_LEAST_ONCE));
        assertThat(sent.topic()).isEqualTo("services/echo");
        assertThat(sent.responseTopic()).isEqualTo(RESPONSE_TOPIC);
        assertThat(sent.correlationData()).hasSize(16);
        assertThat(new String(sent.payload(), StandardCharsets.UTF_8)).isEqualTo("ping");
        assertThat(sent.userProperties()).containsExactly(new UserProperty("request-id", "7"));
        assertThat(requester.pendingRequests()).isEqualTo(1);

        broker.send(pubAck(sent.packetId()), publish(RESPONSE_TOPIC, "pong", null, sent.correlationData()));
        assertThat(response.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).payloadAsString()).isEqualTo("pong");
        assertThat(requester.pendingRequests()).isZero();
        assertThat(requester.unmatchedResponses()).isZero();
    }

    @Test
    @DisplayName("sec 4.10: the response topic is built on the CONNACK's Response Information when it has one")
    void theResponseTopicComesFromTheResponseInformation() {
        MqttClient client = broker.connectedClient(options -> options.requestResponseInformation(true),
                connAckWith().responseInformation("replies/granted-7/").build());
        MqttRequester requester = client.requester();

        assertThat(requester.responseTopic().block(WAIT).value()).isEqualTo("replies/granted-7/responses");
        requester.request(request("ping")).subscribe();
        acknowledgeResponseSubscription("replies/granted-7/responses");
        assertThat(broker.awaitReceived(isPublish()).responseTopic()).isEqualTo("replies/granted-7/responses");
    }

    @Test
    @DisplayName("sec 4.10: a configured response topic wins over the Response Information")
    void aConfiguredResponseTopicWins() {
        MqttClient client = broker.connectedClient(options -> options.requestResponseInformation(true),
                connAckWith().responseInformation("replies/granted-7").build());
        MqttRequester requester = client.requester(RequesterOptions.DEFAULT.withResponseTopic("mine/answers"));

        requester.request(request("ping")).subscribe();
        acknowledgeResponseSubscription("mine/answers");
        assertThat(broker.awaitReceived(isPublish()).responseTopic()).isEqualTo("mine/answers");
    }

    @Test
    @DisplayName("sec 4.10: a request made before connect() waits for the CONNACK, then subscribes and publishes")
    void aRequestBeforeConnectWaitsForTheConnection() throws Exception {
        MqttClient client = broker.newClient(options -> options);
        CompletableFuture<MqttMessage> response = client.requester().request(request("early")).toFuture();

        broker.expect(isConnect()).answer(connAck());
        client.connect().block(WAIT);
        acknowledgeResponseSubscription(RESPONSE_TOPIC);
        PublishPacket sent = broker.awaitReceived(isPublish());
        broker.send(publish(RESPONSE_TOPIC, "late", null, sent.correlationData()));
        assertThat(response.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).payloadAsString()).isEqualTo("late");
    }

    @Test
    @DisplayName("sec 4.10.2: all requests share one response subscription, each has its own Correlation Data, "
            + "and responses in any order reach their own request")
    void requestsShareOneSubscriptionAndAreRoutedByCorrelationData() throws Exception {
        MqttClient client = broker.connectedClient(options -> options);
        MqttRequester requester = client.requester();
        List<CompletableFuture<MqttMessage>> responses = new ArrayList<>();
        responses.add(requester.request(request("0")).toFuture());
        acknowledgeResponseSubscription(RESPONSE_TOPIC);
        for (int i = 1; i < 5; i++) {
            responses.add(requester.request(request(Integer.toString(i))).toFuture());
        }
        List<PublishPacket> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(broker.awaitReceived(isPublish()));
        }
        broker.assertNothingElseReceived();
        Set<String> correlations = new HashSet<>();
        sent.forEach(packet -> correlations.add(HexFormat.of().formatHex(packet.correlationData())));
        assertThat(correlations).as("distinct Correlation Data").hasSize(5);

        for (int i = sent.size() - 1; i >= 0; i--) {
            PublishPacket packet = sent.get(i);
            broker.send(publish(RESPONSE_TOPIC, "re:" + new String(packet.payload(), StandardCharsets.UTF_8), null,
                    packet.correlationData()));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(responses.get(i).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).payloadAsString())
                    .isEqualTo("re:" + i);
        }
        assertThat(requester.unmatchedResponses()).isZero();
    }

    @Test
    @DisplayName("sec 4.10.2: responses with unknown, foreign or no Correlation Data are counted and dropped")
    void unmatchedResponsesAreCountedAndDropped() throws Exception {
        MqttClient client = broker.connectedClient(options -> options);
        MqttRequester requester = client.requester();
        CompletableFuture<MqttMessage> response = requester.request(request("ping")).toFuture();
        acknowledgeResponseSubscription(RESPONSE_TOPIC);
        PublishPacket sent = broker.awaitReceived(isPublish());
        byte[] otherRequest = sent.correlationData().clone();
        otherRequest[15]++;
        byte[] otherRequester = sent.correlationData().clone();
        otherRequester[0]++;

        broker.send(publish(RESPONSE_TOPIC, "a", null, otherRequest),
                publish(RESPONSE_TOPIC, "b", null, otherRequester),
                publish(RESPONSE_TOPIC, "c", null, null), publish(RESPONSE_TOPIC, "d", null, new byte[] {1, 2}));
        broker.barrier();
        assertThat(response).isNotDone();
        assertThat(requester.unmatchedResponses()).isEqualTo(4);

        broker.send(publish(RESPONSE_TOPIC, "pong", null, sent.correlationData()),
                publish(RESPONSE_TOPIC, "duplicate", null, sent.correlationData()));
        assertThat(response.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).payloadAsString()).isEqualTo("pong");
        broker.barrier();
        assertThat(requester.unmatchedResponses()).as("the duplicate").isEqualTo(5);
    }

    @Test
    @DisplayName("a request without a response in time fails with MqttRequestTimeoutException and leaves the "
            + "pending table; its late response is unmatched")
    void aTimedOutRequestIsRemoved() {
        MqttClient client = broker.connectedClient(options -> options);
        MqttRequester requester = client.requester();
        CompletableFuture<MqttMessage> response = requester.request(request("ping"), Duration.ofMillis(300))
                .toFuture();
        acknowledgeResponseSubscription(RESPONSE_TOPIC);
        PublishPacket sent = broker.awaitReceived(isPublish());

        assertThatThrownBy(() -> response.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(MqttRequestTimeoutException.class)
                .hasMessageContaining("services/echo");
        assertThat(requester.pendingRequests()).isZero();

        broker.send(publish(RESPONSE_TOPIC, "late", null, sent.correlationData()));
        broker.barrier();
        assertThat(requester.unmatchedResponses()).isEqualTo(1);
    }

    @Test
    @DisplayName("cancelling a request removes it from the pending table; its response is unmatched")
    void aCancelledRequestIsRemoved() {
        MqttClient client = broker.connectedClient(options -> options);
        MqttRequester requester = client.requester();
        Disposable request = requester.request(request("ping")).subscribe();
        acknowledgeResponseSubscription(RESPONSE_TOPIC);
        PublishPacket sent = broker.awaitReceived(isPublish());
        assertThat(requester.pendingRequests()).isEqualTo(1);

        request.dispose();
        assertThat(requester.pendingRequests()).isZero();
        broker.send(publish(RESPONSE_TOPIC, "pong", null, sent.correlationData()));
        broker.barrier();
        assertThat(requester.unmatchedResponses()).isEqualTo(1);
    }

    @Test
    @DisplayName("the pending table is bounded: one request more fails with MqttBufferFullException, sending nothing")
    void thePendingTableIsBounded() {
        MqttClient client = broker.connectedClient(options -> options);
        MqttRequester requester = client.requester(RequesterOptions.DEFAULT.withMaximumPendingRequests(2));
        requester.request(request("1")).subscribe();
        acknowledgeResponseSubscription(RESPONSE_TOPIC);
        PublishPacket first = broker.awaitReceived(isPublish());
        requester.request(request("2")).subscribe();
        broker.awaitReceived(isPublish());

        assertThatThrownBy(() -> requester.request(request("3")).block(WAIT))
                .isInstanceOf(MqttBufferFullException.class).hasMessageContaining("capacity 2");
        broker.assertNothingElseReceived();

        broker.send(publish(RESPONSE_TOPIC, "pong", null, first.correlationData()));
        broker.barrier();
        assertThat(requester.pendingRequests()).isEqualTo(1);
        requester.request(request("4")).subscribe();
        assertThat(new String(broker.awaitReceived(isPublish()).payload(), StandardCharsets.UTF_8)).isEqualTo("4");
    }

    @Test
    @DisplayName("a response subscription ended by disconnect() is made again by the next request")
    void theResponseSubscriptionIsMadeAgainAfterItEnded() throws Exception {
        MqttClient client = broker.connectedClient(options -> options);
        MqttRequester requester = client.requester();
        requester.request(request("1"), Duration.ofMillis(200)).onErrorComplete().subscribe();
        acknowledgeResponseSubscription(RESPONSE_TOPIC);
        broker.awaitReceived(isPublish());
        client.disconnect().block(WAIT);
        broker.awaitReceived(isDisconnect());

        broker.expect(isConnect()).answer(connAck());
        client.connect().block(WAIT);
        CompletableFuture<MqttMessage> response = requester.request(request("2")).toFuture();
        acknowledgeResponseSubscription(RESPONSE_TOPIC);
        PublishPacket sent = broker.awaitReceived(isPublish());
        broker.send(publish(RESPONSE_TOPIC, "pong", null, sent.correlationData()));
        assertThat(response.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).payloadAsString()).isEqualTo("pong");
    }

    @Test
    @DisplayName("after a lost connection the client's reconnect subscribes the response topic again, and later "
            + "requests reuse that subscription")
    void theResponseSubscriptionOutlivesAReconnect() throws Exception {
        broker.whenever(isSubscribe()).answer(subscribe -> subAck(subscribe.packetId(), 1));
        MqttClient client = broker.connectedClient(options -> options.reconnect(ReconnectOptions.DEFAULT
                .withDelay(ReconnectDelay.constant(Duration.ofMillis(20)))));
        MqttRequester requester = client.requester();
        CompletableFuture<MqttMessage> first = requester.request(request("1")).toFuture();
        PublishPacket sent = broker.awaitReceived(isPublish());
        broker.send(publish(RESPONSE_TOPIC, "one", null, sent.correlationData()));
        assertThat(first.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).payloadAsString()).isEqualTo("one");

        broker.closeConnection();
        broker.expect(isConnect()).answer(connAck());
        broker.awaitScriptDone();
        broker.awaitReceivedCount(MqttPacketType.SUBSCRIBE, 2);
        assertThat(broker.received(MqttPacketType.SUBSCRIBE)).allSatisfy(subscribe ->
                assertThat(((SubscribePacket) subscribe).subscriptions()).extracting(SubscriptionRequest::topicFilter)
                        .containsExactly(RESPONSE_TOPIC));

        CompletableFuture<MqttMessage> second = requester.request(request("2")).toFuture();
        PublishPacket again = broker.awaitReceived(isPublish());
        broker.send(publish(RESPONSE_TOPIC, "two", null, again.correlationData()));
        assertThat(second.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).payloadAsString()).isEqualTo("two");
        broker.assertNothingElseReceived();
        assertThat(broker.received(MqttPacketType.SUBSCRIBE)).as("no SUBSCRIBE from the requester itself")
                .hasSize(2);
    }

    @Test
    @DisplayName("requests cancelled before the response subscription's SUBACK leave one subscription, which later "
            + "requests use: each response is delivered once")
    void requestsCancelledBeforeTheSubAckLeaveOneSubscription() throws Exception {
        MqttClient client = broker.connectedClient(options -> options);
        MqttRequester requester = client.requester();
        requester.request(request("cancelled")).subscribe().dispose();
        SubscribePacket subscribe = broker.awaitReceived(isSubscribe(RESPONSE_TOPIC));
        assertThat(requester.pendingRequests()).isZero();

        CompletableFuture<MqttMessage> response = requester.request(request("kept")).toFuture();
        broker.barrier();
        broker.send(subAck(subscribe.packetId(), 1));
        PublishPacket sent = broker.awaitReceived(isPublish());
        assertThat(new String(sent.payload(), StandardCharsets.UTF_8)).isEqualTo("kept");
        broker.send(publish(RESPONSE_TOPIC, "pong", null, sent.correlationData()));
        assertThat(response.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).payloadAsString()).isEqualTo("pong");
        broker.assertNothingElseReceived();
        assertThat(requester.unmatchedResponses()).as("no second copy").isZero();
    }

    @Test
    @DisplayName("[MQTT-3.3.2-14] (5.0) Response Information that makes no topic name fails the request, sending "
            + "no SUBSCRIBE")
    void responseInformationWithAWildcardFailsTheRequest() {
        MqttClient client = broker.connectedClient(options -> options.requestResponseInformation(true),
                connAckWith().responseInformation("replies/+").build());
        assertThatThrownBy(() -> client.requester().request(request("ping")).block(WAIT))
                .isInstanceOf(InvalidTopicException.class);
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("a request carrying its own Response Topic or Correlation Data, or with a timeout that is not "
            + "positive, is rejected when called, before any I/O")
    void badRequestsAreRejectedBeforeAnyIo() {
        MqttClient client = broker.connectedClient(options -> options);
        MqttRequester requester = client.requester();
        assertThatThrownBy(() -> requester.request(request("x").mutate().responseTopic("a/b").build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> requester.request(request("x").mutate().correlationData(new byte[] {1}).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> requester.request(request("x"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequesterOptions.DEFAULT.withResponseTopic("a/#"))
                .isInstanceOf(InvalidTopicException.class);
        broker.assertNothingElseReceived();
    }

    @Test
    @DisplayName("MQTT 3.1.1 has no Response Topic or Correlation Data: requester() and responder() throw "
            + "UnsupportedOperationException, before any I/O")
    void mqtt311FailsFast() {
        ScriptedBroker broker311 = ScriptedBroker.start(MqttVersion.MQTT_3_1_1);
        try {
            MqttClient client = broker311.connectedClient(options -> options);
            assertThatThrownBy(client::requester).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("MQTT 5.0");
            assertThatThrownBy(() -> client.responder("services/echo", AT_LEAST_ONCE,
                    message -> Mono.just(message)))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("MQTT 5.0");
            broker311.assertNothingElseReceived();
        } finally {
            broker311.close();
        }
    }
}
