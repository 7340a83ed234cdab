package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.TcpProxy;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.SessionOptions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Nothing accepted at QoS 1 or 2 is lost, whatever the link does: 100,000 messages go through a proxy that cuts
 * the publisher's (or the subscriber's) link at random intervals, at least 20 times a run. Every publish
 * succeeds; the subscriber receives every QoS 1 message at least once and every QoS 2 message exactly once
 * ([MQTT-4.3.3-10] 5.0), first deliveries in publishing order ([MQTT-4.6.0-1]), thanks to session resumption
 * with re-sent PUBLISH and PUBREL ([MQTT-4.4.0-1]).
 */
class FaultInjectionIT {

    private static final int MESSAGES = 100_000;
    private static final int MINIMUM_CUTS = 20;
    private static final String BROKER_CONFIG = "<mqtt><queued-messages><max-queue-size>500000</max-queue-size>"
            + "</queued-messages><receive-maximum><server-receive-maximum>500</server-receive-maximum>"
            + "</receive-maximum></mqtt>";

    private static HiveMqBroker broker;

    enum Side { PUBLISHER, SUBSCRIBER }

    @BeforeAll
    static void startBroker() {
        broker = HiveMqBroker.builder().extraConfig(BROKER_CONFIG).start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @ParameterizedTest(name = "QoS 1, {0} link cut")
    @EnumSource(Side.class)
    void qos1MessagesArriveAtLeastOnceInOrder(Side side) {
        DeliveryLog delivery = run(side, MqttQos.AT_LEAST_ONCE);
        assertThat(delivery.missing()).as("messages never received").isEmpty();
        assertThat(delivery.outOfOrderFirstDeliveries()).as("first deliveries out of publishing order").isZero();
    }

    @ParameterizedTest(name = "QoS 2, {0} link cut")
    @EnumSource(Side.class)
    void qos2MessagesArriveExactlyOnceInOrder(Side side) {
        DeliveryLog delivery = run(side, MqttQos.EXACTLY_ONCE);
        assertThat(delivery.missing()).as("messages never received").isEmpty();
        assertThat(delivery.duplicates()).as("messages received twice").isZero();
        assertThat(delivery.outOfOrderFirstDeliveries()).as("first deliveries out of publishing order").isZero();
    }

    private DeliveryLog run(Side side, MqttQos qos) {
        int port = broker.port(MqttTestBroker.Listener.TCP);
        String id = side + "-" + qos.code();
        try (TcpProxy proxy = TcpProxy.start(port)) {
            MqttClient publisher = MqttClients.create(options("fault-pub-" + id,
                    side == Side.PUBLISHER ? proxy.port() : port));
            MqttClient subscriber = MqttClients.create(options("fault-sub-" + id,
                    side == Side.SUBSCRIBER ? proxy.port() : port));
            String topic = "fault/" + id;
            DeliveryLog delivery = new DeliveryLog(MESSAGES);
            subscriber.connect().block(Duration.ofSeconds(10));
            publisher.connect().block(Duration.ofSeconds(10));
            Mono<Void> received = subscriber.subscribe(topic, qos)
                    .doOnNext(message -> delivery.record(ByteBuffer.wrap(message.payload()).getInt()))
                    .takeUntil(message -> delivery.distinct() == MESSAGES)
                    .then()
                    .cache();
            received.subscribe();
            AtomicInteger cuts = new AtomicInteger();

            Disposable cutter = Flux.defer(() -> Mono.delay(Duration.ofMillis(
                            ThreadLocalRandom.current().nextLong(150, 450)), Schedulers.boundedElastic()))
                    .repeat()
                    .subscribe(tick -> {
                        proxy.cut();
                        cuts.incrementAndGet();
                    });
            try {
                List<PublishResult> results = publisher.publish(Flux.range(0, MESSAGES)
                                .delaySubscription(Duration.ofMillis(200))
                                .map(i -> MqttMessage.of(topic, ByteBuffer.allocate(4).putInt(i).array(), qos)))
                        .collectList()
                        .block(Duration.ofMinutes(3));
                assertThat(results).hasSize(MESSAGES);
                received.block(Duration.ofMinutes(2));
            } finally {
                cutter.dispose();
                publisher.close().block(Duration.ofSeconds(10));
                subscriber.close().block(Duration.ofSeconds(10));
            }
            assertThat(cuts).as("link cuts").hasValueGreaterThanOrEqualTo(MINIMUM_CUTS);
            return delivery;
        }
    }

    private static MqttClientOptions options(String clientId, int port) {
        MqttClientOptions base = MqttClientOptions.builder().serverHost("127.0.0.1").serverPort(port)
                .version(MqttVersion.MQTT_5_0).clientId(clientId)
                .session(SessionOptions.DEFAULT.withSessionExpiryInterval(Duration.ofMinutes(5)))
                .build();
        return base.mutate()
                .reconnect(base.reconnect().withDelay(ReconnectDelay.constant(Duration.ofMillis(20))))
                .build();
    }
}
