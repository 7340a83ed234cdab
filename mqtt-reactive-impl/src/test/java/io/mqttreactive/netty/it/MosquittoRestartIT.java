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
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.testing.MosquittoBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.RequiresMosquitto;
import io.mqttreactive.netty.testing.RunningBroker;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

/**
 * Mosquitto with persistence is stopped (SIGTERM: it saves its database) and started again on the same port in
 * the middle of a stream. The publisher and the subscriber both hold persistent sessions, find them again
 * (Session Present 1), and resume them: the publisher re-sends what is unacknowledged with DUP set and PUBREL
 * for what awaits PUBCOMP ([MQTT-4.4.0-1]), so every publish succeeds and the subscriber receives every message
 * at least once, first deliveries in order ([MQTT-4.6.0-1]), and every QoS 2 message exactly once
 * ([MQTT-4.3.3-10] (5.0)).
 *
 * <p>What mosquitto 2.0.11 itself does, shown by these runs with its packet log and a raw-socket subscriber:
 * <ul>
 *   <li>With its default in-flight window of 20 it loses QoS 2 messages queued for a persistent-session
 *       subscriber, even without a restart: it completes them with the publisher (PUBCOMP) and never sends them.
 *       The broker here runs with {@code max_inflight_messages 0}, so nothing waits in that queue.</li>
 *   <li>It answers the MQTT 5.0 reconnect after the restart with Session Present 0, although the clients sent
 *       Clean Start 0 and a Session Expiry Interval of 10 minutes: the sessions, and what was queued in them, are
 *       gone (compare eclipse-mosquitto/mosquitto#2265). No client can resume a session the broker dropped, so
 *       the restart runs here use MQTT 3.1.1; the 5.0 session resumption is shown by the link cuts of
 *       {@link FaultInjectionContract} and by the flow tests.</li>
 *   <li>After the restart it may re-send, with DUP set, QoS 2 messages whose PUBREL the subscriber had already
 *       answered with PUBCOMP before it; the packet id is free again by then, so the client must take the
 *       message as new ([MQTT-4.3.3-10] (5.0) protects only ids awaiting PUBREL). The QoS 2 run therefore
 *       asserts exactly-once delivery up to the restart, and prints how many messages the broker repeated after
 *       it.</li>
 * </ul>
 */
@RequiresMosquitto
class MosquittoRestartIT {

    private static final int MESSAGES = 3_000;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final RunningBroker<MosquittoBroker> BROKER =
            new RunningBroker<>(() -> MosquittoBroker.builder().persistence(true)
                .extraConfig("max_queued_messages 100000\nmax_inflight_messages 0").start());

    @ParameterizedTest(name = "MQTT 3.1.1, QoS {0}")
    @ValueSource(ints = {1, 2})
    void nothingIsLostAcrossABrokerRestart(int qosCode) throws Exception {
        MqttVersion version = MqttVersion.MQTT_3_1_1;
        MqttQos qos = MqttQos.fromCode(qosCode);
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicInteger duplicatesBeforeRestart = new AtomicInteger();
        String id = "restart-" + version.name() + "-" + qosCode;
        String topic = "restart/" + id;
        MqttClient publisher = MqttClients.create(options(id + "-pub", version));
        MqttClient subscriber = MqttClients.create(options(id + "-sub", version));
        List<ConnectResult> reconnects = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> bothReconnected = new CompletableFuture<>();
        Flux.merge(publisher.events(), subscriber.events()).ofType(MqttClientEvent.Connected.class)
                .subscribe(event -> {
                    reconnects.add(event.result());
                    if (restarted.get() && reconnects.size() >= 2) {
                        bothReconnected.complete(null);
                    }
                });
        DeliveryLog delivery = new DeliveryLog(MESSAGES);
        CompletableFuture<Void> quarterReceived = new CompletableFuture<>();
        AtomicInteger published = new AtomicInteger();
        try {
            subscriber.connect().block(WAIT);
            CompletableFuture<MqttClientEvent.Subscribed> subscribed = subscriber.events()
                    .ofType(MqttClientEvent.Subscribed.class).next().toFuture();
            CompletableFuture<Void> received = subscriber.subscribe(topic, qos)
                    .doOnNext(message -> {
                        if (!delivery.record(ByteBuffer.wrap(message.payload()).getInt()) && !restarted.get()) {
                            duplicatesBeforeRestart.incrementAndGet();
                        }
                        if (delivery.distinct() >= MESSAGES / 4) {
                            quarterReceived.complete(null);
                        }
                    })
                    .takeUntil(message -> delivery.isComplete())
                    .then().toFuture();
            subscribed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            publisher.connect().block(WAIT);
            reconnects.clear();

            CompletableFuture<List<PublishResult>> results = publisher.publish(Flux.range(0, MESSAGES)
                            .delayElements(Duration.ofMillis(1))
                            .map(i -> MqttMessage.of(topic, ByteBuffer.allocate(4).putInt(i).array(), qos)))
                    .doOnNext(result -> published.incrementAndGet())
                    .collectList().toFuture();
            quarterReceived.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            int publishedBeforeRestart = published.get();
            long stopped = System.nanoTime();
            restarted.set(true);
            BROKER.get().restart();
            long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);

            assertThat(results.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).hasSize(MESSAGES);
            bothReconnected.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            received.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            System.out.printf("[broker restart] %s QoS %d: restart took %d ms, %d of %d published before it, "
                    + "%d duplicates%n", version, qosCode, restartMillis, publishedBeforeRestart, MESSAGES,
                    delivery.duplicates());
            assertThat(publishedBeforeRestart).as("the restart came mid-stream").isLessThan(MESSAGES);
            assertThat(reconnects).as("both clients reconnected once").hasSize(2);
            assertThat(reconnects).as("both sessions resumed [MQTT-3.2.2-2]").allMatch(ConnectResult::sessionPresent);
            assertThat(delivery.missing()).as("messages never received").isEmpty();
            assertThat(delivery.outOfOrderFirstDeliveries()).as("first deliveries out of order").isZero();
            if (qos == MqttQos.EXACTLY_ONCE) {
                assertThat(duplicatesBeforeRestart).as("QoS 2 messages received twice before the restart").hasValue(0);
            }
        } catch (AssertionError | InterruptedException | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            System.out.printf("[broker restart] %s QoS %d failed: %d published, %d of %d received, missing %s, "
                    + "%d duplicates, reconnects %s%nmosquitto log:%n%s%n", version, qosCode, published.get(),
                    delivery.distinct(), MESSAGES, delivery.missing(), delivery.duplicates(), reconnects,
                    BROKER.get().recentLog());
            throw e;
        } finally {
            publisher.close().block(WAIT);
            subscriber.close().block(WAIT);
        }
    }

    private static MqttClientOptions options(String clientId, MqttVersion version) {
        return MqttClientOptions.builder().serverHost("127.0.0.1")
                .serverPort(BROKER.get().port(MqttTestBroker.Listener.TCP)).version(version).clientId(clientId)
                .session(version.isMqtt5()
                        ? SessionOptions.DEFAULT.withSessionExpiryInterval(Duration.ofMinutes(10))
                        : SessionOptions.DEFAULT.withCleanStart(false))
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(100))))
                .build();
    }
}
