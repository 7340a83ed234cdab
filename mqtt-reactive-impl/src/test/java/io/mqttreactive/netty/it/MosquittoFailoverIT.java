package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.testing.MosquittoBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.RawMqtt;
import io.mqttreactive.netty.testing.RequiresMosquitto;
import io.mqttreactive.netty.testing.RunningBroker;
import io.mqttreactive.options.FailoverOptions;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/**
 * {@link FailoverOptions} against two mosquitto brokers on loopback: a client whose broker stops carries on with
 * the next server of its list, subscription and all; and a broker that answers CONNECT with Use another server
 * (0x9C) and a Server Reference (MQTT 5.0 section 4.11), here a minimal one on a raw socket since mosquitto never
 * redirects, sends the client to the other broker within the same {@code connect()}.
 */
@RequiresMosquitto
class MosquittoFailoverIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final RunningBroker<MosquittoBroker> FIRST = new RunningBroker<>(() -> MosquittoBroker.builder().start());

    @RegisterExtension
    static final RunningBroker<MosquittoBroker> SECOND = new RunningBroker<>(() -> MosquittoBroker.builder().start());

    private static int port(RunningBroker<MosquittoBroker> broker) {
        return broker.get().port(MqttTestBroker.Listener.TCP);
    }

    /** Publishes to the client's own subscription and waits for the message to come back. */
    private static void roundTrip(MqttClient client, Flux<MqttMessage> subscription, String payload) {
        CompletableFuture<MqttMessage> back = subscription.filter(message -> message.payloadAsString().equals(payload))
                .next().toFuture();
        client.publish(MqttMessage.of("failover/it", payload.getBytes(StandardCharsets.UTF_8), MqttQos.AT_LEAST_ONCE))
                .block(WAIT);
        assertThat(back).succeedsWithin(WAIT);
    }

    @Test
    void aClientWhoseBrokerStopsCarriesOnWithTheNextServer() {
        MqttClient client = MqttClients.create(MqttClientOptions.builder()
                .uri("mqtt://127.0.0.1:" + port(FIRST)).version(MqttVersion.MQTT_5_0).clientId("failover-list")
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(50))))
                .failover(FailoverOptions.servers("mqtt://127.0.0.1:" + port(SECOND)))
                .build());
        try {
            client.connect().block(WAIT);
            Flux<MqttMessage> subscription = client.subscribe("failover/it", MqttQos.AT_LEAST_ONCE).share();
            subscription.subscribe();
            roundTrip(client, subscription, "on the first");

            CompletableFuture<ConnectResult> reconnected = client.events().ofType(MqttClientEvent.Connected.class)
                    .next().map(MqttClientEvent.Connected::result).toFuture();
            FIRST.get().stop();
            assertThat(reconnected).succeedsWithin(WAIT);
            roundTrip(client, subscription, "on the second");
            assertThat(SECOND.get().recentLog()).contains("as failover-list");
        } finally {
            client.close().block(WAIT);
            FIRST.get().start();
        }
    }

    @Test
    void aRedirectingBrokerSendsTheClientToTheOther() throws Exception {
        try (ServerSocket redirector = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> redirected = CompletableFuture.runAsync(() -> redirectOnce(redirector,
                    "127.0.0.1:" + port(SECOND)));
            MqttClient client = MqttClients.create(MqttClientOptions.builder()
                    .uri("mqtt://127.0.0.1:" + redirector.getLocalPort()).version(MqttVersion.MQTT_5_0)
                    .clientId("failover-redirect").reconnect(ReconnectOptions.DISABLED).build());
            try {
                CompletableFuture<MqttClientEvent.Redirected> event = client.events()
                        .ofType(MqttClientEvent.Redirected.class).next().toFuture();
                client.connect().block(WAIT);
                redirected.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

                assertThat(event).succeedsWithin(WAIT).isEqualTo(new MqttClientEvent.Redirected(
                        "127.0.0.1:" + redirector.getLocalPort(), "127.0.0.1:" + port(SECOND), false));
                Flux<MqttMessage> subscription = client.subscribe("failover/it", MqttQos.AT_LEAST_ONCE).share();
                subscription.subscribe();
                roundTrip(client, subscription, "redirected");
                assertThat(SECOND.get().recentLog()).contains("as failover-redirect");
            } finally {
                client.close().block(WAIT);
            }
        }
    }

    /** Accepts one connection, reads its CONNECT and refuses it with Use another server and a Server Reference. */
    private static void redirectOnce(ServerSocket server, String reference) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout((int) WAIT.toMillis());
            RawMqtt.readPacket(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(connAckUseAnotherServer(reference));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the redirecting broker failed", e);
        }
    }

    /** An MQTT 5.0 CONNACK: no session, reason 0x9C, Server Reference (0x1C). */
    private static byte[] connAckUseAnotherServer(String reference) {
        byte[] text = reference.getBytes(StandardCharsets.UTF_8);
        int propertiesLength = 1 + 2 + text.length;
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x20);
        packet.write(2 + 1 + propertiesLength);
        packet.write(0x00);
        packet.write(0x9C);
        packet.write(propertiesLength);
        packet.write(0x1C);
        packet.write(text.length >> 8);
        packet.write(text.length & 0xFF);
        packet.writeBytes(text);
        return packet.toByteArray();
    }
}
