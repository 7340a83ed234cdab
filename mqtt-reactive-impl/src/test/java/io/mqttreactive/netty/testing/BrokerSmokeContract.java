package io.mqttreactive.netty.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.netty.testing.MqttTestBroker.Listener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MqttTestBroker} must do, proven with hand-encoded packets on JDK sockets: accept an MQTT
 * 3.1.1 CONNECT on every listener kind (TCP, TLS, mutual TLS, WebSocket, secure WebSocket), MQTT 3.1 and 5
 * CONNECTs over TCP, refuse TLS clients that do not trust its CA or lack a client certificate where one is
 * required, route a QoS 1 message back to its subscriber, and tell when a client's connection is over.
 */
abstract class BrokerSmokeContract {

    abstract MqttTestBroker broker();

    @Test
    void acceptsMqtt311OverTcp() throws IOException {
        try (Socket socket = TestSockets.plain(broker().port(Listener.TCP))) {
            assertThat(connect311(socket, "smoke-tcp")).containsExactly(RawMqtt.CONNACK_ACCEPTED);
        }
    }

    @Test
    void acceptsMqtt31OverTcp() throws IOException {
        try (Socket socket = TestSockets.plain(broker().port(Listener.TCP))) {
            OutputStream out = socket.getOutputStream();
            out.write(RawMqtt.connect31("smoke-tcp-31", 30));
            out.flush();
            assertThat(RawMqtt.readPacket(socket.getInputStream())).containsExactly(RawMqtt.CONNACK_ACCEPTED);
        }
    }

    @Test
    void acceptsMqtt5OverTcp() throws IOException {
        try (Socket socket = TestSockets.plain(broker().port(Listener.TCP))) {
            OutputStream out = socket.getOutputStream();
            out.write(RawMqtt.connect5("smoke-tcp-5", 30));
            out.flush();
            byte[] connack = RawMqtt.readPacket(socket.getInputStream());
            assertThat(connack[0]).as("CONNACK type in %s", RawMqtt.hex(connack)).isEqualTo((byte) 0x20);
            int lengthBytes = 1;
            while ((connack[lengthBytes] & 0x80) != 0) {
                lengthBytes++;
            }
            assertThat(connack[lengthBytes + 2]).as("reason code in %s", RawMqtt.hex(connack)).isZero();
        }
    }

    @Test
    void acceptsMqtt311OverTlsTrustingTheTestCa() throws IOException {
        try (Socket socket = TestSockets.tls(broker().port(Listener.TLS), broker().certificates(), false)) {
            assertThat(connect311(socket, "smoke-tls")).containsExactly(RawMqtt.CONNACK_ACCEPTED);
        }
    }

    @Test
    void refusesTlsFromAClientThatTrustsAnotherCa() {
        TestCertificates stranger = TestCertificates.generate();
        assertThatThrownBy(() -> TestSockets.tls(broker().port(Listener.TLS), stranger, false).close())
                .isInstanceOf(IOException.class);
    }

    @Test
    void acceptsMqtt311OverMutualTlsWithTheClientCertificate() throws IOException {
        try (Socket socket = TestSockets.tls(broker().port(Listener.MUTUAL_TLS), broker().certificates(), true)) {
            assertThat(connect311(socket, "smoke-mtls")).containsExactly(RawMqtt.CONNACK_ACCEPTED);
        }
    }

    @Test
    void mutualTlsRejectsAClientWithoutCertificate() {
        assertThatThrownBy(() -> {
            try (Socket socket = TestSockets.tls(broker().port(Listener.MUTUAL_TLS), broker().certificates(), false)) {
                connect311(socket, "smoke-mtls-anonymous");
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void acceptsMqtt311OverWebSocket() throws IOException {
        int port = broker().port(Listener.WEBSOCKET);
        try (Socket socket = TestSockets.plain(port)) {
            assertThat(connect311OverWebSocket(socket, port, "smoke-ws")).containsExactly(RawMqtt.CONNACK_ACCEPTED);
        }
    }

    @Test
    void acceptsMqtt311OverSecureWebSocket() throws IOException {
        int port = broker().port(Listener.SECURE_WEBSOCKET);
        try (Socket socket = TestSockets.tls(port, broker().certificates(), false)) {
            assertThat(connect311OverWebSocket(socket, port, "smoke-wss")).containsExactly(RawMqtt.CONNACK_ACCEPTED);
        }
    }

    @Test
    void routesAQos1PublishBackToItsSubscriber() throws IOException {
        try (Socket socket = TestSockets.plain(broker().port(Listener.TCP))) {
            assertThat(connect311(socket, "smoke-qos1")).containsExactly(RawMqtt.CONNACK_ACCEPTED);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(RawMqtt.subscribe311(1, "smoke/qos1/+", 1));
            out.flush();
            assertThat(RawMqtt.readPacket(in)).containsExactly(0x90, 0x03, 0x00, 0x01, 0x01);

            byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
            out.write(RawMqtt.publish311Qos1("smoke/qos1/a", 2, payload));
            out.flush();
            List<byte[]> received = List.of(RawMqtt.readPacket(in), RawMqtt.readPacket(in));
            assertThat(received).anySatisfy(packet -> assertThat(packet).containsExactly(RawMqtt.pubAck(2)));
            byte[] delivered = received.stream().filter(packet -> (packet[0] & 0xF0) == 0x30).findFirst().orElseThrow();
            int brokerPacketId = ((delivered[16] & 0xFF) << 8) | (delivered[17] & 0xFF);
            assertThat(delivered).as("delivered %s", RawMqtt.hex(delivered))
                    .isEqualTo(RawMqtt.publish311Qos1("smoke/qos1/a", brokerPacketId, payload));
            out.write(RawMqtt.pubAck(brokerPacketId));
            out.write(RawMqtt.pingReq());
            out.flush();
            assertThat(RawMqtt.readPacket(in)).containsExactly(RawMqtt.PINGRESP);
        }
    }

    @Test
    void awaitOfflineWaitsForTheConnectionToEnd() throws IOException {
        Duration shortWait = Duration.ofMillis(200);
        try (Socket socket = TestSockets.plain(broker().port(Listener.TCP))) {
            assertThat(connect311(socket, "smoke-offline")).containsExactly(RawMqtt.CONNACK_ACCEPTED);
            assertThatThrownBy(() -> broker().awaitOffline("smoke-offline", shortWait))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("still counts smoke-offline");
            socket.getOutputStream().write(RawMqtt.disconnect());
            socket.getOutputStream().flush();
        }
        broker().awaitOffline("smoke-offline", HiveMqBroker.START_TIMEOUT);
        broker().awaitOffline("smoke-never-connected", shortWait);
    }

    static byte[] connect311(Socket socket, String clientId) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(RawMqtt.connect311(clientId, true, 30));
        out.flush();
        return RawMqtt.readPacket(socket.getInputStream());
    }

    private byte[] connect311OverWebSocket(Socket socket, int port, String clientId) throws IOException {
        RawWebSocket.handshake(socket, "localhost:" + port, broker().webSocketPath());
        RawWebSocket.sendBinary(socket.getOutputStream(), RawMqtt.connect311(clientId, true, 30));
        InputStream in = socket.getInputStream();
        return RawWebSocket.readBinary(in);
    }
}
