package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.MqttQos.AT_LEAST_ONCE;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isPublish;
import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isSubscribe;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.subAck;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttTimeoutException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.mqttreactive.netty.internal.transport.MqttConnector;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectAttempt;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectHook;
import io.mqttreactive.options.ReconnectOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.subscriber.TestSubscriber;

/**
 * The reconnect hook against a scripted broker: before each reconnect attempt it may change credentials, CONNECT
 * properties and the server, asynchronously; the session settings stay the client's; a failing hook fails the
 * attempt like a failed connection.
 */
class ReconnectHookFlowTest {

    private static final Duration QUICK = Duration.ofMillis(10);

    private final List<ReconnectAttempt> attempts = new CopyOnWriteArrayList<>();
    private final List<String> servers = new CopyOnWriteArrayList<>();
    private final List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
    private ScriptedBroker broker;
    private MqttClient client;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private void connect(MqttVersion version, ReconnectHook hook, UnaryOperator<MqttClientOptions.Builder> more) {
        broker = ScriptedBroker.start(version);
        ReconnectHook recording = attempt -> {
            attempts.add(attempt);
            return hook.beforeAttempt(attempt);
        };
        client = broker.newClient(options -> more.apply(options.username("device").password("expired")
                        .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(QUICK))
                                .withMaxAttempts(5).withHook(recording))),
                connector -> recordingServers(connector));
        client.events().subscribe(events::add);
        broker.expect(isConnect()).answer(connAck());
        client.connect().block(WAIT);
    }

    private MqttConnector recordingServers(MqttConnector connector) {
        return (options, eventLoop, decodeContext, encodeContext) -> {
            servers.add(options.serverHost() + ":" + options.serverPort());
            return connector.connect(options, eventLoop, decodeContext, encodeContext);
        };
    }

    private ConnectPacket cutAndAwaitConnect() {
        broker.closeConnection();
        return broker.awaitReceived(isConnect());
    }

    private void acceptAndAwaitConnected() {
        broker.send(connAck());
        client.connectionStates().filter(state -> state == ConnectionState.CONNECTED).next().block(WAIT);
    }

    private static String password(ConnectPacket connect) {
        return new String(connect.password(), StandardCharsets.UTF_8);
    }

    @BothVersions
    @DisplayName("the hook's asynchronous result sets the password of the reconnect CONNECT, and its options "
            + "are those the next attempt is told [MQTT-3.1.0-1]")
    void hookRefreshesTheCredentials(MqttVersion version) {
        connect(version, attempt -> Mono.delay(Duration.ofMillis(20))
                .map(tick -> attempt.options().mutate().password("token-" + attempt.options().password()
                        .map(String::new).orElseThrow()).build()), options -> options);

        ConnectPacket first = cutAndAwaitConnect();
        acceptAndAwaitConnected();
        broker.closeConnection();
        ConnectPacket second = broker.awaitReceived(isConnect());
        acceptAndAwaitConnected();

        assertThat(first.username()).isEqualTo("device");
        assertThat(password(first)).isEqualTo("token-expired");
        assertThat(password(second)).isEqualTo("token-token-expired");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).number()).isEqualTo(1);
        assertThat(attempts.get(0).lastFailure()).isInstanceOf(MqttConnectionClosedException.class);
        assertThat(attempts.get(0).options().password()).hasValueSatisfying(
                password -> assertThat(new String(password, StandardCharsets.UTF_8)).isEqualTo("expired"));
    }

    @Test
    @DisplayName("the hook changes the server, the keep-alive and the CONNECT user properties (5.0)")
    void hookMovesToAnotherServer() {
        connect(MqttVersion.MQTT_5_0, attempt -> Mono.just(attempt.options().mutate()
                .serverHost("127.0.0.2").serverPort(2883).keepAlive(Duration.ofSeconds(30))
                .userProperties(UserProperties.of("region", "b")).build()), options -> options);

        ConnectPacket reconnect = cutAndAwaitConnect();
        acceptAndAwaitConnected();

        assertThat(servers).containsExactly("127.0.0.1:1883", "127.0.0.2:2883");
        assertThat(reconnect.keepAliveSeconds()).isEqualTo(30);
        assertThat(reconnect.userProperties()).containsExactly(new UserProperty("region", "b"));
    }

    @Test
    @DisplayName("the client identifier, version and flow control stay the client's whatever the hook returns")
    void sessionSettingsStayTheClients() {
        connect(MqttVersion.MQTT_5_0, attempt -> Mono.just(MqttClientOptions.builder()
                .version(MqttVersion.MQTT_3_1_1).clientId("someone-else").username("other").build()),
                options -> options);

        ConnectPacket reconnect = cutAndAwaitConnect();
        acceptAndAwaitConnected();

        assertThat(reconnect.clientId()).isEqualTo("scripted-client");
        assertThat(reconnect.version()).isEqualTo(MqttVersion.MQTT_5_0);
        assertThat(reconnect.username()).isEqualTo("other");
        assertThat(reconnect.password()).isNull();
        assertThat(client.options().clientId()).isEqualTo("scripted-client");
    }

    @Test
    @DisplayName("an empty hook result keeps the previous options")
    void emptyHookResultKeepsTheOptions() {
        connect(MqttVersion.MQTT_5_0, attempt -> Mono.empty(), options -> options);

        ConnectPacket reconnect = cutAndAwaitConnect();
        acceptAndAwaitConnected();

        assertThat(password(reconnect)).isEqualTo("expired");
    }

    @Test
    @DisplayName("a transient hook failure fails the attempt with a ConnectFailed event; the next attempt is told "
            + "that failure")
    void transientHookFailureIsRetried() {
        MqttConnectionClosedException vaultDown = new MqttConnectionClosedException("token service unreachable");
        connect(MqttVersion.MQTT_5_0, attempt -> attempt.number() == 1 ? Mono.error(vaultDown)
                : Mono.just(attempt.options()), options -> options);

        cutAndAwaitConnect();
        acceptAndAwaitConnected();

        assertThat(attempts).extracting(ReconnectAttempt::number).containsExactly(1L, 2L);
        assertThat(attempts.get(1).lastFailure()).isSameAs(vaultDown);
        assertThat(events).filteredOn(MqttClientEvent.ConnectFailed.class::isInstance)
                .containsExactly(new MqttClientEvent.ConnectFailed(1, vaultDown));
    }

    @Test
    @DisplayName("a hook that takes longer than the connect timeout fails the attempt with MqttTimeoutException")
    void slowHookTimesOut() {
        connect(MqttVersion.MQTT_5_0, attempt -> attempt.number() == 1 ? Mono.never()
                : Mono.just(attempt.options()), options -> options.connectTimeout(Duration.ofMillis(300)));

        cutAndAwaitConnect();
        acceptAndAwaitConnected();

        assertThat(attempts.get(1).lastFailure()).isInstanceOf(MqttTimeoutException.class);
    }

    @Test
    @DisplayName("a non-transient hook failure ends reconnecting: the subscription and the waiting publish fail "
            + "with it and no CONNECT is sent")
    void nonTransientHookFailureGivesUp() {
        IllegalStateException sealed = new IllegalStateException("credentials revoked");
        connect(MqttVersion.MQTT_5_0, attempt -> Mono.error(sealed), options -> options);
        broker.whenever(isSubscribe()).answer(subscribe -> subAck(subscribe.packetId(), 1));
        TestSubscriber<MqttMessage> subscription = TestSubscriber.create();
        client.subscribe("work/#", AT_LEAST_ONCE).subscribe(subscription);
        broker.awaitReceivedCount(MqttPacketType.SUBSCRIBE, 1);
        var publish = client.publish(MqttMessage.of("work/out", new byte[] {1}, AT_LEAST_ONCE)).toFuture();
        broker.awaitReceived(isPublish(AT_LEAST_ONCE));

        broker.closeConnection();

        subscription.block(WAIT);
        assertThat(subscription.expectTerminalError()).isSameAs(sealed);
        assertThat(publish).failsWithin(WAIT).withThrowableOfType(Exception.class).havingCause().isSameAs(sealed);
        assertThat(client.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(broker.received(MqttPacketType.CONNECT)).hasSize(1);
    }

    @Test
    @DisplayName("hook options that make a CONNECT the version refuses end reconnecting with "
            + "IllegalArgumentException [MQTT-3.1.2-22] (3.1.1)")
    void invalidHookOptionsGiveUp() {
        connect(MqttVersion.MQTT_3_1_1, attempt -> Mono.just(MqttClientOptions.builder()
                .version(MqttVersion.MQTT_5_0).password("no user").build()), options -> options);
        TestSubscriber<MqttMessage> subscription = TestSubscriber.create();
        broker.whenever(isSubscribe()).answer(subscribe -> subAck(subscribe.packetId(), 1));
        client.subscribe("work/#", AT_LEAST_ONCE).subscribe(subscription);
        broker.awaitReceivedCount(MqttPacketType.SUBSCRIBE, 1);

        broker.closeConnection();

        subscription.block(WAIT);
        assertThat(subscription.expectTerminalError()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MQTT-3.1.2-22");
    }
}
