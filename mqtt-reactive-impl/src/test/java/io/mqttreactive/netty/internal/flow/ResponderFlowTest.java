package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.MqttQos.AT_MOST_ONCE;
import static io.mqttreactive.netty.internal.flow.RequestResponseFlowTest.publish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isUnsubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.Packets.unsubAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttResponder;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.subscriber.TestSubscriber;

/**
 * {@link MqttResponder} on the wire (MQTT 5.0 sec 4.10.1): each answer goes to the request's Response Topic with
 * its Correlation Data, and no single request ends the responder.
 */
class ResponderFlowTest {

    private static final byte[] CORRELATION = {7, 0, 1, 2};

    private final ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
    private final MqttClient client = broker.connectedClient(options -> options);
    private final TestSubscriber<PublishResult> results = TestSubscriber.create();

    @AfterEach
    void close() {
        results.cancel();
        broker.close();
    }

    private static Mono<MqttMessage> echoOrFail(MqttMessage request) {
        String payload = request.payloadAsString();
        if (payload.equals("throw")) {
            throw new IllegalStateException("handler threw");
        }
        if (payload.equals("error")) {
            return Mono.error(new IllegalStateException("handler failed"));
        }
        if (payload.equals("nothing")) {
            return Mono.empty();
        }
        return Mono.just(MqttMessage.builder().topic("ignored/by/the/responder").payload("re:" + payload)
                .qos(AT_MOST_ONCE).userProperties(UserProperties.of("handled-by", "echo")).build());
    }

    private MqttResponder start() {
        MqttResponder responder = client.responder("services/+", AT_LEAST_ONCE, ResponderFlowTest::echoOrFail);
        CompletableFuture<?> acknowledged = responder.acknowledged().toFuture();
        responder.responses().subscribe(results);
        SubscribePacket subscribe = broker.awaitReceived(isSubscribe("services/+"));
        broker.send(subAck(subscribe.packetId(), 1));
        acknowledged.join();
        return responder;
    }

    @Test
    @DisplayName("[MQTT-3.3.2-14] (5.0) sec 4.10.1: the answer goes to the request's Response Topic with its "
            + "Correlation Data copied, the handler's payload and properties kept")
    void theAnswerGoesToTheResponseTopicWithTheCorrelationData() {
        start();
        broker.send(publish("services/echo", "ping", "clients/c1/responses", CORRELATION));

        PublishPacket answer = broker.awaitReceived(isPublish(AT_MOST_ONCE));
        assertThat(answer.topic()).isEqualTo("clients/c1/responses");
        assertThat(answer.correlationData()).containsExactly(CORRELATION);
        assertThat(new String(answer.payload(), StandardCharsets.UTF_8)).isEqualTo("re:ping");
        assertThat(answer.userProperties()).containsExactly(new UserProperty("handled-by", "echo"));
        assertThat(answer.subscriptionIdentifiers()).isEmpty();
        broker.barrier();
        assertThat(results.getReceivedOnNext()).hasSize(1);
    }

    @Test
    @DisplayName("sec 4.10.1: a request without Correlation Data gets an answer without it")
    void aRequestWithoutCorrelationDataGetsAnAnswerWithout() {
        start();
        broker.send(publish("services/echo", "ping", "clients/c1/responses", null));
        assertThat(broker.awaitReceived(isPublish()).correlationData()).isNull();
    }

    @Test
    @DisplayName("requests without a Response Topic, handlers that throw, fail or answer nothing are counted or "
            + "skipped, and the responder goes on answering")
    void noSingleRequestEndsTheResponder() {
        MqttResponder responder = start();
        broker.send(publish("services/echo", "no response topic", null, CORRELATION),
                publish("services/echo", "throw", "r/1", CORRELATION),
                publish("services/echo", "error", "r/2", CORRELATION),
                publish("services/echo", "nothing", "r/3", CORRELATION),
                publish("services/echo", "still here", "r/4", CORRELATION));

        PublishPacket answer = broker.awaitReceived(isPublish());
        assertThat(answer.topic()).isEqualTo("r/4");
        broker.assertNothingElseReceived();
        assertThat(responder.requestsWithoutResponseTopic()).isEqualTo(1);
        assertThat(responder.failedRequests()).isEqualTo(2);
        assertThat(results.isTerminatedOrCancelled()).isFalse();
    }

    @Test
    @DisplayName("cancelling responses() stops answering and unsubscribes")
    void cancellingStopsAndUnsubscribes() {
        start();
        results.cancel();
        broker.expect(isUnsubscribe("services/+")).answer(packet -> unsubAck(packet.packetId(), true, 1));
        broker.awaitScriptDone();
        broker.send(publish("services/echo", "ping", "r/1", CORRELATION));
        broker.assertNothingElseReceived();
    }
}
