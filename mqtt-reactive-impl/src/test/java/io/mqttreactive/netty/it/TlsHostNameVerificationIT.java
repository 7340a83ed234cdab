package io.mqttreactive.netty.it;

import static io.mqttreactive.netty.it.Received.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.exception.MqttTlsException;
import io.mqttreactive.netty.testing.FreePorts;
import io.mqttreactive.netty.testing.RawMqtt;
import io.mqttreactive.netty.testing.TestCertificates;
import io.mqttreactive.options.ReconnectOptions;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

/**
 * Host name verification, on by default: the client connects to {@code 127.0.0.1}, so a broker certificate that
 * names only {@code localhost} must be refused even though a trusted CA signed it. The broker fixtures'
 * certificate names both {@code localhost} and {@code 127.0.0.1}, so this test serves its own certificate from a
 * minimal TLS endpoint on the loopback that answers the first bytes it receives (the CONNECT) with an MQTT 3.1.1
 * CONNACK; the check happens in the client's TLS handshake, before any broker logic.
 */
class TlsHostNameVerificationIT {

    private final List<MqttClient> clients = new ArrayList<>();
    private DisposableServer server;

    @AfterEach
    void stop() {
        clients.forEach(client -> client.close().block(Duration.ofSeconds(5)));
        if (server != null) {
            server.disposeNow(Duration.ofSeconds(5));
        }
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() {
        TestCertificates localhostOnly = TestCertificates.generateForServerNames("localhost");
        startEndpoint(localhostOnly);

        Throwable error = catchThrowable(() -> client(localhostOnly, true).connect().block(TIMEOUT));

        assertThat(error).isInstanceOf(MqttTlsException.class)
                .cause().isInstanceOf(SSLHandshakeException.class)
                .rootCause().hasMessageContaining("127.0.0.1");
    }

    @Test
    void theSameCertificatePassesWithHostNameVerificationTurnedOff() {
        TestCertificates localhostOnly = TestCertificates.generateForServerNames("localhost");
        startEndpoint(localhostOnly);

        assertThat(client(localhostOnly, false).connect().block(TIMEOUT).sessionPresent())
                .as("only the host name was wrong: the chain is trusted").isFalse();
    }

    @Test
    void aCertificateNamingTheAddressPasses() {
        TestCertificates forTheAddress = TestCertificates.generateForServerNames("broker.invalid", "127.0.0.1");
        startEndpoint(forTheAddress);

        assertThat(client(forTheAddress, true).connect().block(TIMEOUT).sessionPresent()).isFalse();
    }

    private void startEndpoint(TestCertificates certificates) {
        SslContext context;
        try {
            context = SslContextBuilder.forServer(certificates.serverPrivateKey(), certificates.serverCertificate(),
                    certificates.caCertificate()).build();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
        server = TcpServer.create()
                .host(FreePorts.LOOPBACK)
                .port(0)
                .secure(spec -> spec.sslContext(context))
                .handle((in, out) -> out.sendByteArray(in.receive().asByteArray().take(1)
                        .map(connect -> RawMqtt.CONNACK_ACCEPTED)).then().then(Mono.never()))
                .bindNow(Duration.ofSeconds(10));
    }

    private MqttClient client(TestCertificates certificates, boolean verifyHostName) {
        MqttClient client = MqttClients.create(MqttClientOptions.builder()
                .serverHost(FreePorts.LOOPBACK)
                .serverPort(server.port())
                .version(MqttVersion.MQTT_3_1_1)
                .clientId("host-name-check")
                .reconnect(ReconnectOptions.DISABLED)
                .connectTimeout(TestClients.CONNECT_TIMEOUT)
                .tls(TestClients.tls(certificates).hostnameVerification(verifyHostName).build())
                .build());
        clients.add(client);
        return client;
    }
}
