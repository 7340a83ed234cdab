package io.mqttreactive.netty.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.netty.testing.MqttTestBroker.Listener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link TcpProxy} between a raw MQTT client and the shared HiveMQ: relay, cut, reset, stall, slow, refuse. */
class TcpProxyIT {

    private static final byte[] PINGREQ = RawMqtt.pingReq();
    private static final byte[] PINGRESP = RawMqtt.PINGRESP;
    private static final int QUIET_MILLIS = 500;

    private static HiveMqBroker broker;
    private TcpProxy proxy;

    @BeforeAll
    static void startBroker() {
        broker = HiveMqBroker.shared();
    }

    @BeforeEach
    void startProxy() {
        proxy = TcpProxy.start(broker.port(Listener.TCP));
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void relaysBothWaysAndCountsConnections() throws IOException {
        try (Socket socket = connected("relay")) {
            assertThat(proxy.acceptedConnections()).isEqualTo(1);
            assertThat(proxy.activeConnections()).isEqualTo(1);
            assertThat(ping(socket)).containsExactly(PINGRESP);
        }
    }

    @Test
    void recordsWhatEachLinkCarriedEachWayOnceAsked() throws IOException {
        try (Socket unrecorded = connected("unrecorded")) {
            proxy.recordTraffic();
            try (Socket first = connected("recorded-1"); Socket second = connected("recorded-2")) {
                assertThat(ping(second)).containsExactly(PINGRESP);

                assertThat(proxy.recordedTraffic()).extracting(LinkTraffic::index).containsExactly(2, 3);
                LinkTraffic recorded = proxy.recordedTraffic().get(1);
                assertThat(recorded.toServer()).isEqualTo(concat(RawMqtt.connect311("recorded-2", true, 30),
                        PINGREQ));
                assertThat(recorded.toClient()).isEqualTo(concat(RawMqtt.CONNACK_ACCEPTED, PINGRESP));
            }
        }
    }

    @Test
    void relaysALargeMessageBothWaysWithoutLosingOrReorderingBytes() throws Exception {
        try (Socket socket = connected("large")) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(RawMqtt.subscribe311(1, "proxy/large", 0));
            out.flush();
            assertThat(RawMqtt.readPacket(in)).containsExactly(0x90, 0x03, 0x00, 0x01, 0x00);

            byte[] payload = new byte[3 * 1024 * 1024];
            new Random(42).nextBytes(payload);
            byte[] publish = RawMqtt.publish311("proxy/large", payload);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(publish);
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(RawMqtt.readPacket(in)).isEqualTo(publish);
            writing.get(TestSockets.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void cutClosesTheClientSideWithEndOfStream() throws IOException {
        try (Socket socket = connected("cut")) {
            proxy.cut();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat(proxy.activeConnections()).isZero();
        }
        try (Socket again = connected("cut-again")) {
            assertThat(ping(again)).containsExactly(PINGRESP);
            assertThat(proxy.acceptedConnections()).as("new connections pass after a cut").isEqualTo(2);
        }
    }

    @Test
    void resetAbortsTheClientSide() throws IOException {
        try (Socket socket = connected("reset")) {
            proxy.reset();
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketException.class);
        }
    }

    @Test
    void stallHoldsBytesBackWithoutClosingUntilResumed() throws IOException {
        try (Socket socket = connected("stall")) {
            proxy.stall();
            socket.getOutputStream().write(PINGREQ);
            socket.setSoTimeout(QUIET_MILLIS);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(proxy.activeConnections()).isEqualTo(1);

            proxy.resume();
            socket.setSoTimeout((int) TestSockets.TIMEOUT.toMillis());
            assertThat(RawMqtt.readPacket(socket.getInputStream())).containsExactly(PINGRESP);
        }
    }

    @Test
    void stallOpenLinksLeavesThemHalfOpenWhileNewConnectionsRelay() throws IOException {
        try (Socket stalled = connected("half-open")) {
            proxy.stallOpenLinks();
            stalled.getOutputStream().write(PINGREQ);
            stalled.setSoTimeout(QUIET_MILLIS);
            assertThatThrownBy(() -> stalled.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            try (Socket fresh = connected("after-stall")) {
                assertThat(ping(fresh)).containsExactly(PINGRESP);
            }
            proxy.resume();
            assertThatThrownBy(() -> stalled.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void stallAlsoHoldsANewConnectionsConnect() throws IOException {
        proxy.stall();
        try (Socket socket = TestSockets.plain(proxy.port())) {
            socket.getOutputStream().write(RawMqtt.connect311("stalled-connect", true, 30));
            socket.setSoTimeout(QUIET_MILLIS);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            proxy.resume();
            socket.setSoTimeout((int) TestSockets.TIMEOUT.toMillis());
            assertThat(RawMqtt.readPacket(socket.getInputStream())).containsExactly(RawMqtt.CONNACK_ACCEPTED);
        }
    }

    @Test
    void slowDelaysEachChunkInBothDirections() throws IOException {
        try (Socket socket = connected("slow")) {
            Duration delay = Duration.ofMillis(200);
            proxy.slow(delay);
            long start = System.nanoTime();
            assertThat(ping(socket)).containsExactly(PINGRESP);
            Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);
            assertThat(roundTrip).isGreaterThanOrEqualTo(delay.multipliedBy(2));

            proxy.slow(Duration.ZERO);
            assertThat(ping(socket)).containsExactly(PINGRESP);
        }
    }

    @Test
    void refusingClosesNewConnectionsAtOnce() throws IOException, InterruptedException {
        proxy.refuseConnections(true);
        try (Socket socket = TestSockets.plain(proxy.port())) {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(proxy.awaitAcceptedConnections(1, TestSockets.TIMEOUT)).isTrue();
        proxy.refuseConnections(false);
        try (Socket socket = connected("accepted-again")) {
            assertThat(ping(socket)).containsExactly(PINGRESP);
            assertThat(proxy.acceptedConnections()).isEqualTo(2);
        }
    }

    @Test
    void closeEndsTheLinksAndTheThread() throws IOException {
        Socket socket = connected("closed");
        try (socket) {
            proxy.close();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThatThrownBy(proxy::stall).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private Socket connected(String clientId) throws IOException {
        Socket socket = TestSockets.plain(proxy.port());
        try {
            assertThat(BrokerSmokeContract.connect311(socket, clientId)).containsExactly(RawMqtt.CONNACK_ACCEPTED);
            return socket;
        } catch (IOException | RuntimeException | Error e) {
            socket.close();
            throw e;
        }
    }

    private static byte[] ping(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(PINGREQ);
        out.flush();
        InputStream in = socket.getInputStream();
        return RawMqtt.readPacket(in);
    }
}
