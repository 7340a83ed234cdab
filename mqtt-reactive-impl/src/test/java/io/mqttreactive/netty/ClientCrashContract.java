package io.mqttreactive.netty;

import static io.mqttreactive.netty.ClientCrashChild.ACKED;
import static io.mqttreactive.netty.ClientCrashChild.CLOSED;
import static io.mqttreactive.netty.ClientCrashChild.FINISHED;
import static io.mqttreactive.netty.ClientCrashChild.RESTORED;
import static io.mqttreactive.netty.ClientCrashChild.RESTORED_DONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.netty.testing.ChildJvm;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import io.mqttreactive.spi.StoredPublish;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A publishing process that dies loses nothing it had in flight: a child JVM ({@link ClientCrashChild})
 * publishes QoS 1 and QoS 2 messages in order through a client with a {@link FileSessionStore} to a broker on
 * the loopback ({@link #broker()}), over MQTT 3.1.1 and 5.0, and is killed with {@code SIGKILL} mid-stream; a second child with the
 * same client identifier and store resumes the session ([MQTT-4.4.0-1], [MQTT-4.6.0-1]: re-sends the stored
 * PUBLISHes with DUP set and their PUBRELs) and publishes a few more. A subscriber with a persistent session
 * receives every message the first child sent, without a gap up to the last one it sent and at least every one
 * it was acknowledged for or had in flight; every QoS 2 message exactly once, QoS 1 messages at least once; and
 * every message of the second child. The parameter's display name is the MQTT version.
 */
abstract class ClientCrashContract {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final long SECOND_RUN_FIRST = 1_000_001;
    private static final long SECOND_RUN_LAST = 1_000_100;

    @TempDir
    Path directory;

    /** Returns the running broker the children and the subscriber connect to. */
    abstract MqttTestBroker broker();

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5_0"})
    void aSigkilledPublisherResumesItsInFlightMessagesFromTheFileStore(MqttVersion version) throws Exception {
        MqttTestBroker broker = broker();
        int port = broker.port(MqttTestBroker.Listener.TCP);
        String run = Long.toString(System.nanoTime(), 36);
        String publisherId = "crash-pub-" + run;
        String prefix = "crash/" + run;
        Map<Long, AtomicInteger> received = new ConcurrentHashMap<>();
        MqttClient subscriber = MqttClients.create(MqttClientOptions.builder()
                .serverHost(broker.host()).serverPort(port).version(MqttVersion.MQTT_5_0)
                .clientId("crash-sub-" + run)
                .session(SessionOptions.DEFAULT.withSessionExpiryInterval(Duration.ofMinutes(5)))
                .reconnect(ReconnectOptions.DISABLED)
                .build());
        try {
            subscriber.connect().block(START_TIMEOUT);
            subscribe(subscriber, prefix + "/#", received);

            long lastAcked;
            List<String> firstOutput;
            try (ChildJvm first = start(port, version, publisherId, prefix, 1, 10_000_000)) {
                first.awaitLine(line -> line.equals(RESTORED + 0), START_TIMEOUT);
                long target = 300 + new Random().nextInt(500);
                first.awaitLine(line -> line.startsWith(ACKED) && seq(line, ACKED) >= target, START_TIMEOUT);
                firstOutput = first.kill();
                lastAcked = firstOutput.stream().filter(line -> line.startsWith(ACKED))
                        .mapToLong(line -> seq(line, ACKED)).max().orElseThrow();
            }
            Set<Long> inFlight = storedSequenceNumbers(publisherId);
            assertThat(inFlight).as("messages in flight at the kill, after ack %d; the first child said %s", lastAcked,
                    firstOutput.stream().filter(line -> !line.startsWith(ACKED)).toList()).isNotEmpty();

            List<String> secondOutput;
            try (ChildJvm second = start(port, version, publisherId, prefix, SECOND_RUN_FIRST, SECOND_RUN_LAST)) {
                second.awaitLine(line -> line.equals(RESTORED + inFlight.size()), START_TIMEOUT);
                second.awaitLine(line -> line.equals(RESTORED_DONE), START_TIMEOUT);
                second.awaitLine(line -> line.equals(FINISHED), START_TIMEOUT);
                second.awaitLine(line -> line.equals(CLOSED), START_TIMEOUT);
                secondOutput = second.lines().stream().filter(line -> !line.startsWith(ACKED)).toList();
            }

            long lastStored = inFlight.stream().mapToLong(Long::longValue).max().orElseThrow();
            long lastSent = Math.max(lastAcked, lastStored);
            awaitDelivered(received, lastSent);
            Thread.sleep(QUIET.toMillis());

            String context = "killed after ack " + lastAcked + ", in flight " + inFlight + ", the second child said "
                    + secondOutput;
            assertThat(LongStream.rangeClosed(1, lastSent).filter(seq -> !received.containsKey(seq)).boxed().toList())
                    .as(context + ": messages of the first child not received").isEmpty();
            TreeSet<Long> firstRun = new TreeSet<>(received.keySet().stream().filter(seq -> seq < SECOND_RUN_FIRST)
                    .toList());
            assertThat(firstRun).as(context + ": every message up to the last one sent")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, firstRun.last()).boxed().toList());
            assertThat(received.keySet()).as("every message of the second run")
                    .containsAll(LongStream.rangeClosed(SECOND_RUN_FIRST, SECOND_RUN_LAST).boxed().toList());
            Map<Long, Integer> qos2Duplicates = received.entrySet().stream()
                    .filter(entry -> ClientCrashChild.qosOf(entry.getKey()) == MqttQos.EXACTLY_ONCE
                            && entry.getValue().get() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()));
            assertThat(qos2Duplicates).as(context + ": QoS 2 messages received more than once").isEmpty();
            assertThat(storedSequenceNumbers(publisherId)).as("the store after the second run").isEmpty();
        } finally {
            subscriber.close().block(START_TIMEOUT);
        }
    }

    private ChildJvm start(int port, MqttVersion version, String clientId, String prefix, long first, long last)
            throws Exception {
        return ChildJvm.start(ClientCrashChild.class, directory.toString(), Integer.toString(port), version.name(),
                clientId, prefix, Long.toString(first), Long.toString(last));
    }

    private static void subscribe(MqttClient subscriber, String filter, Map<Long, AtomicInteger> received) {
        var subAck = subscriber.events().ofType(io.mqttreactive.event.MqttClientEvent.Subscribed.class).next()
                .toFuture();
        subscriber.subscribe(SubscribeRequest.of(Subscription.of(filter, MqttQos.EXACTLY_ONCE)))
                .map(MqttMessage::payloadAsString)
                .subscribe(payload -> received.computeIfAbsent(Long.parseLong(payload), seq -> new AtomicInteger())
                        .incrementAndGet());
        assertThat(subAck).succeedsWithin(START_TIMEOUT)
                .satisfies(event -> assertThat(event.result().isSuccess()).isTrue());
    }

    private Set<Long> storedSequenceNumbers(String clientId) {
        try (FileSessionStore store = FileSessionStore.open(directory)) {
            List<StoredPublish> stored = store.loadOutbound(clientId).collectList().block(START_TIMEOUT);
            return stored.stream().map(publish -> Long.parseLong(publish.message().payloadAsString()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void awaitDelivered(Map<Long, AtomicInteger> received, long lastSent) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean firstRunDone = LongStream.rangeClosed(1, lastSent).allMatch(received::containsKey);
            boolean secondRunDone = LongStream.rangeClosed(SECOND_RUN_FIRST, SECOND_RUN_LAST)
                    .allMatch(received::containsKey);
            if (firstRunDone && secondRunDone) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private static long seq(String line, String prefix) {
        return Long.parseLong(line.substring(prefix.length()).trim());
    }
}
