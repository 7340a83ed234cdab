package io.mqttreactive.benchmarks.connections;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.benchmarks.contestants.MqttReactiveContestant;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.MqttMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Scenario 4, in a JVM of its own (the harness starts it with {@code -Xmx512m}): many mqtt-reactive clients, each
 * subscribed to its own topic with keep-alive 60 s. Prints one {@code RESULT|metric|unit|value} line per result.
 */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = "Connects many mqtt-reactive clients in one JVM and reports time, heap and threads.")
public final class ManyConnections implements Callable<Integer> {

    private static final int CONNECT_CONCURRENCY = 100;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Option(names = "--host", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", required = true)
    int port;

    @Option(names = "--clients", defaultValue = "1000")
    int clients;

    @Option(names = "--class-histogram", description = "Print the 30 largest classes on the heap once connected.")
    boolean classHistogram;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ManyConnections()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        closeAll(connectAll(0, 1, new CountDownLatch(1)));
        long heapBefore = usedHeapAfterGc();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        CountDownLatch delivered = new CountDownLatch(clients);
        long start = System.nanoTime();
        List<MqttClient> connected = connectAll(1, clients, delivered);
        double connectSeconds = (System.nanoTime() - start) / 1e9;
        result("time to connect and subscribe all", "s", connectSeconds);
        long heapAfter = usedHeapAfterGc();
        if (classHistogram) {
            printClassHistogram();
        }
        result("heap per idle connection", "KiB", (heapAfter - heapBefore) / 1024.0 / clients);
        result("threads with the clients", "threads",
                ManagementFactory.getThreadMXBean().getThreadCount());
        result("threads before the clients", "threads", threadsBefore);
        long roundTripStart = System.nanoTime();
        Flux.range(0, connected.size())
                .flatMap(i -> connected.get(i).publish(MqttMessage.of(topic(i + 1), new byte[16],
                        MqttQos.AT_LEAST_ONCE)), CONNECT_CONCURRENCY * 10)
                .then()
                .block(TIMEOUT);
        boolean all = delivered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        result("one round trip to every client", "s", (System.nanoTime() - roundTripStart) / 1e9);
        result("clients that got their message", "clients", clients - delivered.getCount());
        closeAll(connected);
        return all ? 0 : 1;
    }

    private List<MqttClient> connectAll(int first, int count, CountDownLatch delivered) {
        return Flux.range(first, count)
                .flatMap(i -> connect(i, delivered), CONNECT_CONCURRENCY)
                .collectList()
                .block(TIMEOUT);
    }

    private Mono<MqttClient> connect(int index, CountDownLatch delivered) {
        MqttClient client = MqttClients.create(MqttReactiveContestant.options(host, port, "conn-" + index, 16));
        Mono<MqttClientEvent> subscribed = client.events()
                .filter(event -> event instanceof MqttClientEvent.Subscribed)
                .next();
        return client.connect()
                .then(Mono.defer(() -> {
                    Mono<MqttClientEvent> confirmation = subscribed.cache();
                    confirmation.subscribe();
                    client.subscribe(topic(index), MqttQos.AT_LEAST_ONCE).subscribe(message -> delivered.countDown());
                    return confirmation;
                }))
                .thenReturn(client);
    }

    private static String topic(int index) {
        return "bench/connections/" + index;
    }

    private static void closeAll(List<MqttClient> clients) {
        Flux.fromIterable(clients)
                .flatMap(client -> client.disconnect().onErrorResume(e -> Mono.empty()).then(client.close()),
                        CONNECT_CONCURRENCY)
                .then()
                .block(TIMEOUT);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void printClassHistogram() throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process histogram = new ProcessBuilder(jcmd, String.valueOf(ProcessHandle.current().pid()),
                "GC.class_histogram").redirectErrorStream(true).start();
        try (BufferedReader lines = histogram.inputReader()) {
            lines.lines().limit(33).forEach(System.err::println);
        }
        histogram.waitFor();
    }

    private static void result(String metric, String unit, double value) {
        System.out.println(String.format(Locale.ROOT, "RESULT|%s|%s|%.3f", metric, unit, value));
    }
}
