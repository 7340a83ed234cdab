package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.connAckWith;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttServerUnavailableException;
import io.mqttreactive.message.ConnectReasonCode;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.FailoverOptions;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.Transport;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Server redirection (MQTT 5.0 section 4.11) and the server list of {@link FailoverOptions}. Every connection
 * reaches the scripted broker whatever server it names; the test records the server each one was opened for, and
 * can make chosen servers unreachable.
 */
class RedirectAndFailoverFlowTest {

    private static final String HOME = "127.0.0.1:1883";
    private static final ReconnectOptions QUICK_RECONNECT = ReconnectOptions.DEFAULT
            .withDelay(ReconnectDelay.constant(Duration.ofMillis(10)));

    private final ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
    private final List<String> servers = new CopyOnWriteArrayList<>();
    private final List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
    private volatile Set<String> unreachable = Set.of();

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private MqttClient client(UnaryOperator<MqttClientOptions.Builder> options) {
        MqttClient client = broker.newClient(options, connector -> (attempt, loop, decode, encode) -> {
            String server = attempt.serverHost() + ":" + attempt.serverPort()
                    + (attempt.transport() == Transport.WEBSOCKET ? "/ws" : "");
            servers.add(server);
            return unreachable.contains(server) ? Mono.<MqttChannel>error(new ConnectException("Connection refused"))
                    : connector.connect(attempt, loop, decode, encode);
        });
        client.events().subscribe(events::add);
        return client;
    }

    private static ConnAckPacket redirect(ConnectReasonCode reason, String reference) {
        return connAckWith().reasonCode(reason.code()).serverReference(reference).build();
    }

    private List<MqttClientEvent.Redirected> redirects() {
        return events.stream().filter(MqttClientEvent.Redirected.class::isInstance)
                .map(MqttClientEvent.Redirected.class::cast).toList();
    }

    @Test
    @DisplayName("a CONNACK with Use another server and a Server Reference sends connect() on to that server (5.0)")
    void aRefusedConnectFollowsTheServerReference() {
        MqttClient client = client(options -> options);
        broker.expect(isConnect()).answer(redirect(ConnectReasonCode.USE_ANOTHER_SERVER, "other.example:1884"));
        broker.expect(isConnect()).answer(connAck());

        assertThat(client.connect().block(WAIT)).isNotNull();
        assertThat(servers).containsExactly(HOME, "other.example:1884");
        assertThat(redirects()).containsExactly(new MqttClientEvent.Redirected(HOME, "other.example:1884", false));
    }

    @Test
    @DisplayName("a reference may be a URI, an IPv6 address, a host alone (the port kept), and only its first "
            + "server counts (5.0)")
    void referenceForms() {
        MqttClient client = client(options -> options.failover(FailoverOptions.DEFAULT.withMaximumRedirects(4)));
        broker.expect(isConnect()).answer(redirect(ConnectReasonCode.SERVER_MOVED, "ws://b.example:8080/mqtt c:1"));
        broker.expect(isConnect()).answer(redirect(ConnectReasonCode.USE_ANOTHER_SERVER, "[::1]:1885"));
        broker.expect(isConnect()).answer(redirect(ConnectReasonCode.USE_ANOTHER_SERVER, "d.example"));
        broker.expect(isConnect()).answer(connAck());

        client.connect().block(WAIT);
        assertThat(servers).as("the transport and port of the server left are kept")
                .containsExactly(HOME, "b.example:8080/ws", "::1:1885/ws", "d.example:1885/ws");
        assertThat(redirects()).extracting(MqttClientEvent.Redirected::permanent).containsExactly(true, false, false);
    }

    @Test
    @DisplayName("with maximumRedirects 0 a redirecting CONNACK fails connect() with its reason and reference (5.0)")
    void redirectsCanBeRefused() {
        MqttClient client = client(options -> options.failover(FailoverOptions.DEFAULT.withMaximumRedirects(0)));
        broker.expect(isConnect()).answer(redirect(ConnectReasonCode.USE_ANOTHER_SERVER, "other.example:1884"));

        assertThatThrownBy(() -> client.connect().block(WAIT)).isInstanceOfSatisfying(
                MqttServerUnavailableException.class, refusal -> {
                    assertThat(refusal.connectReasonCode()).isEqualTo(ConnectReasonCode.USE_ANOTHER_SERVER);
                    assertThat(refusal.serverReference()).contains("other.example:1884");
                });
        assertThat(servers).containsExactly(HOME);
    }

    @Test
    @DisplayName("a redirect back to a server of the same chain is not followed: connect() fails there (5.0)")
    void aRedirectLoopEnds() {
        MqttClient client = client(options -> options);
        broker.expect(isConnect()).answer(redirect(ConnectReasonCode.USE_ANOTHER_SERVER, "b.example:1883"));
        broker.expect(isConnect()).answer(redirect(ConnectReasonCode.USE_ANOTHER_SERVER, HOME));

        assertThatThrownBy(() -> client.connect().block(WAIT)).isInstanceOf(MqttServerUnavailableException.class);
        assertThat(servers).containsExactly(HOME, "b.example:1883");
    }

    @Test
    @DisplayName("no more redirects follow one another than maximumRedirects (5.0)")
    void redirectsAreBounded() {
        MqttClient client = client(options -> options.failover(FailoverOptions.DEFAULT.withMaximumRedirects(2)));
        broker.expect(isConnect()).answer(redirect(ConnectReasonCode.USE_ANOTHER_SERVER, "b.example"));
        broker.expect(isConnect()).answer(redirect(ConnectReasonCode.USE_ANOTHER_SERVER, "c.example"));
        broker.expect(isConnect()).answer(redirect(ConnectReasonCode.USE_ANOTHER_SERVER, "d.example"));

        assertThatThrownBy(() -> client.connect().block(WAIT)).isInstanceOf(MqttServerUnavailableException.class);
        assertThat(servers).containsExactly(HOME, "b.example:1883", "c.example:1883");
    }

    @Test
    @DisplayName("a DISCONNECT with Server moved and a Server Reference reconnects to that server (5.0)")
    void aDisconnectRedirectReconnectsThere() {
        MqttClient client = client(options -> options.reconnect(QUICK_RECONNECT));
        broker.expect(isConnect()).answer(connAck());
        client.connect().block(WAIT);

        var reconnected = client.events().ofType(MqttClientEvent.Connected.class).next().toFuture();
        broker.send(new DisconnectPacket(0x9D, ConnAckPacket.ABSENT_SESSION_EXPIRY, null, List.of(),
                "moved.example:1883"));
        broker.awaitReceived(isConnect());
        broker.send(connAck());

        assertThat(reconnected).succeedsWithin(WAIT);
        assertThat(servers).containsExactly(HOME, "moved.example:1883");
        assertThat(redirects()).containsExactly(new MqttClientEvent.Redirected(HOME, "moved.example:1883", true));
    }

    @Test
    @DisplayName("after a lost connection the first attempt goes to the same server, each failed one to the next "
            + "server of the list, in order, round and round")
    void reconnectMovesThroughTheServerList() {
        MqttClient client = client(options -> options.reconnect(QUICK_RECONNECT)
                .failover(FailoverOptions.servers("mqtt://b.example:1884", "ws://c.example:8080/mqtt")));
        broker.expect(isConnect()).answer(connAck());
        client.connect().block(WAIT);
        unreachable = Set.of(HOME, "b.example:1884");

        broker.closeConnection();
        broker.awaitReceived(isConnect());
        broker.send(connAck());
        assertThat(servers).containsExactly(HOME, HOME, "b.example:1884", "c.example:8080/ws");

        unreachable = Set.of("c.example:8080/ws", "b.example:1884");
        broker.closeConnection();
        broker.awaitReceived(isConnect());
        broker.send(connAck());
        assertThat(servers.subList(4, servers.size()))
                .containsExactly("c.example:8080/ws", HOME);
    }

    @Test
    @DisplayName("a connect() that retries moves through the server list as well")
    void connectRetryMovesThroughTheServerList() {
        unreachable = Set.of(HOME);
        MqttClient client = client(options -> options
                .reconnect(QUICK_RECONNECT.withConnectRetry(WAIT))
                .failover(FailoverOptions.servers("mqtt://b.example:1884")));
        broker.expect(isConnect()).answer(connAck());

        client.connect().block(WAIT);
        assertThat(servers).containsExactly(HOME, "b.example:1884");
    }
}
