package io.mqttreactive.netty.it;

import static io.mqttreactive.netty.it.HeapBoundSubscriberChild.DONE;
import static io.mqttreactive.netty.it.HeapBoundSubscriberChild.FAST;
import static io.mqttreactive.netty.it.HeapBoundSubscriberChild.HEAP;
import static io.mqttreactive.netty.it.HeapBoundSubscriberChild.SUBSCRIBED;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.testing.ChildJvm;
import io.mqttreactive.netty.testing.MosquittoBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.RequiresMosquitto;
import io.mqttreactive.netty.testing.RunningBroker;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;

/**
 * A slow subscriber's heap stays bounded however large the broker's backlog, over MQTT 3.1.1 and 5.0: a publisher
 * floods {@value #TOTAL} QoS 1 messages of {@value #PAYLOAD_SIZE} bytes at Eclipse Mosquitto while a subscriber with
 * default flow control, in a child JVM with {@code -Xmx128m} ({@link HeapBoundSubscriberChild}), takes one message
 * per 10 ms for {@value #SLOW_PHASE_MILLIS} ms, so nearly the whole flood waits for it. Mosquitto is set to queue
 * every message and to put no limit of its own on the messages in flight to a client, so only the client holds the
 * flood back: by its Receive Maximum, advertised in 5.0 ([MQTT-3.3.4-7] 5.0 binds the broker) and enforced by
 * pausing socket reads in both versions, so the rest backs up in TCP and at the broker. The child measures its heap
 * after {@code System.gc()} every two seconds; every sample must stay under {@value #HEAP_BOUND_MB} MB, a fraction of
 * the {@value #TOTAL_MB} MB flood. Then the subscriber speeds up and must receive every message, in order, none
 * skipped ([MQTT-4.6.0-2] 3.1.1 and 5.0, at least once: a duplicate is allowed, a gap is not).
 */
@RequiresMosquitto
class HeapBoundIT {

    private static final int TOTAL = 60_000;
    private static final int PAYLOAD_SIZE = 1_024;
    private static final int TOTAL_MB = TOTAL * PAYLOAD_SIZE / (1024 * 1024);
    private static final long SLOW_PHASE_MILLIS = 14_000;
    private static final long HEAP_BOUND_MB = 32;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final RunningBroker<MosquittoBroker> BROKER = new RunningBroker<>(() -> MosquittoBroker.builder()
            .extraConfig("max_queued_messages 0\nmax_inflight_messages 0")
            .start());

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5_0"})
    void aSlowSubscriberKeepsItsHeapBoundedAndLosesNothing(MqttVersion version) throws Exception {
        MosquittoBroker broker = BROKER.get();
        int port = broker.port(MqttTestBroker.Listener.TCP);
        String topic = "heap-bound/" + version + "/" + Long.toString(System.nanoTime(), 36);
        long start = System.nanoTime();
        try (ChildJvm subscriber = ChildJvm.start(HeapBoundSubscriberChild.class, Integer.toString(port),
                version.name(), topic, Integer.toString(TOTAL), Long.toString(SLOW_PHASE_MILLIS));
                Publisher publisher = new Publisher(port)) {
            subscriber.awaitLine(SUBSCRIBED::equals, START_TIMEOUT);
            CompletableFuture<Long> acknowledged = publisher.flood(topic);

            List<String> samplesAfterTheFlood = new ArrayList<>();
            long maximumHeap = 0;
            for (String line = subscriber.awaitLine(l -> l.startsWith(HEAP) || l.equals(FAST), START_TIMEOUT);
                    !line.equals(FAST);
                    line = subscriber.awaitLine(l -> l.startsWith(HEAP) || l.equals(FAST), START_TIMEOUT)) {
                String[] fields = line.split(" ");
                long heap = Long.parseLong(fields[1]);
                maximumHeap = Math.max(maximumHeap, heap);
                if (acknowledged.isDone()) {
                    samplesAfterTheFlood.add(heap / 1024 + " KiB with " + (TOTAL - Long.parseLong(fields[3]))
                            + " messages at the broker");
                }
            }
            assertThat(acknowledged.get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("messages the broker acknowledged").isEqualTo(TOTAL);
            String done = subscriber.awaitLine(l -> l.startsWith(DONE) || l.startsWith("failed"), DRAIN_TIMEOUT);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

            System.out.printf("[heap-bound] %s: heap after GC at most %d KiB (bound %d MiB); samples after the flood: "
                    + "%s; %s; %d s%n", version, maximumHeap / 1024, HEAP_BOUND_MB, samplesAfterTheFlood, done,
                    seconds);
            assertThat(samplesAfterTheFlood).as("heap samples taken while the whole flood was published")
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(maximumHeap).as("the subscriber's heap after GC, in bytes")
                    .isLessThan(HEAP_BOUND_MB * 1024 * 1024);
            assertThat(done).as("distinct messages received in order, and gaps").startsWith(DONE + TOTAL + " ")
                    .endsWith(" gaps 0");
        }
    }

    /** Publishes the flood over MQTT 5.0, whose broker announces the in-flight limit it holds publishers to. */
    private static final class Publisher implements AutoCloseable {

        private final MqttClient client;

        Publisher(int port) {
            client = MqttClients.create(MqttClientOptions.builder().serverHost("127.0.0.1").serverPort(port)
                    .version(MqttVersion.MQTT_5_0).clientId("heap-bound-publisher").build());
            client.connect().block(START_TIMEOUT);
        }

        CompletableFuture<Long> flood(String topic) {
            return client.publish(Flux.range(0, TOTAL).map(sequence -> MqttMessage.of(topic,
                            ByteBuffer.allocate(PAYLOAD_SIZE).putLong(sequence).array(), MqttQos.AT_LEAST_ONCE)))
                    .count().toFuture();
        }

        @Override
        public void close() {
            client.close().block(START_TIMEOUT);
        }
    }
}
