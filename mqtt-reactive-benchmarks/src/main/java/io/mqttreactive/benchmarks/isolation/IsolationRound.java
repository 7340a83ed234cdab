package io.mqttreactive.benchmarks.isolation;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttSubscription;
import io.mqttreactive.benchmarks.contestants.MqttReactiveContestant;
import io.mqttreactive.benchmarks.contestants.RawSocketContestant;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.options.AcknowledgeMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One round: one mqtt-reactive client with a fast QoS 1 subscription that takes whatever comes, and, unless alone,
 * a slow QoS 1 subscription on another topic whose subscriber takes one message every 100 ms (10 msg/s). A
 * raw-socket publisher feeds the fast topic in batches, staying at most {@link #FAST_LEAD} messages ahead of the
 * fast subscriber, so the subscriber always has messages to take while the broker's queue stays short; another feeds
 * the slow topic at random (Poisson) times at a given mean rate: below 10 msg/s a message for the slow subscriber
 * sometimes arrives while it is still busy with the previous one, above it they pile up.
 */
final class IsolationRound {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long SLOW_CONSUMER_PERIOD_MILLIS = 100;
    private static final byte[] PAYLOAD = new byte[64];
    private static final int FAST_LEAD = 10_000;
    private static final int FAST_BATCH = 2_000;

    /** What a round measured: the fast subscription's rate and what the slow one received. */
    record Outcome(double fastRate, long slowReceived) {
    }

    private final String host;
    private final int port;
    private final int window;

    IsolationRound(String host, int port, int window) {
        this.host = host;
        this.port = port;
        this.window = window;
    }

    /**
     * Runs a round.
     *
     * @param name     a name unique to the round, for client identifiers and topics
     * @param slowMode the slow subscription's acknowledgement mode, or empty for the fast subscription alone
     * @param slowRate the mean rate of the slow topic's feed, in msg/s
     * @param duration how long the publishers feed the topics
     */
    Outcome run(String name, Optional<AcknowledgeMode> slowMode, double slowRate, Duration duration)
            throws Exception {
        String fastTopic = "bench/" + name + "/fast";
        String slowTopic = "bench/" + name + "/slow";
        AtomicLong fastReceived = new AtomicLong();
        SlowSubscriber slow = new SlowSubscriber();
        MqttClient client = MqttClients.create(MqttReactiveContestant.options(host, port, name + "-sub", window));
        RawSocketContestant raw = new RawSocketContestant();
        ExecutorService feeders = Executors.newFixedThreadPool(2);
        try (RawSocketContestant.RawPublisher fastFeed = raw.publisher(host, port, name + "-fast", window);
                RawSocketContestant.RawPublisher slowFeed = raw.publisher(host, port, name + "-slow", window)) {
            client.connect().block(TIMEOUT);
            MqttSubscription fast = subscription(client, fastTopic, AcknowledgeMode.ON_DELIVERY);
            fast.messages().subscribe(message -> fastReceived.incrementAndGet());
            fast.acknowledged().block(TIMEOUT);
            if (slowMode.isPresent()) {
                MqttSubscription slowSubscription = subscription(client, slowTopic, slowMode.get());
                slowSubscription.messages().subscribe(slow);
                slowSubscription.acknowledged().block(TIMEOUT);
            }
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<Future<?>> feeding = new ArrayList<>();
            if (slowMode.isPresent()) {
                feeding.add(feeders.submit(() -> feedAtRandomTimes(slowFeed, slowTopic, slowRate, deadline)));
            }
            long before = fastReceived.get();
            feeding.add(feeders.submit(() -> feedAhead(fastFeed, fastTopic, fastReceived, deadline)));
            TimeUnit.NANOSECONDS.sleep(deadline - System.nanoTime());
            long received = fastReceived.get() - before;
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Future<?> feed : feeding) {
                feed.get();
            }
            return new Outcome(received / seconds, slow.received.get());
        } finally {
            slow.dispose();
            feeders.shutdownNow();
            client.disconnect().onErrorResume(e -> Mono.empty()).block(TIMEOUT);
            client.close().block(TIMEOUT);
        }
    }

    private static MqttSubscription subscription(MqttClient client, String topic, AcknowledgeMode mode) {
        return client.subscription(SubscribeRequest.of(Subscription.of(topic, MqttQos.AT_LEAST_ONCE)), mode);
    }

    private static Void feedAhead(RawSocketContestant.RawPublisher feed, String topic, AtomicLong received,
            long deadline) throws Exception {
        long sent = 0;
        while (System.nanoTime() < deadline) {
            if (sent - received.get() < FAST_LEAD) {
                sent += feed.publishCount(topic, PAYLOAD, 1, FAST_BATCH) + 1; // and its fence
            } else {
                LockSupport.parkNanos(100_000);
            }
        }
        return null;
    }

    private static Void feedAtRandomTimes(RawSocketContestant.RawPublisher feed, String topic, double rate,
            long deadline) throws InterruptedException {
        Random random = new Random(42);
        for (long next = System.nanoTime(); next < deadline; ) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            feed.publishAsync(topic, PAYLOAD, 1);
            next += (long) (-Math.log(1 - random.nextDouble()) / rate * 1e9);
        }
        return null;
    }

    /** Takes one message, then asks for the next 100 ms later. */
    private static final class SlowSubscriber extends BaseSubscriber<MqttMessage> {

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong received = new AtomicLong();

        @Override
        protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
            request(1);
        }

        @Override
        protected void hookOnNext(MqttMessage message) {
            received.incrementAndGet();
            timer.schedule(() -> request(1), SLOW_CONSUMER_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        protected void hookFinally(SignalType type) {
            timer.shutdownNow();
        }
    }
}
