package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.internal.client.NettyMqttClient;
import io.mqttreactive.netty.internal.transport.AckCountingConnector;
import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.options.FlowControlOptions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.netty.resources.LoopResources;

/**
 * The backpressure proof against a real broker (HiveMQ CE, MQTT 5): a publisher floods a topic with 100,000 QoS 1
 * messages while a subscriber that advertises Receive Maximum 32 consumes one message per millisecond. HiveMQ
 * queues what the subscriber cannot take yet (its per-client queue is raised from the default 1,000 to hold them
 * all). The test asserts what DESIGN §4 promises:
 *
 * <ol>
 *   <li>no more than Receive Maximum messages are ever unacknowledged at the client: a tap on the client's side
 *       of the wire counts every QoS 1 PUBLISH read and every PUBACK written, on the event loop, and the highest
 *       difference must be exactly 32 (the window was full, so the broker was really held back by it);</li>
 *   <li>the client's retained heap for buffered messages stays bounded: several times during the run, after the
 *       publisher is done and while tens of thousands of messages still wait at the broker, a live-object class
 *       histogram (after a full GC) counts at most Receive Maximum + 2 live {@link MqttMessage}s and
 *       acknowledgement entries in the whole JVM;</li>
 *   <li>every message arrives exactly once and in order (the payload carries a sequence number).</li>
 * </ol>
 *
 * <p>The consumer takes one message per millisecond, paced by a 1 ms fixed-rate timer, so it takes about 100 s;
 * publishing overlaps with it.
 */
class BackpressureIT {

    private static final int TOTAL = 100_000;
    private static final int RECEIVE_MAXIMUM = 32;
    private static final int PAYLOAD_SIZE = 16;
    private static final String TOPIC = "backpressure/flood";
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration PUBLISH_BOUND = Duration.ofSeconds(90);
    private static final Duration RUN_BOUND = Duration.ofSeconds(170);
    private static final int[] SAMPLE_POINTS = {10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000};

    private static HiveMqBroker broker;
    private static LoopResources loops;

    @BeforeAll
    static void startBroker() {
        broker = HiveMqBroker.builder()
                .extraConfig("<mqtt><queued-messages><max-queue-size>" + 2 * TOTAL + "</max-queue-size>"
                        + "</queued-messages><receive-maximum><server-receive-maximum>100</server-receive-maximum>"
                        + "</receive-maximum></mqtt>")
                .start();
        loops = LoopResources.create("backpressure-it", 1, true);
    }

    @AfterAll
    static void stopBroker() {
        if (loops != null) {
            loops.disposeLater().block(Duration.ofSeconds(10));
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @DisplayName("a 1 msg/ms subscriber with Receive Maximum 32 holds a 100,000-message flood at the broker: at most "
            + "32 unacknowledged, bounded retained heap, every message once and in order [MQTT-3.3.4-7] "
            + "[MQTT-4.9.0-2] [MQTT-4.6.0-2] (5.0)")
    void slowSubscriberHoldsTheFloodAtTheBroker() throws Exception {
        MqttClientOptions base = MqttClientOptions.parse(broker.uri(MqttTestBroker.Listener.TCP).toString())
                .mutate().version(MqttVersion.MQTT_5_0).build();
        AckCountingConnector tap = new AckCountingConnector();
        MqttClient subscriber = new NettyMqttClient(base.mutate().clientId("backpressure-subscriber")
                .flowControl(FlowControlOptions.builder().receiveMaximum(RECEIVE_MAXIMUM).build()).build(),
                tap, loops.onClient(false).next());
        MqttClient publisher = MqttClients.create(base.mutate().clientId("backpressure-publisher").build());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "backpressure-ticker");
            thread.setDaemon(true);
            return thread;
        });
        PacedConsumer consumer = new PacedConsumer();
        List<String> samples = new ArrayList<>();
        try {
            subscriber.connect().block(CONNECT);
            CompletableFuture<MqttClientEvent.Subscribed> subscribed = subscriber.events()
                    .ofType(MqttClientEvent.Subscribed.class).next().toFuture();
            subscriber.subscribe(TOPIC, MqttQos.AT_LEAST_ONCE).subscribe(consumer);
            assertThat(subscribed.get(CONNECT.toMillis(), TimeUnit.MILLISECONDS).result().isSuccess()).isTrue();
            ticker.scheduleAtFixedRate(consumer::tick, 1, 1, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();

            publisher.connect().block(CONNECT);
            Long published = publisher.publish(Flux.range(0, TOTAL).map(BackpressureIT::message))
                    .count().block(PUBLISH_BOUND);
            publisher.disconnect().block(CONNECT);
            assertThat(published).isEqualTo(TOTAL);
            long publishedAfter = elapsedMillis(start);

            for (int point : SAMPLE_POINTS) {
                int consumed = consumer.awaitConsumed(point, RUN_BOUND);
                if (consumed > TOTAL - 10_000) {
                    break;
                }
                samples.add(sampleRetainedHeap(consumed, tap.unacknowledged()));
            }
            consumer.done.get(RUN_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            long consumedAfter = elapsedMillis(start);
            consumer.request(1);
            assertThat(consumer.extra).as("a message after the last one").failsWithin(Duration.ofMillis(500))
                    .withThrowableOfType(TimeoutException.class);

            System.out.printf("[backpressure] published %d in %d ms, consumed in %d ms; max unacknowledged %d; "
                    + "retained heap samples: %s%n", TOTAL, publishedAfter, consumedAfter,
                    tap.maximumUnacknowledged(), samples);
            assertThat(consumer.failure).as("sequence check").isNull();
            assertThat(consumer.next).isEqualTo(TOTAL);
            assertThat(tap.publishesReceived()).as("QoS 1 PUBLISH packets read: no redelivery").isEqualTo(TOTAL);
            assertThat(tap.pubAcksSent()).isEqualTo(TOTAL);
            assertThat(tap.maximumUnacknowledged()).as("most messages unacknowledged at the client at once")
                    .isEqualTo(RECEIVE_MAXIMUM);
            assertThat(samples).as("retained-heap samples taken under load").isNotEmpty();
        } finally {
            ticker.shutdownNow();
            consumer.dispose();
            subscriber.close().block(CONNECT);
            publisher.close().block(CONNECT);
        }
    }

    /**
     * Counts the client's live message objects after a full GC, while {@code TOTAL - consumed} messages still wait
     * at the broker, and asserts they are bounded by the Receive Maximum: at most 32 waiting for demand, one with
     * the consumer and one being decoded.
     */
    private static String sampleRetainedHeap(int consumed, long unacknowledged) {
        LiveObjects live = LiveObjects.take();
        long messages = live.instances("io.mqttreactive.message.MqttMessage");
        long deliveries = live.instances("io.mqttreactive.netty.internal.routing.InboundDelivery");
        long entries = live.instances("io.mqttreactive.netty.internal.client.SubscriptionSink$Entry");
        long retainedBytes = live.bytes("io.mqttreactive.message.MqttMessage")
                + live.bytes("io.mqttreactive.netty.internal.routing.InboundDelivery")
                + live.bytes("io.mqttreactive.netty.internal.client.SubscriptionSink$Entry")
                + messages * PAYLOAD_SIZE;
        String sample = "at " + consumed + " consumed (" + (TOTAL - consumed) + " at the broker, " + unacknowledged
                + " unacknowledged): " + messages
                + " messages, " + deliveries + " deliveries, " + entries + " queue entries, ~" + retainedBytes
                + " bytes";
        assertThat(messages).as("live MqttMessage objects " + sample).isLessThanOrEqualTo(RECEIVE_MAXIMUM + 2);
        assertThat(deliveries).as("live InboundDelivery objects " + sample).isLessThanOrEqualTo(RECEIVE_MAXIMUM + 1);
        assertThat(entries).as("live subscription queue entries " + sample).isLessThanOrEqualTo(RECEIVE_MAXIMUM);
        assertThat(retainedBytes).as("retained bytes for buffered messages " + sample)
                .isLessThanOrEqualTo((RECEIVE_MAXIMUM + 2) * 256L);
        return sample;
    }

    private static MqttMessage message(int sequence) {
        return MqttMessage.of(TOPIC, ByteBuffer.allocate(PAYLOAD_SIZE).putInt(sequence).array(),
                MqttQos.AT_LEAST_ONCE);
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /**
     * Consumes one message per millisecond: message {@code n} is requested no earlier than {@code n} ms after the
     * first tick, and at most {@value #MAXIMUM_OUTSTANDING} requests are outstanding, so a late timer tick is
     * caught up without ever running ahead of the pace; everything not yet requested waits in the client,
     * unacknowledged, not in Reactor operators. Checks that sequence numbers arrive 0, 1, 2, ...
     */
    private static final class PacedConsumer extends BaseSubscriber<MqttMessage> {

        private static final int MAXIMUM_OUTSTANDING = 4;

        final CompletableFuture<Void> done = new CompletableFuture<>();
        final CompletableFuture<MqttMessage> extra = new CompletableFuture<>();
        private final Object progress = new Object();
        private long firstTick;
        private long requested;
        volatile int next;
        volatile String failure;

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
        }

        /** Called every millisecond by one timer thread. */
        void tick() {
            if (isDisposed()) {
                return;
            }
            long now = System.nanoTime();
            if (firstTick == 0) {
                firstTick = now;
            }
            long due = Math.min(TOTAL, TimeUnit.NANOSECONDS.toMillis(now - firstTick) + 1);
            long more = Math.min(due - requested, MAXIMUM_OUTSTANDING - (requested - next));
            if (more > 0) {
                requested += more;
                request(more);
            }
        }

        @Override
        protected void hookOnNext(MqttMessage message) {
            int sequence = ByteBuffer.wrap(message.payload()).getInt();
            if (next >= TOTAL) {
                extra.complete(message);
                return;
            }
            if (sequence != next && failure == null) {
                failure = "expected message " + next + ", received " + sequence;
            }
            next++;
            synchronized (progress) {
                progress.notifyAll();
            }
            if (next == TOTAL) {
                done.complete(null);
            }
        }

        @Override
        protected void hookOnError(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        protected void hookOnComplete() {
            done.completeExceptionally(new AssertionError("the subscription completed after " + next + " messages"));
        }

        /** Waits until {@code count} messages are consumed; returns how many are consumed by then. */
        int awaitConsumed(int count, Duration bound) throws InterruptedException, TimeoutException {
            long deadline = System.nanoTime() + bound.toNanos();
            synchronized (progress) {
                while (next < count && !done.isDone()) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        throw new TimeoutException("only " + next + " of " + count + " messages consumed");
                    }
                    progress.wait(left);
                }
            }
            return next;
        }
    }
}
