package io.mqttreactive.benchmarks.aliases;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttQos;
import io.mqttreactive.benchmarks.contestants.MqttReactiveContestant;
import io.mqttreactive.benchmarks.harness.Mosquitto;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.internal.client.NettyMqttClient;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import io.mqttreactive.netty.internal.transport.MqttConnector;
import io.mqttreactive.netty.internal.transport.ReactorNettyConnector;
import io.mqttreactive.options.FlowControlOptions;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * What MQTT 5 topic aliases save: one mqtt-reactive client (MQTT 5, at most 1,000 messages in flight) publishes a
 * stream of messages to one long topic, with outgoing topic aliases off and on in interleaved rounds, against a
 * mosquitto started for the run (which grants 10 aliases by default). The bytes are counted at the client, as the
 * connection encoded them ({@link MqttChannel#writtenBytes()}), from after CONNECT to the last acknowledgement, and
 * divided by the messages: the PUBLISH packets on a TCP connection. The throughput runs from the first publish to
 * the last acknowledgement (for QoS 0, to the last write). The table gives medians.
 */
@Command(name = "bench aliases", mixinStandardHelpOptions = true,
        description = "Measures the bytes per PUBLISH and the throughput with and without MQTT 5 topic aliases.")
public final class TopicAliasSavings implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Option(names = "--messages", defaultValue = "200000", description = "Messages per round (default: 200,000).")
    int messages;

    @Option(names = "--qos", defaultValue = "1", description = "QoS of the messages (default: 1).")
    int qos;

    @Option(names = "--topic-bytes", defaultValue = "100", description = "Length of the topic (default: 100).")
    int topicBytes;

    @Option(names = "--payload-bytes", defaultValue = "64", description = "Payload size (default: 64).")
    int payloadBytes;

    @Option(names = "--repeat", defaultValue = "5", description = "Rounds of each kind, interleaved (default: 5).")
    int repeat;

    @Option(names = "--mosquitto", defaultValue = "/usr/sbin/mosquitto", description = "The broker executable.")
    String mosquitto;

    /** One round's result: the bytes the client wrote per message, the messages per second, the broker's grant. */
    private record Outcome(double bytesPerMessage, double rate, int brokerAliasMaximum) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TopicAliasSavings()).execute(args));
    }

    @Override
    public Integer call() {
        String topic = topic(topicBytes);
        MqttMessage message = MqttMessage.of(topic, new byte[payloadBytes], MqttQos.fromCode(qos));
        List<Outcome> without = new ArrayList<>();
        List<Outcome> with = new ArrayList<>();
        LoopResources loops = LoopResources.create("bench-aliases", 1, true);
        try (Mosquitto broker = Mosquitto.start(mosquitto)) {
            System.out.printf(Locale.ROOT, "mosquitto pid %d on port %d; %,d messages of %d B at QoS %d per round, "
                    + "topic of %d B%n", broker.pid(), broker.port(), messages, payloadBytes, qos, topicBytes);
            EventLoop loop = loops.onClient(true).next();
            System.out.println("warm-up");
            round(broker, loop, message, false, Math.max(1, messages / 4), "aliases-warmup-off");
            round(broker, loop, message, true, Math.max(1, messages / 4), "aliases-warmup-on");
            for (int i = 1; i <= repeat; i++) {
                without.add(report("off", round(broker, loop, message, false, messages, "aliases-off-" + i)));
                with.add(report("on ", round(broker, loop, message, true, messages, "aliases-on-" + i)));
            }
        } finally {
            loops.disposeLater().block(TIMEOUT);
        }
        System.out.println();
        System.out.println(table(without, with));
        return 0;
    }

    private static Outcome report(String label, Outcome outcome) {
        System.out.printf(Locale.ROOT, "  aliases %s: %.1f B per PUBLISH, %.0f msg/s (broker grants %d aliases)%n",
                label, outcome.bytesPerMessage(), outcome.rate(), outcome.brokerAliasMaximum());
        return outcome;
    }

    private static Outcome round(Mosquitto broker, EventLoop loop, MqttMessage message, boolean aliases,
            int count, String clientId) {
        MqttClientOptions base = MqttReactiveContestant.options(broker.host(), broker.port(), clientId,
                Mosquitto.INFLIGHT_WINDOW);
        FlowControlOptions flow = base.flowControl().mutate()
                .outgoingTopicAliasMaximum(aliases ? FlowControlOptions.DEFAULT_OUTGOING_TOPIC_ALIAS_MAXIMUM : 0)
                .build();
        AtomicReference<MqttChannel> connection = new AtomicReference<>();
        MqttConnector counting = (options, eventLoop, decodeContext, encodeContext) -> ReactorNettyConnector.INSTANCE
                .connect(options, eventLoop, decodeContext, encodeContext).doOnNext(connection::set);
        MqttClient client = new NettyMqttClient(base.mutate().flowControl(flow).build(), counting, loop);
        try {
            ConnectResult result = client.connect().block(TIMEOUT);
            long before = writtenBytes(connection.get());
            long start = System.nanoTime();
            Long published = client.publish(Flux.range(0, count).map(n -> message)).count().block(TIMEOUT);
            double seconds = (System.nanoTime() - start) / 1e9;
            long written = writtenBytes(connection.get()) - before;
            if (published == null || published != count) {
                throw new IllegalStateException("published " + published + " of " + count);
            }
            return new Outcome((double) written / count, count / seconds, result.topicAliasMaximum());
        } finally {
            client.disconnect().onErrorResume(e -> Mono.empty()).block(TIMEOUT);
            client.close().block(TIMEOUT);
        }
    }

    /** Reads the connection's counter on its event loop, where it is written. */
    private static long writtenBytes(MqttChannel channel) {
        try {
            return channel.eventLoop().submit(channel::writtenBytes).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the written bytes", e);
        }
    }

    /** A topic of exactly {@code length} ASCII bytes, shaped like a deep device topic. */
    static String topic(int length) {
        StringBuilder topic = new StringBuilder("factory-7/building-3/line-12/station-4/device-");
        while (topic.length() < length) {
            topic.append("telemetry/temperature/celsius/");
        }
        topic.setLength(length);
        if (topic.charAt(length - 1) == '/') {
            topic.setCharAt(length - 1, 'x');
        }
        return topic.toString();
    }

    private static String table(List<Outcome> without, List<Outcome> with) {
        double bytesOff = median(without.stream().map(Outcome::bytesPerMessage).toList());
        double bytesOn = median(with.stream().map(Outcome::bytesPerMessage).toList());
        StringBuilder table = new StringBuilder("| topic aliases | bytes per PUBLISH | throughput (msg/s, median, min–max) "
                + "| client to broker (MB/s) |\n|---|---|---|---|\n");
        row(table, "off", without, bytesOff);
        row(table, "on (" + with.get(0).brokerAliasMaximum() + " granted)", with, bytesOn);
        table.append(String.format(Locale.ROOT, "%nAliases save %.1f B per PUBLISH (%.0f %%).",
                bytesOff - bytesOn, 100 * (bytesOff - bytesOn) / bytesOff));
        return table.toString();
    }

    private static void row(StringBuilder table, String label, List<Outcome> outcomes, double bytes) {
        List<Double> rates = outcomes.stream().map(Outcome::rate).sorted().toList();
        double rate = median(rates);
        table.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f (%.0f–%.0f) | %.2f |%n", label, bytes, rate,
                rates.get(0), rates.get(rates.size() - 1), rate * bytes / 1e6));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
