package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttTimeoutException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.TcpProxy;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * A half-open link, made by a proxy that keeps the connection open but relays nothing: keep-alive notices the
 * missing PINGRESP within 1.25 keep-alive intervals of the stall (the stall comes right after traffic, the worst
 * case; plus {@link #TIMER_SLACK}), whether the client was idle or kept publishing ([MQTT-3.1.2-23] (3.1.1),
 * [MQTT-3.1.2-20] (5.0)), and reconnects at once, through the proxy, which relays new connections, within
 * {@link #HANDSHAKE} of noticing and so within 1.5 intervals of the stall. On a machine so loaded that its first
 * connection took longer than a third of that, the bound is three times that first connection instead
 * ({@link #handshakeBound}): the reconnect is a handshake like it. The subscription outlives it and receives on the
 * new connection.
 */
abstract class KeepAliveStallContract {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(2);
    private static final Duration TIMER_SLACK = Duration.ofMillis(250);
    private static final Duration HANDSHAKE = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    enum Traffic { IDLE, PUBLISHING }

    /** The broker under test, running. */
    abstract MqttTestBroker broker();

    @ParameterizedTest(name = "MQTT 3.1.1, {0}")
    @EnumSource(Traffic.class)
    void stalledLinkIsDetectedAndReplacedMqtt311(Traffic traffic) {
        stalledLinkIsDetectedAndReplaced(MqttVersion.MQTT_3_1_1, traffic);
    }

    @ParameterizedTest(name = "MQTT 5.0, {0}")
    @EnumSource(Traffic.class)
    void stalledLinkIsDetectedAndReplacedMqtt5(Traffic traffic) {
        stalledLinkIsDetectedAndReplaced(MqttVersion.MQTT_5_0, traffic);
    }

    /**
     * How long a reconnect may take once the dead link is noticed: {@link #HANDSHAKE}, or three times as long as
     * this machine took for the first connection through the same proxy, when it is that loaded.
     */
    private static Duration handshakeBound(Duration firstConnect) {
        Duration measured = firstConnect.multipliedBy(3);
        return measured.compareTo(HANDSHAKE) > 0 ? measured : HANDSHAKE;
    }

    private void stalledLinkIsDetectedAndReplaced(MqttVersion version, Traffic traffic) {
        String id = "stall-" + version.name() + "-" + traffic + "-" + SEQUENCE.incrementAndGet();
        try (TcpProxy proxy = TcpProxy.start(broker().port(MqttTestBroker.Listener.TCP))) {
            MqttClient client = MqttClients.create(MqttClientOptions.builder()
                    .serverHost(proxy.host()).serverPort(proxy.port()).version(version).clientId(id)
                    .keepAlive(KEEP_ALIVE)
                    .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ZERO)))
                    .build());
            Disposable publishing = null;
            try {
                long connecting = System.nanoTime();
                client.connect().block(WAIT);
                Duration handshake = handshakeBound(Duration.ofNanos(System.nanoTime() - connecting));
                String topic = "stall/" + id;
                CompletableFuture<MqttClientEvent.Subscribed> subscribed = client.events()
                        .ofType(MqttClientEvent.Subscribed.class).next().toFuture();
                CompletableFuture<MqttMessage> afterReconnect = client.subscribe(topic, MqttQos.AT_LEAST_ONCE)
                        .filter(message -> message.payloadAsString().equals("after")).next().toFuture();
                subscribed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                CompletableFuture<Long> detected = client.events().ofType(MqttClientEvent.Disconnected.class)
                        .filter(event -> event.cause().filter(MqttTimeoutException.class::isInstance).isPresent())
                        .next().map(event -> System.nanoTime()).toFuture();
                CompletableFuture<Long> reconnected = client.events().ofType(MqttClientEvent.Connected.class)
                        .next().map(event -> System.nanoTime()).toFuture();
                if (traffic == Traffic.PUBLISHING) {
                    publishing = Flux.interval(Duration.ofMillis(100)).onBackpressureDrop()
                            .concatMap(i -> client.publish(MqttMessage.of(topic + "/busy",
                                    new byte[] {1}, MqttQos.AT_MOST_ONCE)), 1)
                            .subscribe(result -> { }, error -> { });
                }

                long stalled = System.nanoTime();
                proxy.stallOpenLinks();

                long detectedAfter = detected.get(WAIT.toMillis(), TimeUnit.MILLISECONDS) - stalled;
                long reconnectedAfter = reconnected.get(WAIT.toMillis(), TimeUnit.MILLISECONDS) - stalled;
                assertThat(Duration.ofNanos(detectedAfter)).as("stall to detection")
                        .isLessThan(KEEP_ALIVE.multipliedBy(5).dividedBy(4).plus(TIMER_SLACK));
                assertThat(Duration.ofNanos(reconnectedAfter)).as("stall to reconnection")
                        .isLessThan(KEEP_ALIVE.multipliedBy(5).dividedBy(4).plus(handshake));
                assertThat(Duration.ofNanos(reconnectedAfter - detectedAfter)).as("detection to reconnection")
                        .isLessThan(handshake);
                assertThat(proxy.acceptedConnections()).isEqualTo(2);

                client.publish(MqttMessage.of(topic, "after".getBytes(StandardCharsets.UTF_8),
                        MqttQos.AT_LEAST_ONCE)).block(WAIT);
                assertThat(afterReconnect).succeedsWithin(WAIT);
                System.out.printf("[keep-alive stall] %s %s %s: detected after %d ms, reconnected after %d ms%n",
                        broker().name(), version, traffic, TimeUnit.NANOSECONDS.toMillis(detectedAfter),
                        TimeUnit.NANOSECONDS.toMillis(reconnectedAfter));
            } catch (Exception e) {
                throw new AssertionError("the stalled link was not replaced in time", e);
            } finally {
                if (publishing != null) {
                    publishing.dispose();
                }
                client.close().block(WAIT);
            }
        }
    }
}
