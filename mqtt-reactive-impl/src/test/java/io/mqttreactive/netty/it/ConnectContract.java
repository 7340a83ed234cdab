package io.mqttreactive.netty.it;

import static io.mqttreactive.netty.it.Received.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttConnectException;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttTlsException;
import io.mqttreactive.exception.MqttTimeoutException;
import io.mqttreactive.message.ConnectReasonCode;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.testing.FreePorts;
import io.mqttreactive.netty.testing.MqttTestBroker.Listener;
import io.mqttreactive.netty.testing.TcpProxy;
import io.mqttreactive.netty.testing.TestCertificates;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.assertj.core.api.InstanceOfAssertFactories;

/**
 * Connecting: what a CONNACK reports, refusals as typed errors with their reason codes, network failures and
 * timeouts, TLS trust and mutual TLS, and the connection states and events that go with them.
 */
abstract class ConnectContract extends ClientContract {

    @MqttProfile.All
    void connectsWithACleanSessionAndReportsTheBrokerLimits(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient client = clients.create("connect");

        ConnectResult result = client.connect().block(TIMEOUT);

        assertThat(result.sessionPresent()).as("clean start: no session [MQTT-3.2.2-1] (3.1.1)").isFalse();
        assertThat(result.assignedClientIdentifier()).as("we sent a client identifier").isEmpty();
        assertThat(result.maximumQos()).isEqualTo(MqttQos.EXACTLY_ONCE);
        assertThat(result.retainAvailable()).isTrue();
        assertThat(result.wildcardSubscriptionAvailable()).isTrue();
        assertThat(result.receiveMaximum()).isBetween(1, 65_535);
        assertThat(result.maximumPacketSize()).isGreaterThanOrEqualTo(1024);
        assertThat(result.topicAliasMaximum()).isBetween(0, 65_535);
        if (!profile.isMqtt5()) {
            assertThat(result.receiveMaximum()).as("3.1.1 has no Receive Maximum: the 5.0 default").isEqualTo(65_535);
            assertThat(result.topicAliasMaximum()).as("3.1.1 has no topic aliases").isZero();
        }
        assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(client.connect().block(TIMEOUT)).as("connect() while connected: the same result").isEqualTo(result);
    }

    @MqttProfile.All
    void anEmptyClientIdentifierIsAcceptedAndAssignedIn5(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient client = clients.create(clients.options("anonymous").clientId("").build());

        ConnectResult result = client.connect().block(TIMEOUT);

        if (profile.isMqtt5()) {
            assertThat(result.assignedClientIdentifier()).as("[MQTT-3.2.2-16] (5.0)")
                    .hasValueSatisfying(id -> assertThat(id).isNotBlank());
        } else {
            assertThat(result.assignedClientIdentifier()).as("zero-byte ClientId with CleanSession=1 [MQTT-3.1.3-7] "
                    + "(3.1.1): accepted, and 3.1.1 has no way to tell the identifier").isEmpty();
        }
    }

    @MqttProfile.All
    void connectsWithTheRightPassword(MqttProfile profile) {
        assumeTrue(broker().enforcesUsers(), "this broker runs without users");
        TestClients clients = clients(profile);

        MqttClient client = clients.connected("user",
                options -> options.username(PolicyBroker.USER).password(PolicyBroker.PASSWORD));

        assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(client.publish(MqttMessage.of(clients.topic("user"), new byte[] {1}, MqttQos.AT_LEAST_ONCE))
                .block(TIMEOUT)).isNotNull();
    }

    @MqttProfile.All
    void aWrongPasswordIsRefusedWithTheBrokersReasonCode(MqttProfile profile) {
        assumeTrue(broker().enforcesUsers(), "this broker runs without users");
        TestClients clients = clients(profile);
        MqttClient client = clients.create(clients.options("wrong-password")
                .username(PolicyBroker.USER).password("not-" + PolicyBroker.PASSWORD).build());

        MqttConnectException refusal = expectRefusal(client, broker().wrongPasswordRefusal());

        assertThat(refusal.isBadCredentials())
                .isEqualTo(broker().wrongPasswordRefusal() == ConnectReasonCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(refusal.isNotAuthorized())
                .isEqualTo(broker().wrongPasswordRefusal() == ConnectReasonCode.NOT_AUTHORIZED);
    }

    @MqttProfile.All
    void anUnknownUserIsRefusedAsNotAuthorized(MqttProfile profile) {
        assumeTrue(broker().enforcesUsers(), "this broker runs without users");
        TestClients clients = clients(profile);
        MqttClient client = clients.create(clients.options("unknown-user")
                .username(PolicyBroker.UNKNOWN_USER).password("anything").build());

        MqttConnectException refusal = expectRefusal(client, ConnectReasonCode.NOT_AUTHORIZED);

        assertThat(refusal.isNotAuthorized()).isTrue();
        assertThat(refusal.isBadCredentials()).isFalse();
    }

    @MqttProfile.All
    void anUnreachablePortFailsWithConnectionClosed(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient client = clients.create(clients.options("unreachable", FreePorts.pick(1)[0]).build());
        Received<MqttClientEvent> events = TestClients.events(client);

        long start = System.nanoTime();
        Throwable error = catchThrowable(() -> client.connect().block(TIMEOUT));

        assertThat(error).isInstanceOf(MqttConnectionClosedException.class)
                .hasRootCauseInstanceOf(ConnectException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused at once, not timed out")
                .isLessThan(TestClients.CONNECT_TIMEOUT);
        assertThat(events.next()).isEqualTo(new MqttClientEvent.ConnectFailed(1, error));
        assertThat(client.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @MqttProfile.All
    void aStalledLinkTimesOutWithinTheConnectTimeout(MqttProfile profile) {
        TestClients clients = clients(profile);
        Duration connectTimeout = Duration.ofMillis(800);
        try (TcpProxy proxy = TcpProxy.start(broker().broker().port(profile.listener()))) {
            proxy.stall();
            MqttClient client = clients.create(clients.options("stalled", proxy.port())
                    .connectTimeout(connectTimeout).build());

            long start = System.nanoTime();
            Throwable error = catchThrowable(() -> client.connect().block(TIMEOUT));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(error).isInstanceOfSatisfying(MqttTimeoutException.class,
                    timeout -> assertThat(timeout.timeout()).isEqualTo(connectTimeout));
            assertThat(elapsed).isBetween(connectTimeout.minusMillis(100), connectTimeout.plusSeconds(2));
            assertThat(client.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
        }
    }

    @MqttProfile.All
    void statesAndEventsFollowConnectDisconnectAndClose(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient client = clients.create("states");
        Received<ConnectionState> states = Received.of(client.connectionStates());
        Received<MqttClientEvent> events = TestClients.events(client);

        ConnectResult result = client.connect().block(TIMEOUT);
        client.disconnect().block(TIMEOUT);
        client.close().block(TIMEOUT);

        assertThat(states.next(6)).containsExactly(ConnectionState.DISCONNECTED, ConnectionState.CONNECTING,
                ConnectionState.CONNECTED, ConnectionState.DISCONNECTING, ConnectionState.DISCONNECTED,
                ConnectionState.CLOSED);
        states.awaitCompletion();
        assertThat(events.next(2)).containsExactly(new MqttClientEvent.Connected(result),
                new MqttClientEvent.Disconnected(Optional.empty()));
        events.awaitCompletion();
    }

    @MqttProfile.All
    void closingAConnectedClientDisconnectsAndEndsItsStreams(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient client = clients.connected("close");
        Received<ConnectionState> states = Received.of(client.connectionStates());
        Received<MqttClientEvent> events = TestClients.events(client);
        Received<MqttMessage> subscription =
                TestClients.subscribe(client, clients.topic("close"), MqttQos.AT_LEAST_ONCE);
        Received<MqttMessage> unsolicited = Received.of(client.unsolicitedMessages());

        client.close().block(TIMEOUT);

        assertThat(states.next(3)).containsExactly(ConnectionState.CONNECTED, ConnectionState.DISCONNECTING,
                ConnectionState.CLOSED);
        states.awaitCompletion();
        subscription.awaitCompletion();
        unsolicited.awaitCompletion();
        assertThat(events.all()).last().isEqualTo(new MqttClientEvent.Disconnected(Optional.empty()));
        events.awaitCompletion();
        assertThat(catchThrowable(() -> client.connect().block(TIMEOUT)))
                .isInstanceOf(io.mqttreactive.exception.MqttClientClosedException.class);
    }

    @MqttProfile.Tls
    void mutualTlsConnectsWithTheClientCertificate(MqttProfile profile) {
        TestClients clients = clients(profile);
        TestCertificates certificates = broker().broker().certificates();
        int port = broker().broker().port(Listener.MUTUAL_TLS);

        MqttClient client = clients.create(clients.options("mtls", port)
                .tls(TestClients.tls(certificates)
                        .clientCertificate(certificates.clientPrivateKey(), List.of(certificates.clientCertificate()))
                        .build())
                .build());

        assertThat(client.connect().block(TIMEOUT).sessionPresent()).isFalse();
        assertThat(client.publish(MqttMessage.of(clients.topic("mtls"), new byte[] {1}, MqttQos.EXACTLY_ONCE))
                .block(TIMEOUT)).isNotNull();

        MqttClient withoutCertificate = clients.create(clients.options("mtls-none", port).build());
        assertThat(catchThrowable(() -> withoutCertificate.connect().block(TIMEOUT)))
                .as("the broker requires a client certificate")
                .isInstanceOf(MqttConnectionClosedException.class);
    }

    @MqttProfile.Tls
    void aBrokerCertificateFromAnUnknownCaFailsTheHandshake(MqttProfile profile) {
        TestClients clients = clients(profile);
        MqttClient client = clients.create(clients.options("unknown-ca")
                .tls(TestClients.tls(TestCertificates.generate()).build())
                .build());
        Received<MqttClientEvent> events = TestClients.events(client);

        Throwable error = catchThrowable(() -> client.connect().block(TIMEOUT));

        assertThat(error).isInstanceOf(MqttTlsException.class)
                .cause().isInstanceOf(SSLHandshakeException.class);
        assertThat(events.next()).isEqualTo(new MqttClientEvent.ConnectFailed(1, error));
        assertThat(client.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    private MqttConnectException expectRefusal(MqttClient client, ConnectReasonCode expected) {
        Received<ConnectionState> states = Received.of(client.connectionStates());
        Received<MqttClientEvent> events = TestClients.events(client);

        Throwable error = catchThrowable(() -> client.connect().block(TIMEOUT));

        assertThat(error).asInstanceOf(InstanceOfAssertFactories.type(MqttConnectException.class))
                .satisfies(refusal -> {
                    assertThat(refusal.connectReasonCode()).isEqualTo(expected);
                    assertThat(refusal.reasonCode()).isEqualTo(expected.code());
                });
        assertThat(states.next(3)).containsExactly(ConnectionState.DISCONNECTED, ConnectionState.CONNECTING,
                ConnectionState.DISCONNECTED);
        assertThat(events.next()).isEqualTo(new MqttClientEvent.ConnectFailed(1, error));
        return (MqttConnectException) error;
    }
}
