package io.mqttreactive.netty.it;

import static io.mqttreactive.netty.it.Received.TIMEOUT;
import static io.mqttreactive.netty.it.TestClients.publish;
import static io.mqttreactive.netty.it.TestClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttQos;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttDisconnectedException;
import io.mqttreactive.exception.MqttSubscribeException;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeReasonCode;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.testing.MosquittoInstallation;
import io.mqttreactive.netty.testing.TcpProxy;
import io.mqttreactive.options.SessionOptions;
import io.mqttreactive.options.WillMessage;
import io.mqttreactive.topic.MqttTopicFilter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;

/**
 * How connections end and what the broker refuses: the will on a broken link and none on a normal DISCONNECT,
 * a broker-sent DISCONNECT on session takeover surfaced with its reason code, and SUBACK failure codes as
 * typed errors.
 */
abstract class LifecycleContract extends ClientContract {

    @MqttProfile.All
    void theWillIsPublishedWhenTheLinkBreaks(MqttProfile profile) {
        TestClients clients = clients(profile);
        String willTopic = clients.topic("will");
        Received<MqttMessage> wills = subscribe(clients.connected("watcher"), willTopic, MqttQos.AT_LEAST_ONCE);
        try (TcpProxy proxy = TcpProxy.start(broker().broker().port(profile.listener()))) {
            MqttClient dying = clients.connected("dying",
                    options -> options.serverPort(proxy.port()).will(will(willTopic, profile)));
            Received<ConnectionState> states = Received.of(dying.connectionStates());
            Received<MqttClientEvent> events = TestClients.events(dying);
            Received<MqttMessage> subscription = subscribe(dying, clients.topic("dying"), MqttQos.AT_LEAST_ONCE);

            proxy.cut();

            MqttMessage will = wills.next();
            assertThat(will.topic().toString()).as("[MQTT-3.1.2-8] (3.1.1 and 5.0)").isEqualTo(willTopic);
            assertThat(will.payloadAsString()).isEqualTo("gone");
            assertThat(will.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
            if (profile.isMqtt5()) {
                assertThat(will.contentType()).contains("text/plain");
                assertThat(will.userProperties().first("why")).contains("link lost");
            }
            Throwable error = subscription.awaitError();
            assertThat(error).isInstanceOf(MqttConnectionClosedException.class)
                    .isNotInstanceOf(MqttDisconnectedException.class);
            assertThat(events.nextMatching(MqttClientEvent.Disconnected.class::isInstance))
                    .isEqualTo(new MqttClientEvent.Disconnected(Optional.of(error)));
            assertThat(states.nextMatching(state -> state != ConnectionState.CONNECTED))
                    .isEqualTo(ConnectionState.DISCONNECTED);
        }
    }

    @MqttProfile.All
    void noWillAfterANormalDisconnect(MqttProfile profile) {
        TestClients clients = clients(profile);
        String willTopic = clients.topic("will");
        MqttClient watcher = clients.connected("watcher");
        Received<MqttMessage> received = subscribe(watcher, clients.topic("+"), MqttQos.AT_LEAST_ONCE);
        MqttClient leaving = clients.connected("leaving", options -> options.will(will(willTopic, profile)));

        leaving.disconnect().block(TIMEOUT);
        publish(watcher, MqttMessage.of(clients.topic("probe"), bytes("probe"), MqttQos.AT_LEAST_ONCE));

        assertThat(received.next().payloadAsString())
                .as("the will was discarded [MQTT-3.14.4-3] (3.1.1), [MQTT-3.1.2-10] (5.0)")
                .isEqualTo("probe");
        assertThat(received.nextWithin(Duration.ofMillis(500))).isEmpty();
        assertThat(leaving.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @MqttProfile.Mqtt5
    void disconnectWithWillMessageHasTheBrokerPublishTheWill(MqttProfile profile) {
        TestClients clients = clients(profile);
        String willTopic = clients.topic("will");
        Received<MqttMessage> wills = subscribe(clients.connected("watcher"), willTopic, MqttQos.AT_LEAST_ONCE);
        MqttClient leaving = clients.connected("leaving", options -> options.will(will(willTopic, profile)));

        leaving.disconnect(DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).block(TIMEOUT);

        assertThat(wills.next().payloadAsString()).as("reason code 0x04 (5.0)").isEqualTo("gone");
    }

    @MqttProfile.All
    void closingKeepsThePersistentSessionsSubscriptionsAtTheBroker(MqttProfile profile) {
        TestClients clients = clients(profile);
        String topic = clients.topic("kept");
        UnaryOperator<MqttClientOptions.Builder> persistent = options -> options.session(SessionOptions.DEFAULT
                .withCleanStart(false).withSessionExpiryInterval(Duration.ofMinutes(5)));
        MqttClient first = clients.connected("keeper", persistent);
        subscribe(first, topic, MqttQos.AT_LEAST_ONCE);

        first.close().block(TIMEOUT);
        MqttClient second = clients.create(persistent.apply(clients.options("keeper")).build());
        Received<MqttMessage> unsolicited = Received.of(second.unsolicitedMessages());
        ConnectResult resumed = second.connect().block(TIMEOUT);
        publish(clients.connected("pub"), MqttMessage.of(topic, bytes("kept"), MqttQos.AT_LEAST_ONCE));

        assertThat(resumed.sessionPresent()).as("[MQTT-3.2.2-2] (3.1.1)").isTrue();
        assertThat(unsolicited.next().payloadAsString())
                .as("close() left the subscription to the session: no UNSUBSCRIBE").isEqualTo("kept");
    }

    @MqttProfile.All
    void disconnectingKeepsThePersistentSessionsSubscriptionsForTheNextConnect(MqttProfile profile) {
        TestClients clients = clients(profile);
        String topic = clients.topic("kept");
        MqttClient client = clients.connected("keeper", options -> options.session(SessionOptions.DEFAULT
                .withCleanStart(false).withSessionExpiryInterval(Duration.ofMinutes(5))));
        Received<MqttMessage> subscription = subscribe(client, topic, MqttQos.AT_LEAST_ONCE);
        Received<MqttMessage> unsolicited = Received.of(client.unsolicitedMessages());

        client.disconnect().block(TIMEOUT);
        subscription.awaitCompletion();
        ConnectResult resumed = client.connect().block(TIMEOUT);
        publish(clients.connected("pub"), MqttMessage.of(topic, bytes("kept"), MqttQos.AT_LEAST_ONCE));

        assertThat(resumed.sessionPresent()).as("[MQTT-3.2.2-2] (3.1.1)").isTrue();
        assertThat(unsolicited.next().payloadAsString())
                .as("the ended flux left its filter to the session: no UNSUBSCRIBE on the next connect")
                .isEqualTo("kept");
    }

    @MqttProfile.All
    void aSecondClientWithTheSameIdentifierTakesTheSessionOver(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient first = clients.connected("twin");
        Received<MqttClientEvent> events = TestClients.events(first);
        Received<ConnectionState> states = Received.of(first.connectionStates());
        Received<MqttMessage> subscription = subscribe(first, clients.topic("twin"), MqttQos.AT_LEAST_ONCE);

        MqttClient second = clients.connected("twin");

        Throwable error = subscription.awaitError();
        boolean announced = profile.isMqtt5()
                && (broker().announcesSessionTakeover() || error instanceof MqttDisconnectedException);
        if (announced) {
            assertThat(error).as("[MQTT-3.1.4-3] (5.0)").isInstanceOfSatisfying(MqttDisconnectedException.class,
                    disconnected -> assertThat(disconnected.disconnectReasonCode())
                            .isEqualTo(DisconnectReasonCode.SESSION_TAKEN_OVER));
            MqttClientEvent.ServerDisconnect serverDisconnect = (MqttClientEvent.ServerDisconnect)
                    events.nextMatching(MqttClientEvent.ServerDisconnect.class::isInstance);
            assertThat(serverDisconnect.reasonCode()).isEqualTo(DisconnectReasonCode.SESSION_TAKEN_OVER);
        } else {
            assertThat(error).as("no DISCONNECT from the broker (never in 3.1.1 [MQTT-3.1.4-2]): the connection closes")
                    .isInstanceOf(MqttConnectionClosedException.class)
                    .isNotInstanceOf(MqttDisconnectedException.class);
        }
        assertThat(events.nextMatching(MqttClientEvent.Disconnected.class::isInstance))
                .isEqualTo(new MqttClientEvent.Disconnected(Optional.of(error)));
        assertThat(events.all()).filteredOn(MqttClientEvent.ServerDisconnect.class::isInstance)
                .hasSize(announced ? 1 : 0);
        assertThat(states.nextMatching(state -> state != ConnectionState.CONNECTED))
                .isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(second.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        Received<MqttMessage> secondSubscription = subscribe(second, clients.topic("twin"), MqttQos.AT_LEAST_ONCE);
        publish(second, MqttMessage.of(clients.topic("twin"), bytes("still here"), MqttQos.AT_LEAST_ONCE));
        assertThat(secondSubscription.next().payloadAsString()).isEqualTo("still here");
    }

    @MqttProfile.All
    void aRefusedSubscriptionFailsWithTheSubackReasonCode(MqttProfile profile) {
        requireSubscriptionRefusals();
        TestClients clients = clients(profile);
        MqttClient client = clients.connected("refused");
        String denied = PolicyBroker.DENIED_ROOT + "/" + clients.testId();
        Received<MqttClientEvent> events = TestClients.events(client);

        Throwable error = Received.of(client.subscribe(denied, MqttQos.AT_LEAST_ONCE)).awaitError();

        SubscribeReasonCode expected = profile.isMqtt5()
                ? SubscribeReasonCode.NOT_AUTHORIZED : SubscribeReasonCode.UNSPECIFIED_ERROR;
        assertThat(error).isInstanceOfSatisfying(MqttSubscribeException.class, refusal -> {
            assertThat(refusal.reasonCode()).isEqualTo(expected.code());
            assertThat(refusal.result()).hasValueSatisfying(result ->
                    assertThat(result.reasonCodes()).containsExactly(expected));
        });
        var subscribed = (MqttClientEvent.Subscribed) events.nextMatching(MqttClientEvent.Subscribed.class::isInstance);
        assertThat(subscribed.result().isSuccess()).isFalse();
        assertThat(client.connectionState()).as("a refused filter leaves the connection up")
                .isEqualTo(ConnectionState.CONNECTED);
        Received<MqttMessage> allowed = subscribe(client, clients.topic("allowed"), MqttQos.AT_LEAST_ONCE);
        publish(client, MqttMessage.of(clients.topic("allowed"), bytes("ok"), MqttQos.AT_LEAST_ONCE));
        assertThat(allowed.next().payloadAsString()).isEqualTo("ok");
    }

    @MqttProfile.All
    void aPartlyRefusedRequestFailsAndUnsubscribesTheGrantedFilter(MqttProfile profile) {
        requireSubscriptionRefusals();
        TestClients clients = clients(profile);
        MqttClient client = clients.connected("partly");
        String granted = clients.topic("granted");
        String denied = PolicyBroker.DENIED_ROOT + "/" + clients.testId();
        Received<MqttClientEvent> events = TestClients.events(client);
        Received<MqttMessage> unsolicited = Received.of(client.unsolicitedMessages());

        Throwable error = Received.of(client.subscribe(SubscribeRequest.of(
                Subscription.of(granted, MqttQos.AT_LEAST_ONCE), Subscription.of(denied, MqttQos.AT_LEAST_ONCE))))
                .awaitError();

        assertThat(error).isInstanceOfSatisfying(MqttSubscribeException.class, refusal ->
                assertThat(refusal.result().orElseThrow().reasonCodes()).as("[MQTT-3.9.3-1]: in filter order")
                        .containsExactly(SubscribeReasonCode.GRANTED_QOS_1, profile.isMqtt5()
                                ? SubscribeReasonCode.NOT_AUTHORIZED : SubscribeReasonCode.UNSPECIFIED_ERROR));
        var unsubscribed = (MqttClientEvent.Unsubscribed)
                events.nextMatching(MqttClientEvent.Unsubscribed.class::isInstance);
        assertThat(unsubscribed.filters()).contains(MqttTopicFilter.of(granted));
        Received<MqttMessage> probe = subscribe(client, clients.topic("probe"), MqttQos.AT_LEAST_ONCE);
        publish(client, MqttMessage.of(granted, bytes("late"), MqttQos.AT_LEAST_ONCE),
                MqttMessage.of(clients.topic("probe"), bytes("probe"), MqttQos.AT_LEAST_ONCE));
        assertThat(probe.next().payloadAsString()).isEqualTo("probe");
        assertThat(unsolicited.all()).as("the granted filter was unsubscribed").isEmpty();
    }

    private void requireSubscriptionRefusals() {
        if (broker().deniesSubscriptions()) {
            return;
        }
        String reason = broker().name() + " runs without a way to refuse subscriptions (mosquitto needs "
                + "mosquitto_dynamic_security.so from its Debian package)";
        if (MosquittoInstallation.required()) {
            throw new IllegalStateException(reason);
        }
        System.err.println("[it] SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    private static WillMessage will(String topic, MqttProfile profile) {
        MqttMessage.Builder message = MqttMessage.builder().topic(topic).payload("gone").qos(MqttQos.AT_LEAST_ONCE);
        if (profile.isMqtt5()) {
            message.contentType("text/plain").userProperties(UserProperties.of("why", "link lost"));
        }
        return WillMessage.of(message.build());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
