package io.mqttreactive.netty;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.SessionOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The publisher of {@link ClientCrashContract}, run in a child JVM: a client with a {@link FileSessionStore}, clean
 * start off and a session that outlives the connection, so that what it has in flight survives its death.
 *
 * <p>Arguments: the store directory, the broker's port, the {@link MqttVersion} name, the client identifier,
 * the topic prefix, the first sequence number and the last one. It connects, prints {@code restored N} when the
 * client took over {@code N} unfinished messages from the store and {@code restored done} once they all
 * finished, then publishes sequence numbers first to last in order, odd ones with QoS 2 and even ones with
 * QoS 1, to {@code <prefix>/<seq>} with the sequence number as payload, printing {@code acked S} for each
 * acknowledged one, {@code finished} at the end, and {@code closed} once it closed the client and the store.
 * The test kills the first child mid-stream; the second publishes a short range and finishes. Stops by itself
 * after a minute.
 */
public final class ClientCrashChild {

    static final String RESTORED = "restored ";
    static final String RESTORED_DONE = "restored done";
    static final String ACKED = "acked ";
    static final String FINISHED = "finished";
    static final String CLOSED = "closed";

    /**
     * The in-flight limit mosquitto applies to each client by default ({@code max_inflight_messages 20}), which
     * an MQTT 3.1.1 client cannot learn from the broker: past it, mosquitto 2.0 acknowledges a 3.1.1 client's
     * QoS 1 and 2 messages and drops them. MQTT 5.0 brokers announce theirs as Receive Maximum.
     */
    private static final int MAXIMUM_INFLIGHT = 20;
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private ClientCrashChild() {
    }

    static MqttQos qosOf(long seq) {
        return seq % 2 == 1 ? MqttQos.EXACTLY_ONCE : MqttQos.AT_LEAST_ONCE;
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        MqttVersion version = MqttVersion.valueOf(args[2]);
        String clientId = args[3];
        String prefix = args[4];
        long first = Long.parseLong(args[5]);
        long last = Long.parseLong(args[6]);

        FileSessionStore store = FileSessionStore.open(directory);
        MqttClient client = MqttClients.create(MqttClientOptions.builder()
                .serverHost("127.0.0.1").serverPort(port).version(version).clientId(clientId)
                .session(new SessionOptions(false, Duration.ofMinutes(5), Optional.of(store)))
                .flowControl(FlowControlOptions.builder().maximumInflightPublishes(MAXIMUM_INFLIGHT).build())
                .build());
        CompletableFuture<Void> restoredDone = new CompletableFuture<>();
        client.events().publishOn(Schedulers.single()).subscribe(event -> {
            if (event instanceof MqttClientEvent.SessionRestored restored) {
                System.out.println(RESTORED + restored.outboundMessages());
                if (restored.outboundMessages() == 0) {
                    restoredDone.complete(null);
                }
            } else if (event instanceof MqttClientEvent.RestoredPublishFinished finished) {
                if (finished.failure().isPresent()) {
                    System.out.println("restored message failed: " + finished.failure().get());
                }
                if (finished.remaining() == 0) {
                    restoredDone.complete(null);
                }
            } else if (event instanceof MqttClientEvent.SessionStoreFailed failed) {
                System.out.println("store failed: " + failed);
            }
        });
        client.connect().block(TIMEOUT);
        restoredDone.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
        System.out.println(RESTORED_DONE);

        client.publish(Flux.range(0, (int) (last - first + 1)).map(i -> first + i)
                        .map(seq -> MqttMessage.of(prefix + "/" + seq,
                                Long.toString(seq).getBytes(StandardCharsets.US_ASCII), qosOf(seq))))
                .publishOn(Schedulers.single())
                .doOnNext(result -> System.out.println(ACKED + result.message().payloadAsString()))
                .blockLast(TIMEOUT);
        System.out.println(FINISHED);
        client.close().block(TIMEOUT);
        store.close();
        System.out.println(CLOSED);
    }
}
