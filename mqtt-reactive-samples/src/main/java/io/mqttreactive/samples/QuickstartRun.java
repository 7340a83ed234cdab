package io.mqttreactive.samples;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.SubscribeResult;
import io.mqttreactive.options.Transport;
import io.mqttreactive.spi.PayloadCodec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * One run of the quickstart: a fleet of {@link SimulatedDevice}s publishing telemetry and a dashboard client
 * summarizing it with a {@link TelemetryAggregator}, against the given broker or an {@link EmbeddedBroker}.
 *
 * <p>{@link #run()} blocks the calling thread, which must not be an event loop, until the run is over: it waits
 * for connections, for the run's duration (or the shutdown signal) and for the last messages to arrive. All the
 * messaging itself is non-blocking; tables are printed on a {@code boundedElastic} thread, never on an event
 * loop. Every client is closed when {@code run()} returns or throws.
 */
final class QuickstartRun {

    /** The dashboard's subscription: the telemetry of every device. */
    static final String FILTER = "fleet/+/telemetry";

    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DELIVERY_POLL = Duration.ofMillis(20);

    private final QuickstartSettings settings;
    private final PrintWriter out;
    private final Mono<Void> shutdown;
    private final Clock clock;
    private final PayloadCodec<Telemetry> codec = PayloadCodec.json(Telemetry.class);

    /**
     * Prepares a run.
     *
     * @param settings what to run
     * @param out      where to print the progress and the tables
     * @param shutdown completes to end the run early, for example on Ctrl-C
     * @param clock    the clock of timestamps and windows
     */
    QuickstartRun(QuickstartSettings settings, PrintWriter out, Mono<Void> shutdown, Clock clock) {
        this.settings = settings;
        this.out = out;
        this.shutdown = shutdown;
        this.clock = clock;
    }

    RunReport run() {
        if (settings.broker().isPresent()) {
            MqttClientOptions broker = settings.broker().get();
            return runAgainst(broker, address(broker));
        }
        println("Starting an embedded HiveMQ CE broker...");
        EmbeddedBroker broker = EmbeddedBroker.start(OPERATION_TIMEOUT);
        try {
            return runAgainst(MqttClientOptions.parse(broker.uri()), "embedded HiveMQ CE at " + broker.uri());
        } finally {
            println("Stopping the embedded broker...");
            broker.close();
        }
    }

    private RunReport runAgainst(MqttClientOptions broker, String brokerName) {
        MqttVersion version = settings.version().orElse(broker.version());
        MqttClientOptions options = broker.mutate().version(version).build();
        String clientIdPrefix = String.format("quickstart-%04x-", ThreadLocalRandom.current().nextInt(0x10000));
        List<MqttClient> clients = new ArrayList<>();
        try {
            MqttClient dashboard = createClient(options, clientIdPrefix + "dashboard", brokerName, clients);
            List<SimulatedDevice> devices = new ArrayList<>();
            for (int number = 1; number <= settings.devices(); number++) {
                String deviceId = String.format("dev-%02d", number);
                MqttClient client = createClient(options, clientIdPrefix + deviceId, brokerName, clients);
                devices.add(new SimulatedDevice(deviceId, number, client, codec));
            }
            printIntroduction(brokerName, version);
            return runFleet(dashboard, devices, brokerName);
        } finally {
            Flux.fromIterable(clients)
                    .flatMap(client -> client.close().onErrorResume(e -> Mono.empty()))
                    .then()
                    .timeout(OPERATION_TIMEOUT, Mono.empty())
                    .block();
        }
    }

    private static MqttClient createClient(MqttClientOptions options, String clientId, String brokerName,
            List<MqttClient> clients) {
        try {
            MqttClient client = MqttClients.create(options.mutate().clientId(clientId).build());
            clients.add(client);
            return client;
        } catch (IllegalStateException e) {
            throw new QuickstartException("No client for the " + brokerName + ": " + e.getMessage(), e);
        }
    }

    private RunReport runFleet(MqttClient dashboard, List<SimulatedDevice> devices, String brokerName) {
        await(dashboard.connect(), "The dashboard cannot connect to the " + brokerName);
        TelemetryAggregator aggregator = new TelemetryAggregator(codec, settings.window(), clock);
        CompletableFuture<SubscribeResult> subscribed = dashboard.events()
                .ofType(MqttClientEvent.Subscribed.class)
                .map(MqttClientEvent.Subscribed::result)
                .next()
                .toFuture();
        CompletableFuture<FleetTotals> totals = aggregator.summarize(dashboard.subscribe(FILTER, MqttQos.AT_LEAST_ONCE))
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(summary -> print(SummaryTable.render(summary)))
                .reduceWith(FleetTotals::new, FleetTotals::add)
                .toFuture();
        await(Mono.firstWithSignal(Mono.fromFuture(subscribed, true),
                Mono.fromFuture(totals, true).then(Mono.error(() -> new IllegalStateException("it ended at once")))),
                "The dashboard cannot subscribe to " + FILTER);
        await(Flux.fromIterable(devices).flatMap(SimulatedDevice::connect).then(),
                "The devices cannot connect to the " + brokerName);
        println("Connected " + devices.size() + " devices and the dashboard; publishing for "
                + (settings.keepRunning() ? "ever (Ctrl-C stops)" : ConsoleText.duration(settings.duration())) + ".");

        Sinks.Empty<Void> stop = Sinks.empty();
        CompletableFuture<SortedMap<String, Long>> published = publishAll(devices, stop.asMono()).toFuture();
        Mono<Void> runTime = settings.keepRunning() ? Mono.never() : Mono.delay(settings.duration()).then();
        Mono.firstWithSignal(runTime, shutdown, Mono.fromFuture(published, true).then(),
                Mono.fromFuture(totals, true).then()).onErrorResume(e -> Mono.empty()).block();
        stop.tryEmitEmpty();

        SortedMap<String, Long> acknowledged = await(Mono.fromFuture(published, true), "Publishing failed");
        long expected = acknowledged.values().stream().mapToLong(Long::longValue).sum();
        awaitDelivery(aggregator, expected);
        await(dashboard.disconnect(), "The dashboard cannot disconnect");
        FleetTotals fleet = await(Mono.fromFuture(totals, true), "The dashboard failed");
        long dropped = devices.stream().mapToLong(SimulatedDevice::dropped).sum();
        RunReport report = new RunReport(acknowledged, new TreeMap<>(fleet.devices()), fleet.windows(), dropped,
                aggregator.rejected());
        printConclusion(report);
        return report;
    }

    private Mono<SortedMap<String, Long>> publishAll(List<SimulatedDevice> devices, Mono<Void> stop) {
        Duration period = settings.period();
        return Flux.fromIterable(devices)
                .index()
                .flatMap(numbered -> {
                    SimulatedDevice device = numbered.getT2();
                    Duration offset = period.multipliedBy(numbered.getT1()).dividedBy(devices.size());
                    return device.publish(period, offset, stop, clock)
                            .map(count -> Map.entry(device.deviceId(), count));
                })
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
                .map(counts -> (SortedMap<String, Long>) counts);
    }

    /** Gives the last acknowledged readings a moment to reach the dashboard before it disconnects. */
    private void awaitDelivery(TelemetryAggregator aggregator, long expected) {
        Flux.interval(DELIVERY_POLL)
                .filter(tick -> aggregator.received() >= expected)
                .next()
                .timeout(DELIVERY_TIMEOUT, Mono.empty())
                .block();
    }

    private void printIntroduction(String brokerName, MqttVersion version) {
        Telemetry example = new Telemetry("dev-01", 21.37, 48.2, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        println("Broker:    " + brokerName + ", MQTT " + ConsoleText.version(version));
        println("Devices:   " + settings.devices() + ", each with its own client, " + settings.rate()
                + " readings/s at QoS 1 to fleet/<device>/telemetry");
        println("Dashboard: subscribes to " + FILTER + " at QoS 1, summarizes every "
                + ConsoleText.duration(settings.window()));
        println("Payload:   " + new String(codec.encode(example), StandardCharsets.UTF_8)
                + (version.isMqtt5() ? codec.contentType().map(type -> " (" + type + ")").orElse("") : ""));
    }

    private void printConclusion(RunReport report) {
        String title = "Totals over " + SummaryTable.count(report.windows(), "window");
        print(SummaryTable.render(title, report.received()));
        println(String.format("Published %d readings at QoS 1, all acknowledged by the broker; the dashboard"
                + " received %d.%s%s", report.publishedCount(), report.receivedCount(),
                report.dropped() > 0 ? " Devices skipped " + report.dropped() + " readings their client could not"
                        + " take yet." : "",
                report.rejected() > 0 ? " " + report.rejected() + " payloads were not telemetry JSON." : ""));
        if (report.receivedCount() > report.publishedCount()) {
            println("The dashboard also received readings from other publishers to " + FILTER + " on this broker.");
        }
        if (!report.allDelivered()) {
            println("Warning: not every acknowledged reading reached the dashboard within "
                    + ConsoleText.duration(DELIVERY_TIMEOUT) + ".");
        }
    }

    private static String address(MqttClientOptions options) {
        boolean tls = options.tls().isPresent();
        String scheme = options.transport() == Transport.WEBSOCKET ? (tls ? "wss" : "ws") : (tls ? "mqtts" : "mqtt");
        String path = options.transport() == Transport.WEBSOCKET ? options.webSocket().path() : "";
        return "broker at " + scheme + "://" + options.serverHost() + ":" + options.serverPort() + path;
    }

    private static <T> T await(Mono<T> operation, String failure) {
        try {
            return operation.timeout(OPERATION_TIMEOUT).block();
        } catch (RuntimeException e) {
            Throwable cause = Exceptions.unwrap(e);
            throw new QuickstartException(failure + ": " + ConsoleText.error(cause, OPERATION_TIMEOUT), cause);
        }
    }

    private void print(String text) {
        out.print(text);
        out.flush();
    }

    private void println(String line) {
        out.println(line);
        out.flush();
    }
}
