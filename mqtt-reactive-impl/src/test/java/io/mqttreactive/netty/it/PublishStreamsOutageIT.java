package io.mqttreactive.netty.it;

import static io.mqttreactive.netty.it.PublishStreamsOutageChild.CONNECTED;
import static io.mqttreactive.netty.it.PublishStreamsOutageChild.DONE;
import static io.mqttreactive.netty.it.PublishStreamsOutageChild.HEAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.netty.testing.ChildJvm;
import io.mqttreactive.netty.testing.MosquittoBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.RequiresMosquitto;
import io.mqttreactive.netty.testing.RunningBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@value #STREAMS} concurrent {@code publish(Publisher)} streams of {@value #MESSAGES} QoS 1 messages each, from
 * one client with default flow control in a child JVM with {@code -Xmx128m} ({@link PublishStreamsOutageChild}),
 * across a {@value #OUTAGE_SECONDS} s broker outage: Eclipse Mosquitto with persistence is stopped (SIGTERM) while
 * the streams run and started again on the same port {@value #OUTAGE_SECONDS} s later. During the outage the
 * streams fill the offline queue and then wait for room instead of failing; on reconnect the session resumes and
 * what was in flight is re-sent with DUP set ([MQTT-4.4.0-1]).
 *
 * <p>Shown: every message gets exactly one publish result, in its stream's order, and no stream fails (no
 * {@code MqttBufferFullException}, no other error); the publisher's heap after GC, sampled every second, stays
 * under {@value #HEAP_BOUND_MB} MB, a fraction of what the streams carry; and a subscriber with a persistent
 * session, in a child JVM of its own ({@link PublishStreamsOutageSubscriberChild}), receives every message at
 * least once, each stream's first deliveries in order ([MQTT-4.6.0-2]).
 */
@RequiresMosquitto
class PublishStreamsOutageIT {

    private static final int STREAMS = 8;
    private static final int MESSAGES = 100_000;
    private static final int OUTAGE_SECONDS = 5;
    private static final long HEAP_BOUND_MB = 48;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);

    @RegisterExtension
    static final RunningBroker<MosquittoBroker> BROKER = new RunningBroker<>(() -> MosquittoBroker.builder()
            .persistence(true).extraConfig("max_queued_messages 0\nmax_inflight_messages 0").start());

    @Test
    void everyStreamMessageIsPublishedOnceAcrossAnOutageWithTheHeapBounded() throws Exception {
        MosquittoBroker broker = BROKER.get();
        String port = Integer.toString(broker.port(MqttTestBroker.Listener.TCP));
        try (ChildJvm subscriber = ChildJvm.start(PublishStreamsOutageSubscriberChild.class, port,
                Integer.toString(STREAMS), Integer.toString(MESSAGES), Long.toString(RUN_TIMEOUT.toSeconds()))) {
            subscriber.awaitLine(PublishStreamsOutageSubscriberChild.SUBSCRIBED::equals, START_TIMEOUT);
            try (ChildJvm publisher = ChildJvm.start(PublishStreamsOutageChild.class, port,
                    Integer.toString(STREAMS), Integer.toString(MESSAGES))) {
                publisher.awaitLine(CONNECTED::equals, START_TIMEOUT);
                long resultsBeforeOutage = awaitResults(publisher, STREAMS * MESSAGES / 5);
                long outageStart = System.nanoTime();
                broker.stop();
                Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS));
                broker.start();
                long outageMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageStart);

                List<Long> heapSamples = new ArrayList<>();
                String done = publisher.awaitLine(line -> {
                    if (line.startsWith(HEAP)) {
                        heapSamples.add(Long.parseLong(line.split(" ")[1]));
                    }
                    return line.startsWith(DONE);
                }, RUN_TIMEOUT);
                String received = subscriber.awaitLine(
                        line -> line.startsWith(PublishStreamsOutageSubscriberChild.RECEIVED_ALL), RUN_TIMEOUT);
                long maximumHeap = heapSamples.stream().mapToLong(Long::longValue).max().orElse(0);

                System.out.printf("[publish streams outage] %d x %d QoS 1 messages, %d results before a %d ms "
                        + "outage; publisher: %s, heap after GC at most %d KiB over %d samples (bound %d MiB); "
                        + "subscriber: %s%n", STREAMS, MESSAGES, resultsBeforeOutage, outageMillis, done,
                        maximumHeap / 1024, heapSamples.size(), HEAP_BOUND_MB, received);
                assertThat(resultsBeforeOutage).as("the outage came mid-stream").isLessThan(STREAMS * MESSAGES);
                assertThat(publisher.lines()).as("the publisher lost its connection and reconnected")
                        .anyMatch(line -> line.startsWith("event Disconnected"));
                assertThat(done).as("one result per message, in each stream's order, and no stream failed")
                        .isEqualTo(DONE + "results " + STREAMS * MESSAGES
                                + " out-of-order 0 buffer-full 0 other-failures 0");
                assertThat(heapSamples).as("heap samples").hasSizeGreaterThanOrEqualTo(OUTAGE_SECONDS);
                assertThat(maximumHeap).as("the publisher's heap after GC, in bytes")
                        .isLessThan(HEAP_BOUND_MB * 1024 * 1024);
                assertThat(received).as("every message received, each stream's first deliveries in order")
                        .startsWith(PublishStreamsOutageSubscriberChild.RECEIVED_ALL + "yes missing 0 out-of-order 0");
            } catch (AssertionError e) {
                System.out.printf("[publish streams outage] failed; subscriber's last lines: %s%nmosquitto log:%n%s%n",
                        tail(subscriber.lines()), broker.recentLog());
                throw e;
            }
        }
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 20), lines.size());
    }

    /** Waits until the publisher has at least {@code count} results; returns how many it had. */
    private static long awaitResults(ChildJvm publisher, long count) throws InterruptedException {
        String line = publisher.awaitLine(l -> l.startsWith(HEAP) && Long.parseLong(l.split(" ")[3]) >= count,
                START_TIMEOUT.multipliedBy(4));
        return Long.parseLong(line.split(" ")[3]);
    }
}
