package io.mqttreactive.netty.it;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.ReconnectOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The subscriber of {@link HeapBoundIT}, run in a child JVM with a 128 MB heap: a client with default flow control
 * subscribes with QoS 1 and takes one message per {@value #SLOW_MILLIS} ms for a while, then as fast as it can until
 * it has every message, checking that sequence numbers arrive in order (a repeated one is a duplicate, at-least-once
 * allows it; a skipped one is a loss).
 *
 * <p>Arguments: the broker's port, the {@link MqttVersion} name, the topic, how many messages to expect and how long
 * the slow phase lasts in milliseconds. Prints {@code subscribed}, then during the slow phase every
 * {@value #SAMPLE_MILLIS} ms {@code heap <bytes used after System.gc()> received <n>}, then {@code fast}, and at the
 * end {@code done <distinct> duplicates <n> gaps <n>}, or {@code failed <cause>}.
 */
public final class HeapBoundSubscriberChild {

    static final String SUBSCRIBED = "subscribed";
    static final String HEAP = "heap ";
    static final String FAST = "fast";
    static final String DONE = "done ";
    static final long SLOW_MILLIS = 10;
    static final long SAMPLE_MILLIS = 2_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SLOW = Duration.ofMillis(SLOW_MILLIS);

    private static final AtomicLong next = new AtomicLong();
    private static final AtomicLong duplicates = new AtomicLong();
    private static final AtomicLong gaps = new AtomicLong();
    private static volatile boolean slow = true;

    private HeapBoundSubscriberChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        MqttVersion version = MqttVersion.valueOf(args[1]);
        String topic = args[2];
        long total = Long.parseLong(args[3]);
        long slowPhaseMillis = Long.parseLong(args[4]);

        MqttClient client = MqttClients.create(MqttClientOptions.builder()
                .serverHost("127.0.0.1").serverPort(port).version(version).clientId("heap-bound-" + version)
                .reconnect(ReconnectOptions.DISABLED)
                .build());
        System.out.println("max heap " + Runtime.getRuntime().maxMemory() + " maximum packet size "
                + FlowControlOptions.DEFAULT_MAXIMUM_PACKET_SIZE);
        client.events().filter(event -> !(event instanceof MqttClientEvent.Subscribed))
                .subscribe(event -> System.out.println("event " + event));
        client.connect().block(TIMEOUT);

        CountDownLatch finished = new CountDownLatch(1);
        Disposable subscription = client.subscribe(topic, MqttQos.AT_LEAST_ONCE)
                .concatMap(message -> slow ? Mono.delay(SLOW).thenReturn(message) : Mono.just(message), 1)
                .subscribe(message -> {
                    take(message);
                    if (next.get() == total) {
                        finished.countDown();
                    }
                }, error -> {
                    System.out.println("failed " + error);
                    finished.countDown();
                });
        client.events().ofType(MqttClientEvent.Subscribed.class).next().block(TIMEOUT);
        System.out.println(SUBSCRIBED);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long slowUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(slowPhaseMillis);
        while (System.nanoTime() < slowUntil) {
            Thread.sleep(Math.min(SAMPLE_MILLIS, TimeUnit.NANOSECONDS.toMillis(slowUntil - System.nanoTime()) + 1));
            System.gc();
            System.out.println(HEAP + memory.getHeapMemoryUsage().getUsed() + " received " + next.get());
        }
        slow = false;
        System.out.println(FAST);
        finished.await(2, TimeUnit.MINUTES);
        System.out.println(DONE + next.get() + " duplicates " + duplicates.get() + " gaps " + gaps.get());
        subscription.dispose();
        client.close().block(TIMEOUT);
    }

    private static void take(MqttMessage message) {
        long sequence = message.payloadAsBuffer().getLong();
        long expected = next.get();
        if (sequence < expected) {
            duplicates.incrementAndGet();
        } else {
            if (sequence > expected) {
                gaps.incrementAndGet();
                System.out.println("gap: expected " + expected + ", received " + sequence);
            }
            next.set(sequence + 1);
        }
    }
}
