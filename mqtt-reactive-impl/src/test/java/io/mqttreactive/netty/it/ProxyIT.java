package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttProxyException;
import io.mqttreactive.exception.MqttTlsException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.testing.FreePorts;
import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.HttpConnectProxy;
import io.mqttreactive.netty.testing.Socks5Proxy;
import io.mqttreactive.netty.testing.TunnelProxy;
import io.mqttreactive.options.ProxyOptions;
import io.mqttreactive.options.ProxyType;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.TlsOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Connecting through an HTTP {@code CONNECT} proxy and a SOCKS5 proxy (the loopback test proxies, which count the
 * tunnels they open) to the shared HiveMQ broker, over every transport: traffic goes through the proxy, TLS is
 * negotiated with the broker through the tunnel (host name verified), refusals and unreachable proxies fail with
 * typed errors naming the proxy, and a reconnect after the proxy dropped the tunnel goes through it again.
 */
class ProxyIT {

    private static final String USER = "proxy-user";
    private static final String PASSWORD = "proxy-s3cret";

    private final HiveMqBroker broker = HiveMqBroker.shared();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    static Stream<Arguments> proxiesAndTransports() {
        return Stream.of(ProxyType.values()).flatMap(type -> Stream.of(MqttProfile.MQTT_5_TCP, MqttProfile.MQTT_5_TLS,
                MqttProfile.MQTT_5_WS, MqttProfile.MQTT_3_1_1_WSS).map(profile -> Arguments.of(type, profile)));
    }

    @ParameterizedTest(name = "{0} proxy, {1}")
    @MethodSource("proxiesAndTransports")
    void publishesAndReceivesThroughTheProxy(ProxyType type, MqttProfile profile) {
        TunnelProxy proxy = proxyRequiringCredentials(type);
        TestClients clients = clients(profile);
        String topic = clients.topic("through");

        MqttClient client = clients.connected("proxied",
                options -> options.proxy(proxyOptions(type, proxy).credentials(USER, PASSWORD).build()));
        Received<MqttMessage> received = TestClients.subscribe(client, topic, MqttQos.AT_LEAST_ONCE);
        TestClients.publish(client, MqttMessage.of(topic, "via proxy".getBytes(StandardCharsets.UTF_8),
                MqttQos.AT_LEAST_ONCE));

        MqttMessage message = received.next();
        assertThat(message.payloadAsString()).isEqualTo("via proxy");
        assertThat(message.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(proxy.tunnelsOpened()).as("the one connection went through the proxy").isEqualTo(1);
        assertThat(proxy.refusals()).isZero();
    }

    @ParameterizedTest(name = "{0} proxy")
    @EnumSource(ProxyType.class)
    void aBrokerHostOfTheNonProxyHostsIsReachedDirectly(ProxyType type) {
        TunnelProxy proxy = proxyRequiringCredentials(type);
        TestClients clients = clients(MqttProfile.MQTT_5_TCP);

        MqttClient client = clients.connected("direct", options -> options
                .proxy(proxyOptions(type, proxy).nonProxyHosts("127.0.0.*").build()));

        assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(proxy.tunnelsOpened()).isZero();
        assertThat(proxy.refusals()).as("not even asked").isZero();
    }

    @ParameterizedTest(name = "{0} proxy, {1}")
    @MethodSource("proxiesAndTransports")
    void wrongCredentialsAreRefusedBeforeAnythingReachesTheBroker(ProxyType type, MqttProfile profile) {
        TunnelProxy proxy = proxyRequiringCredentials(type);
        MqttClient client = clients(profile).create(clients(profile).options("refused")
                .proxy(proxyOptions(type, proxy).credentials(USER, "wrong").build()).build());

        Throwable error = catchThrowable(() -> client.connect().block(Received.TIMEOUT));

        assertThat(error).isInstanceOf(MqttProxyException.class)
                .hasMessageContaining("the proxy refused the tunnel")
                .hasMessageContaining(type + " proxy " + proxy.host() + ":" + proxy.port())
                .hasMessageContaining(type == ProxyType.HTTP ? "407" : "authStatus: FAILURE")
                .hasMessageNotContaining("wrong");
        assertThat(proxy.tunnelsOpened()).as("no tunnel, so no byte reached the broker").isZero();
        assertThat(proxy.refusals()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} proxy")
    @EnumSource(ProxyType.class)
    void missingCredentialsAreRefused(ProxyType type) {
        TunnelProxy proxy = proxyRequiringCredentials(type);
        MqttClient client = clients(MqttProfile.MQTT_5_TCP).create(clients(MqttProfile.MQTT_5_TCP).options("anonymous")
                .proxy(proxyOptions(type, proxy).build()).build());

        Throwable error = catchThrowable(() -> client.connect().block(Received.TIMEOUT));

        assertThat(error).isInstanceOf(MqttProxyException.class)
                .hasMessageContaining(type == ProxyType.HTTP ? "407" : "unexpected authMethod");
        assertThat(proxy.tunnelsOpened()).isZero();
    }

    @ParameterizedTest(name = "{0} proxy")
    @EnumSource(ProxyType.class)
    void aTargetTheProxyForbidsIsRefusedAndTheBrokerHostIsLeftToTheProxyToResolve(ProxyType type) {
        TunnelProxy proxy = proxyWithoutCredentials(type);
        MqttClient client = clients(MqttProfile.MQTT_5_TCP).create(clients(MqttProfile.MQTT_5_TCP).options("forbidden")
                .serverHost("broker.invalid").proxy(proxyOptions(type, proxy).build()).build());

        Throwable error = catchThrowable(() -> client.connect().block(Received.TIMEOUT));

        assertThat(error).as("a local lookup of broker.invalid would have failed instead")
                .isInstanceOf(MqttProxyException.class)
                .hasMessageContaining("broker.invalid")
                .hasMessageContaining(type == ProxyType.HTTP ? "403" : "FORBIDDEN");
        assertThat(proxy.refusals()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} proxy")
    @EnumSource(ProxyType.class)
    void aBrokerTheProxyCannotReachIsTransient(ProxyType type) {
        TunnelProxy proxy = proxyWithoutCredentials(type);
        int closedPort = FreePorts.pick(1)[0];
        MqttClient client = clients(MqttProfile.MQTT_5_TCP).create(clients(MqttProfile.MQTT_5_TCP).options("unreachable")
                .serverPort(closedPort).proxy(proxyOptions(type, proxy).build()).build());

        Throwable error = catchThrowable(() -> client.connect().block(Received.TIMEOUT));

        assertThat(error).isExactlyInstanceOf(MqttConnectionClosedException.class)
                .hasMessageContaining("the proxy did not open the tunnel to " + FreePorts.LOOPBACK + ":" + closedPort)
                .hasMessageContaining(type == ProxyType.HTTP ? "502" : "CONNECTION_REFUSED");
        assertThat(proxy.tunnelsOpened()).isZero();
    }

    @ParameterizedTest(name = "{0} proxy")
    @EnumSource(ProxyType.class)
    void aProxyThatIsDownIsTransientAndNamed(ProxyType type) {
        int downPort = FreePorts.pick(1)[0];
        MqttClient client = clients(MqttProfile.MQTT_5_TCP).create(clients(MqttProfile.MQTT_5_TCP).options("no-proxy")
                .proxy(ProxyOptions.builder(type, FreePorts.LOOPBACK, downPort).build()).build());

        Throwable error = catchThrowable(() -> client.connect().block(Received.TIMEOUT));

        assertThat(error).isExactlyInstanceOf(MqttConnectionClosedException.class)
                .hasMessageContaining("cannot connect to " + broker.host() + ":")
                .hasMessageContaining(type + " proxy " + FreePorts.LOOPBACK + ":" + downPort);
    }

    @ParameterizedTest(name = "{0} proxy")
    @EnumSource(ProxyType.class)
    void anUntrustedBrokerCertificateIsATlsFailureNotAProxyOne(ProxyType type) {
        TunnelProxy proxy = proxyWithoutCredentials(type);
        TestClients clients = clients(MqttProfile.MQTT_5_TLS);
        MqttClient client = clients.create(clients.options("untrusted").tls(TlsOptions.DEFAULT)
                .proxy(proxyOptions(type, proxy).build()).build());

        Throwable error = catchThrowable(() -> client.connect().block(Received.TIMEOUT));

        assertThat(error).as("the JDK's trust store does not hold the test CA").isInstanceOf(MqttTlsException.class);
        assertThat(proxy.tunnelsOpened()).as("the TLS handshake ran through the tunnel").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} proxy")
    @EnumSource(ProxyType.class)
    void aProxyThatNeverAnswersTimesOutTransiently(ProxyType type) throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getByName(FreePorts.LOOPBACK))) {
            MqttClient client = clients(MqttProfile.MQTT_5_TCP).create(clients(MqttProfile.MQTT_5_TCP)
                    .options("silent-proxy").proxy(ProxyOptions.builder(type, FreePorts.LOOPBACK, silent.getLocalPort())
                            .handshakeTimeout(Duration.ofMillis(300)).build()).build());

            Throwable error = catchThrowable(() -> client.connect().block(Received.TIMEOUT));

            assertThat(error).as("the TCP connection is made by the kernel; the proxy protocol gets no answer")
                    .isExactlyInstanceOf(MqttConnectionClosedException.class)
                    .hasMessageContaining("the proxy did not open the tunnel")
                    .hasMessageContaining("timeout");
        }
    }

    @ParameterizedTest(name = "{0} proxy")
    @EnumSource(ProxyType.class)
    void reconnectsThroughTheProxyAfterItDroppedTheTunnel(ProxyType type) {
        TunnelProxy proxy = proxyRequiringCredentials(type);
        TestClients clients = clients(MqttProfile.MQTT_5_TCP);
        String topic = clients.topic("again");
        MqttClient client = clients.connected("reconnecting", options -> options
                .proxy(proxyOptions(type, proxy).credentials(USER, PASSWORD).build())
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(50)))));
        Received<ConnectionState> states = Received.of(client.connectionStates());
        Received<MqttMessage> received = TestClients.subscribe(client, topic, MqttQos.AT_LEAST_ONCE);

        proxy.dropTunnels();

        assertThat(states.nextMatching(ConnectionState.RECONNECTING::equals)).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(states.nextMatching(ConnectionState.CONNECTED::equals)).isEqualTo(ConnectionState.CONNECTED);
        TestClients.publish(client, MqttMessage.of(topic, "after".getBytes(StandardCharsets.UTF_8),
                MqttQos.AT_LEAST_ONCE));
        assertThat(received.next().payloadAsString()).isEqualTo("after");
        assertThat(proxy.tunnelsOpened()).as("the first connection and the reconnect").isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} proxy")
    @EnumSource(ProxyType.class)
    void theProxyPasswordReachesNoLogLine(ProxyType type) {
        TunnelProxy proxy = proxyRequiringCredentials(type);
        TestClients clients = clients(MqttProfile.MQTT_5_TLS);
        String basicToken = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        List<ILoggingEvent> lines;
        try (CapturedLog log = CapturedLog.atTrace("io.mqttreactive", "reactor.netty", "io.netty")) {
            clients.connected("logged", options -> options
                    .proxy(proxyOptions(type, proxy).credentials(USER, PASSWORD).build())).disconnect()
                    .block(Received.TIMEOUT);
            MqttClient refused = clients.create(clients.options("logged-refused")
                    .proxy(proxyOptions(type, proxy).credentials(USER, PASSWORD + "-wrong").build()).build());
            catchThrowable(() -> refused.connect().block(Received.TIMEOUT));
            lines = log.lines();
        }

        assertThat(lines).as("TRACE logging was on").isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(CapturedLog.text(line))
                .doesNotContain(PASSWORD, basicToken));
    }

    private TestClients clients(MqttProfile profile) {
        TestClients clients = new TestClients(broker, profile);
        resources.add(clients);
        return clients;
    }

    private TunnelProxy proxyRequiringCredentials(ProxyType type) {
        return register(type == ProxyType.HTTP ? HttpConnectProxy.requiringCredentials(USER, PASSWORD)
                : Socks5Proxy.requiringCredentials(USER, PASSWORD));
    }

    private TunnelProxy proxyWithoutCredentials(ProxyType type) {
        return register(type == ProxyType.HTTP ? HttpConnectProxy.start() : Socks5Proxy.start());
    }

    private TunnelProxy register(TunnelProxy proxy) {
        resources.add(0, proxy);
        return proxy;
    }

    private static ProxyOptions.Builder proxyOptions(ProxyType type, TunnelProxy proxy) {
        return ProxyOptions.builder(type, proxy.host(), proxy.port()).handshakeTimeout(Duration.ofSeconds(5));
    }
}
