package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.TcpProxy;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.SessionOptions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Nothing accepted at QoS 1 or 2 is lost, whatever the link does: a numbered stream of messages goes through a
 * proxy that cuts the publisher's (or the subscriber's) link at random intervals, at least 20 times a run. Every publish
 * succeeds; the subscriber receives every QoS 1 message at least once and every QoS 2 message exactly once
 * ([MQTT-4.3.3-10] 5.0), first deliveries in publishing order ([MQTT-4.6.0-1]), thanks to session resumption
 * with re-sent PUBLISH and PUBREL ([MQTT-4.4.0-1]). Every link that outlives the broker's first burst moves the
 * subscriber's session forward: the run ends only if it does, since each link carries at most a bounded lead of
 * new messages.
 */
abstract class FaultInjectionContract {

    private static final int MINIMUM_CUTS = 20;
    private static final int WARM_UP_MESSAGES = 2_000;
    private static final int MINIMUM_LEAD = 256;
    private static final int LEAD_CHECK_EVERY = 64;
    private static final int EXPLAINED_MESSAGES = 5;
    /**
     * The numbered messages come from {@code concatMap} with a prefetch: Reactor's {@code concatMap} without one
     * can emit an element twice and drop the next when {@code request} comes from another thread than the
     * elements (reactor-core issue 4406, open), as it does here, the client requesting from its event loop while
     * the lead check completes on a timer thread. That is the likely cause of two rare failures under load: a
     * stream with one result too few, and "99,968 missing, 1 duplicate" at QoS 2 (99,968 is a lead check's
     * element), which read as a message the client lost.
     */
    private static final int PREFETCH_ONE = 1;

    enum Side { PUBLISHER, SUBSCRIBER }

    /**
     * How a run goes: the number of messages, and the random wait between two cuts.
     *
     * @param messages        how many messages to publish
     * @param shortestCutWait the shortest wait between two cuts
     * @param longestCutWait  the longest wait between two cuts
     */
    record Pace(int messages, Duration shortestCutWait, Duration longestCutWait) {
    }

    /** The broker under test, running. */
    abstract MqttTestBroker broker();

    /** How the runs against this broker go; enough messages for at least 20 cuts while they stream. */
    abstract Pace pace();

    /** The links cut in the QoS 1 runs: both, unless a broker subclass hides this with its own. */
    static Stream<Side> qos1Sides() {
        return Stream.of(Side.values());
    }

    /** The links cut in the QoS 2 runs: both, unless a broker subclass hides this with its own. */
    static Stream<Side> qos2Sides() {
        return Stream.of(Side.values());
    }

    @ParameterizedTest(name = "QoS 1, {0} link cut")
    @MethodSource("qos1Sides")
    void qos1MessagesArriveAtLeastOnceInOrder(Side side) {
        DeliveryLog delivery = run(side, MqttQos.AT_LEAST_ONCE);
        assertThat(delivery.missing()).as("messages never received").isEmpty();
        assertThat(delivery.outOfOrderFirstDeliveries()).as("first deliveries out of publishing order").isZero();
    }

    @ParameterizedTest(name = "QoS 2, {0} link cut")
    @MethodSource("qos2Sides")
    void qos2MessagesArriveExactlyOnceInOrder(Side side) {
        DeliveryLog delivery = run(side, MqttQos.EXACTLY_ONCE);
        assertThat(delivery.missing()).as("messages never received").isEmpty();
        if (brokerKeepsExactlyOnce(side)) {
            assertThat(delivery.duplicates()).as("messages received twice, among them %s", delivery.duplicated())
                    .isZero();
        } else {
            System.out.printf("[fault injection] %s QoS 2: %d messages received twice, among them %s%n", side,
                    delivery.duplicates(), delivery.duplicated());
        }
        assertThat(delivery.outOfOrderFirstDeliveries()).as("first deliveries out of publishing order").isZero();
    }

    /**
     * Whether the broker keeps QoS 2 exactly once while this side's link is cut: true unless a broker subclass
     * knows that it re-sends a PUBLISH after its PUBREL ([MQTT-4.3.3-6]), which the client must then take for a
     * new message ([MQTT-4.3.3-12]); nothing lost and first deliveries in order are still asserted.
     */
    boolean brokerKeepsExactlyOnce(Side side) {
        return true;
    }

    private DeliveryLog run(Side side, MqttQos qos) {
        int port = broker().port(MqttTestBroker.Listener.TCP);
        int messages = pace().messages();
        long started = System.nanoTime();
        String id = side + "-" + qos.code();
        try (TcpProxy proxy = TcpProxy.start(port)) {
            proxy.recordTraffic();
            MqttClient publisher = MqttClients.create(options("fault-pub-" + id,
                    side == Side.PUBLISHER ? proxy.port() : port));
            MqttClient subscriber = MqttClients.create(options("fault-sub-" + id,
                    side == Side.SUBSCRIBER ? proxy.port() : port));
            String topic = "fault/" + id;
            DeliveryLog delivery = new DeliveryLog(messages);
            subscriber.connect().block(Duration.ofSeconds(10));
            publisher.connect().block(Duration.ofSeconds(10));
            Mono<Void> received = subscriber.subscribe(topic, qos)
                    .doOnNext(message -> delivery.record(ByteBuffer.wrap(message.payload()).getInt()))
                    .takeUntil(message -> delivery.isComplete())
                    .then()
                    .cache();
            received.subscribe();
            int lead = side == Side.SUBSCRIBER ? publisherLead(publisher, subscriber, topic + "/warm-up") : messages;
            AtomicInteger cuts = new AtomicInteger();

            long shortest = pace().shortestCutWait().toMillis();
            long longest = pace().longestCutWait().toMillis();
            Disposable cutter = Flux.defer(() -> Mono.delay(Duration.ofMillis(
                            ThreadLocalRandom.current().nextLong(shortest, longest)), Schedulers.boundedElastic()))
                    .repeat()
                    .subscribe(tick -> {
                        proxy.cut();
                        cuts.incrementAndGet();
                    });
            try {
                List<PublishResult> results = publisher.publish(Flux.range(0, messages)
                                .delaySubscription(Duration.ofMillis(200))
                                .concatMap(i -> i % LEAD_CHECK_EVERY != 0 ? Mono.just(i)
                                        : delivery.awaitDistinct(i - lead).thenReturn(i), PREFETCH_ONE)
                                .map(i -> MqttMessage.of(topic, ByteBuffer.allocate(4).putInt(i).array(), qos)))
                        .collectList()
                        .block(Duration.ofMinutes(3));
                if (results.size() != messages) {
                    List<Integer> withoutResult = withoutResult(results, messages);
                    System.out.printf("[fault injection] %s QoS %d: %d publish results for %d messages, none for %s%n",
                            side, qos.code(), results.size(), messages, withoutResult);
                    explain(proxy, withoutResult);
                }
                assertThat(results).hasSize(messages);
                try {
                    received.block(Duration.ofMinutes(2));
                } catch (IllegalStateException e) {
                    System.out.printf("[fault injection] %s QoS %d: %d of %d received, missing %s, %d duplicates%n",
                            side, qos.code(), delivery.distinct(), messages, delivery.missing(), delivery.duplicates());
                    explain(proxy, delivery.missing());
                    throw e;
                }
                if (qos == MqttQos.EXACTLY_ONCE && brokerKeepsExactlyOnce(side)) {
                    explain(proxy, delivery.duplicated());
                }
            } finally {
                cutter.dispose();
                publisher.close().block(Duration.ofSeconds(10));
                subscriber.close().block(Duration.ofSeconds(10));
            }
            System.out.printf("[fault injection] %s QoS %d: %d of %d received, %d duplicates, %d cuts, %.1f s%n", side,
                    qos.code(), delivery.distinct(), messages, delivery.duplicates(), cuts.get(),
                    (System.nanoTime() - started) / 1e9);
            assertThat(cuts).as("link cuts").hasValueGreaterThanOrEqualTo(MINIMUM_CUTS);
            return delivery;
        }
    }

    /** Returns the first few message numbers that have no publish result. */
    private static List<Integer> withoutResult(List<PublishResult> results, int messages) {
        Set<Integer> published = results.stream()
                .map(result -> ByteBuffer.wrap(result.message().payload()).getInt())
                .collect(Collectors.toSet());
        return IntStream.range(0, messages).filter(i -> !published.contains(i)).limit(EXPLAINED_MESSAGES)
                .boxed().toList();
    }

    /** Prints what the proxied links carried for a few of the given messages, to tell how they went wrong. */
    private static void explain(TcpProxy proxy, List<Integer> messages) {
        if (!messages.isEmpty()) {
            List<Integer> explained = messages.subList(0, Math.min(messages.size(), EXPLAINED_MESSAGES));
            System.out.printf("[fault injection] the packets of %s on the proxied links:%n%s", explained,
                    LinkTrace.decode(proxy.recordedTraffic()).story(explained));
        }
    }

    /**
     * How far the publisher may run ahead of what the subscriber has received when the subscriber's link is cut:
     * the messages the broker delivers to the subscriber in half the shortest link life, at this machine's pace,
     * measured through the uncut link before the run, and at least {@value #MINIMUM_LEAD}. A broker that resumes
     * a session by re-sending everything it holds for the subscriber at once, whatever the client's Receive
     * Maximum, before it reads another packet (mosquitto 2.0.11 does), makes progress only on links that outlive
     * that burst; an unbounded lead would let a slower machine's backlog, and with it the burst, outgrow every
     * link, and measure the broker instead of the client.
     */
    private int publisherLead(MqttClient publisher, MqttClient subscriber, String topic) {
        Mono<Long> lastArrival = subscriber.subscribe(topic, MqttQos.AT_LEAST_ONCE)
                .take(WARM_UP_MESSAGES)
                .then(Mono.fromSupplier(System::nanoTime))
                .cache();
        lastArrival.subscribe();
        long start = System.nanoTime();
        publisher.publish(Flux.range(0, WARM_UP_MESSAGES)
                        .delaySubscription(Duration.ofMillis(200))
                        .map(i -> MqttMessage.of(topic, new byte[4], MqttQos.AT_LEAST_ONCE)))
                .then().block(Duration.ofMinutes(1));
        double seconds = (lastArrival.block(Duration.ofMinutes(1)) - start) / 1e9 - 0.2;
        double perSecond = WARM_UP_MESSAGES / Math.max(seconds, 1e-3);
        int lead = (int) Math.max(MINIMUM_LEAD, perSecond * pace().shortestCutWait().toMillis() / 2_000.0);
        System.out.printf("[fault injection] %.0f messages/s through the subscriber's link: the publisher leads by "
                + "at most %d%n", perSecond, lead);
        return lead;
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
