package io.mqttreactive.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * Clients that keep their sessions in one {@link FileSessionStore}, on the event loops of a real connection to
 * HiveMQ CE, under BlockHound (installed in every integration test): a publisher's QoS 1 and 2 messages and a
 * subscriber's inbound QoS 2 ids go through the store's own thread without blocking an event loop, every
 * message arrives (QoS 2 exactly once), and once the flows are done the store holds nothing for either client.
 */
class FileSessionStoreClientIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MESSAGES = 2_000;

    @TempDir
    Path directory;

    @Test
    void clientsWithTheDurableStoreNeverBlockAndLeaveNothingBehind() throws Exception {
        HiveMqBroker broker = HiveMqBroker.shared();
        String run = Long.toString(System.nanoTime(), 36);
        String topic = "store-it/" + run;
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        List<MqttClientEvent.SessionStoreFailed> failures = new CopyOnWriteArrayList<>();
        try (FileSessionStore store = FileSessionStore.open(directory)) {
            MqttClient subscriber = MqttClients.create(options(broker, "store-sub-" + run, store));
            MqttClient publisher = MqttClients.create(options(broker, "store-pub-" + run, store));
            Flux.merge(subscriber.events(), publisher.events()).ofType(MqttClientEvent.SessionStoreFailed.class)
                    .subscribe(failures::add);
            try {
                subscriber.connect().block(TIMEOUT);
                publisher.connect().block(TIMEOUT);
                var subAck = subscriber.events().ofType(MqttClientEvent.Subscribed.class).next().toFuture();
                subscriber.subscribe(SubscribeRequest.of(Subscription.of(topic + "/#", MqttQos.EXACTLY_ONCE)))
                        .subscribe(message -> received.computeIfAbsent(message.payloadAsString(),
                                payload -> new AtomicInteger()).incrementAndGet());
                assertThat(subAck).succeedsWithin(TIMEOUT);

                List<PublishResult> results = publisher.publish(Flux.range(0, MESSAGES).map(i -> MqttMessage.of(
                                topic + "/" + i, Integer.toString(i).getBytes(StandardCharsets.US_ASCII),
                                i % 2 == 0 ? MqttQos.AT_LEAST_ONCE : MqttQos.EXACTLY_ONCE)))
                        .collectList().block(TIMEOUT);

                assertThat(results).hasSize(MESSAGES).allMatch(result -> !result.reasonCode().isError());
                awaitAll(received);
                assertThat(received.entrySet()).filteredOn(entry -> Integer.parseInt(entry.getKey()) % 2 == 1)
                        .as("QoS 2 messages received more than once")
                        .allMatch(entry -> entry.getValue().get() == 1);
            } finally {
                publisher.close().block(TIMEOUT);
                subscriber.close().block(TIMEOUT);
            }
            assertThat(store.loadOutbound("store-pub-" + run).collectList().block(TIMEOUT)).isEmpty();
            assertThat(store.loadInbound("store-sub-" + run).collectList().block(TIMEOUT)).isEmpty();
            assertThat(failures).isEmpty();
        }
    }

    private static MqttClientOptions options(HiveMqBroker broker, String clientId, FileSessionStore store) {
        return MqttClientOptions.builder()
                .serverHost(broker.host()).serverPort(broker.port(MqttTestBroker.Listener.TCP))
                .version(MqttVersion.MQTT_5_0).clientId(clientId)
                .session(new SessionOptions(false, Duration.ofMinutes(1), Optional.of(store)))
                .reconnect(ReconnectOptions.DISABLED)
                .build();
    }

    private static void awaitAll(Map<String, AtomicInteger> received) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (received.size() < MESSAGES && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, MESSAGES).mapToObj(Integer::toString).toList());
    }
}
