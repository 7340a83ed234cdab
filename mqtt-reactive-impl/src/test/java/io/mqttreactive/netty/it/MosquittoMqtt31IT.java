package io.mqttreactive.netty.it;

import static io.mqttreactive.netty.it.Received.TIMEOUT;
import static io.mqttreactive.netty.it.TestClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.testing.MosquittoBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.RequiresMosquitto;
import io.mqttreactive.netty.testing.RunningBroker;
import io.mqttreactive.netty.testing.TcpProxy;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import io.mqttreactive.options.WillMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MQTT 3.1 ({@code MQIsdp}, protocol level 3) end to end against Eclipse Mosquitto 2, which still speaks it:
 * connect, the three QoS levels both ways and with an MQTT 3.1.1 peer, retained messages, the will, and
 * reconnect with a persistent session. Client identifiers stay within the 23 characters MQTT 3.1 allows.
 */
@RequiresMosquitto
class MosquittoMqtt31IT {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    @RegisterExtension
    static final RunningBroker<MosquittoBroker> BROKER = new RunningBroker<>(() -> MosquittoBroker.builder().start());

    private final List<MqttClient> clients = new ArrayList<>();
    private final String run = Long.toString(System.nanoTime() % 1_000_000, 36);

    @AfterEach
    void closeClients() {
        clients.forEach(client -> client.close().block(TIMEOUT));
    }

    @Test
    void connectsAsMqtt31() {
        String id = clientId("c");
        connected(MqttVersion.MQTT_3_1, id, options -> options);

        assertThat(BROKER.get().recentLog()).as("mosquitto's connection line names protocol 3.1 as p1")
                .contains("as " + id + " (p1,");
    }

    @Test
    void roundTripsAtEveryQosWithAnMqtt31AndAnMqtt311Peer() {
        MqttClient publisher = connected(MqttVersion.MQTT_3_1, clientId("p"), options -> options);
        MqttClient subscriber31 = connected(MqttVersion.MQTT_3_1, clientId("s"), options -> options);
        MqttClient subscriber311 = connected(MqttVersion.MQTT_3_1_1, clientId("t"), options -> options);
        String topic = "mqtt31/" + run + "/qos/";
        Received<MqttMessage> at31 = subscribe(subscriber31, topic + "+", MqttQos.EXACTLY_ONCE);
        Received<MqttMessage> at311 = subscribe(subscriber311, topic + "+", MqttQos.EXACTLY_ONCE);

        for (MqttQos qos : MqttQos.values()) {
            MqttMessage sent = MqttMessage.of(topic + qos.code(), bytes("at " + qos), qos);
            publisher.publish(sent).block(TIMEOUT);
            for (Received<MqttMessage> received : List.of(at31, at311)) {
                MqttMessage delivered = received.next();
                assertThat(delivered.topic()).isEqualTo(sent.topic());
                assertThat(delivered.payloadAsString()).isEqualTo("at " + qos);
                assertThat(delivered.qos()).isEqualTo(qos);
                assertThat(delivered.retain()).isFalse();
            }
        }
    }

    @Test
    void aRetainedMessageReachesALaterSubscriberUntilCleared() {
        MqttClient publisher = connected(MqttVersion.MQTT_3_1, clientId("p"), options -> options);
        String topic = "mqtt31/" + run + "/retained";
        publisher.publish(MqttMessage.builder().topic(topic).payload(bytes("kept")).qos(MqttQos.AT_LEAST_ONCE)
                .retain(true).build()).block(TIMEOUT);

        MqttClient later = connected(MqttVersion.MQTT_3_1, clientId("l"), options -> options);
        MqttMessage retained = subscribe(later, topic, MqttQos.AT_LEAST_ONCE).next();
        assertThat(retained.payloadAsString()).isEqualTo("kept");
        assertThat(retained.retain()).as("a retained message sent for a new subscription has RETAIN 1").isTrue();

        publisher.publish(MqttMessage.builder().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true).build())
                .block(TIMEOUT);
        MqttClient afterClearing = connected(MqttVersion.MQTT_3_1, clientId("a"), options -> options);
        Received<MqttMessage> afterClear = subscribe(afterClearing, topic, MqttQos.AT_LEAST_ONCE);
        publisher.publish(MqttMessage.of(topic, bytes("live"), MqttQos.AT_LEAST_ONCE)).block(TIMEOUT);
        assertThat(afterClear.next().payloadAsString()).as("no retained message before the live one").isEqualTo("live");
    }

    @Test
    void theWillIsPublishedWhenTheConnectionIsLostWithoutDisconnect() {
        String willTopic = "mqtt31/" + run + "/will";
        MqttClient watcher = connected(MqttVersion.MQTT_3_1, clientId("w"), options -> options);
        Received<MqttMessage> wills = subscribe(watcher, willTopic, MqttQos.AT_LEAST_ONCE);
        try (TcpProxy proxy = TcpProxy.start(port())) {
            MqttClient dying = MqttClients.create(options(MqttVersion.MQTT_3_1, clientId("d"), proxy.port())
                    .will(WillMessage.of(MqttMessage.of(willTopic, bytes("gone"), MqttQos.AT_LEAST_ONCE)))
                    .reconnect(ReconnectOptions.DISABLED).build());
            clients.add(dying);
            dying.connect().block(TIMEOUT);

            proxy.cut();

            MqttMessage will = wills.next();
            assertThat(will.payloadAsString()).isEqualTo("gone");
            assertThat(will.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        }
    }

    @Test
    void reconnectsAndResumesItsSessionAfterALostConnection() {
        String topic = "mqtt31/" + run + "/resume";
        MqttClient publisher = connected(MqttVersion.MQTT_3_1, clientId("p"), options -> options);
        try (TcpProxy proxy = TcpProxy.start(port())) {
            MqttClient subscriber = MqttClients.create(options(MqttVersion.MQTT_3_1, clientId("r"), proxy.port())
                    .session(SessionOptions.DEFAULT.withCleanStart(false))
                    .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(100))))
                    .build());
            clients.add(subscriber);
            Received<MqttClientEvent> events = TestClients.events(subscriber);
            subscriber.connect().block(TIMEOUT);
            Received<MqttMessage> received = subscribe(subscriber, topic, MqttQos.AT_LEAST_ONCE);
            publisher.publish(MqttMessage.of(topic, bytes("before"), MqttQos.AT_LEAST_ONCE)).block(TIMEOUT);
            assertThat(received.next().payloadAsString()).isEqualTo("before");

            proxy.refuseConnections(true);
            proxy.cut();
            events.nextMatching(MqttClientEvent.Disconnected.class::isInstance);
            publisher.publish(MqttMessage.of(topic, bytes("while away"), MqttQos.AT_LEAST_ONCE)).block(TIMEOUT);
            proxy.refuseConnections(false);

            assertThat(received.next().payloadAsString()).as("queued by the broker for the kept session")
                    .isEqualTo("while away");
            assertThat(events.nextMatching(MqttClientEvent.Connected.class::isInstance))
                    .isInstanceOfSatisfying(MqttClientEvent.Connected.class, connected -> assertThat(
                            connected.result().sessionPresent())
                            .as("3.1 has no Session Present flag: the CONNACK always reads 0").isFalse());
        }
    }

    private MqttClient connected(MqttVersion version, String clientId,
            UnaryOperator<MqttClientOptions.Builder> customizer) {
        MqttClient client = MqttClients.create(customizer.apply(options(version, clientId, port())).build());
        clients.add(client);
        client.connect().block(TIMEOUT);
        return client;
    }

    private static MqttClientOptions.Builder options(MqttVersion version, String clientId, int port) {
        return MqttClientOptions.builder().serverHost("127.0.0.1").serverPort(port).version(version)
                .clientId(clientId);
    }

    private static int port() {
        return BROKER.get().port(MqttTestBroker.Listener.TCP);
    }

    /** At most 23 characters, as MQTT 3.1 requires. */
    private String clientId(String role) {
        return "m31-" + role + "-" + run + "-" + SEQUENCE.incrementAndGet();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
