package io.mqttreactive.netty.it;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The publisher of {@link PublishStreamsOutageIT}, run in a child JVM with a 128 MB heap: one client with default
 * flow control publishes {@code streams} concurrent {@code publish(Publisher)} streams of {@code messages} QoS 1
 * messages each, a payload being the stream's number and the message's sequence number. It checks that each
 * stream's results come one per message, in order, and counts failures by kind.
 *
 * <p>Arguments: the broker's port, the number of streams, the messages per stream. Prints {@code connected}, every
 * {@value #SAMPLE_MILLIS} ms {@code heap <bytes used after System.gc()> results <n>}, the client's connection
 * events, and at the end {@code done results <n> out-of-order <n> buffer-full <n> other-failures <n>}.
 */
public final class PublishStreamsOutageChild {

    static final String CONNECTED = "connected";
    static final String HEAP = "heap ";
    static final String DONE = "done ";
    static final long SAMPLE_MILLIS = 1_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicLong results = new AtomicLong();
    private static final AtomicLong outOfOrder = new AtomicLong();
    private static final AtomicLong bufferFull = new AtomicLong();
    private static final AtomicLong otherFailures = new AtomicLong();

    private PublishStreamsOutageChild() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int streams = Integer.parseInt(args[1]);
        int messages = Integer.parseInt(args[2]);
        MqttClient client = MqttClients.create(MqttClientOptions.builder()
                .serverHost("127.0.0.1").serverPort(port).version(MqttVersion.MQTT_3_1_1)
                .clientId("outage-publisher")
                .session(SessionOptions.DEFAULT.withCleanStart(false))
                .reconnect(ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(100))))
                .build());
        client.events().filter(event -> event instanceof MqttClientEvent.Connected
                        || event instanceof MqttClientEvent.Disconnected)
                .subscribe(event -> System.out.println("event " + event));
        client.connect().block(TIMEOUT);
        System.out.println(CONNECTED);

        CompletableFuture<Void> published = Flux.range(0, streams)
                .flatMap(stream -> publishStream(client, stream, messages), streams)
                .then().toFuture();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        while (!published.isDone()) {
            try {
                published.get(SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException sample) {
                System.gc();
                System.out.println(HEAP + memory.getHeapMemoryUsage().getUsed() + " results " + results.get());
            }
        }
        System.out.println(DONE + "results " + results.get() + " out-of-order " + outOfOrder.get()
                + " buffer-full " + bufferFull.get() + " other-failures " + otherFailures.get());
        client.close().block(TIMEOUT);
    }

    private static Mono<Void> publishStream(MqttClient client, int stream, int messages) {
        AtomicLong next = new AtomicLong();
        return client.publish(Flux.range(0, messages).map(sequence -> MqttMessage.of("outage/" + stream,
                        ByteBuffer.allocate(8).putInt(stream).putInt(sequence).array(), MqttQos.AT_LEAST_ONCE)))
                .doOnNext(result -> {
                    results.incrementAndGet();
                    if (result.message().payloadAsBuffer().getInt(4) != next.getAndIncrement()) {
                        outOfOrder.incrementAndGet();
                    }
                })
                .then()
                .onErrorResume(error -> {
                    (error instanceof MqttBufferFullException ? bufferFull : otherFailures).incrementAndGet();
                    System.out.println("stream " + stream + " failed: " + error);
                    return Mono.empty();
                });
    }
}
