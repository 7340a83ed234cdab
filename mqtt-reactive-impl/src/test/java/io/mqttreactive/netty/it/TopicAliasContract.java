package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishReasonCode;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.LinkTraffic;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.TcpProxy;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.SessionOptions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Outgoing topic aliases (MQTT 5.0 section 3.3.2.3.4) against a real broker: messages published over more topics
 * than the aliases the publisher may use arrive at a subscriber on their own topics, in order, while the
 * publisher's bytes, recorded by a {@link TcpProxy} and decoded, show alias-only packets, aliases given to new
 * topics, none above the broker's Topic Alias Maximum and every alias set up on the connection that uses it.
 * Each message's payload is its number, four bytes.
 */
abstract class TopicAliasContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final int TOPICS = 20;
    private static final int ALIASES = 8;

    private final String run = Long.toString(SEQUENCE.incrementAndGet(), 36)
            + Long.toString(System.nanoTime() % 1_000_000, 36);
    private final List<MqttClient> clients = new ArrayList<>();

    abstract MqttTestBroker broker();

    /** The Topic Alias Maximum the broker grants by default. */
    abstract int brokersTopicAliasMaximum();

    @AfterEach
    void closeClients() {
        clients.forEach(client -> client.close().block(TIMEOUT));
    }

    @Test
    @DisplayName("1,000 QoS 1 messages over 20 topics, published with at most 8 aliases, arrive on their topics in "
            + "order; the wire shows alias-only packets and least-recently-used replacement, never an alias above "
            + "the broker's maximum [MQTT-3.2.2-17] [MQTT-3.3.2-8] [MQTT-3.3.2-9] (5.0)")
    void aliasedMessagesArriveOnTheirTopicsInOrder() {
        int count = 1_000;
        List<String> topics = topicsForMessages(count);
        MqttClient subscriber = connect(options("sub", broker().port(MqttTestBroker.Listener.TCP)).build());
        Received<MqttMessage> received = TestClients.subscribe(subscriber, topicRoot() + "#", MqttQos.AT_LEAST_ONCE);
        try (TcpProxy proxy = TcpProxy.start(broker().port(MqttTestBroker.Listener.TCP))) {
            proxy.recordTraffic();
            MqttClient publisher = clientFor(options("pub", proxy.port()).build());
            ConnectResult result = publisher.connect().block(TIMEOUT);
            assertThat(result.topicAliasMaximum()).isEqualTo(brokersTopicAliasMaximum());

            publisher.publish(Flux.range(0, count).map(n -> message(topics, n))).blockLast(TIMEOUT);

            for (int n = 0; n < count; n++) {
                MqttMessage message = received.next();
                assertThat(number(message.payload())).as("message in order").isEqualTo(n);
                assertThat(message.topic().value()).isEqualTo(topics.get(n));
            }
            WireAliases wire = WireAliases.check(proxy.recordedTraffic(), topics);
            assertThat(wire.highestAlias()).isEqualTo(Math.min(ALIASES, brokersTopicAliasMaximum()));
            assertThat(wire.aliasOnly()).as("alias-only PUBLISH packets").isGreaterThan(count / 2);
            assertThat(wire.replacements()).as("aliases given to another topic").isPositive();
        }
    }

    @Test
    @DisplayName("a link stalled, then cut, while messages are in flight: the new connection sets its aliases up "
            + "again, re-sent PUBLISH packets (DUP) carry their topic name and no alias, and every message arrives on "
            + "its topic [MQTT-3.3.2-7] [MQTT-4.4.0-1] (5.0)")
    void aliasesStartAgainOnANewConnection() {
        int count = 400;
        List<String> topics = topicsForMessages(count);
        MqttClient subscriber = connect(options("sub", broker().port(MqttTestBroker.Listener.TCP)).build());
        Received<MqttMessage> received = TestClients.subscribe(subscriber, topicRoot() + "#", MqttQos.AT_LEAST_ONCE);
        try (TcpProxy proxy = TcpProxy.start(broker().port(MqttTestBroker.Listener.TCP))) {
            proxy.recordTraffic();
            MqttClient publisher = connect(options("pub", proxy.port())
                    .session(SessionOptions.DEFAULT.withSessionExpiryInterval(Duration.ofMinutes(1)))
                    .reconnect(MqttClientOptions.builder().build().reconnect()
                            .withDelay(ReconnectDelay.constant(Duration.ofMillis(100))))
                    .build());
            List<PublishResult> results = new ArrayList<>(publisher
                    .publish(Flux.range(0, count / 2).map(n -> message(topics, n))).collectList().block(TIMEOUT));
            proxy.stallOpenLinks();
            CompletableFuture<List<PublishResult>> rest = publisher
                    .publish(Flux.range(count / 2, count - count / 2).map(n -> message(topics, n)))
                    .collectList().toFuture();
            // the client writes what its send quota allows into the stalled link at once; none is acknowledged, so
            // all of it is in flight when the link is cut, and goes again, with DUP, on the next connection
            sleep(Duration.ofMillis(300));
            proxy.cut();
            assertThat(rest).succeedsWithin(TIMEOUT);
            results.addAll(rest.join());
            assertThat(results).hasSize(count);
            List<LinkTraffic> links = proxy.recordedTraffic();
            assertThat(links).hasSizeGreaterThanOrEqualTo(2);
            WireAliases wire = WireAliases.check(links, topics);
            assertThat(wire.aliasOnly()).isPositive();
            assertThat(wire.resent()).as("PUBLISH packets re-sent with DUP").isPositive();
            assertThat(results).filteredOn(result -> result.reasonCode() != PublishReasonCode.SUCCESS)
                    .as("publishes the broker had no subscriber for").isEmpty();

            Map<Integer, String> arrived = new HashMap<>();
            while (arrived.size() < count) {
                MqttMessage message = received.next();
                arrived.put(number(message.payload()), message.topic().value());
            }
            for (int n = 0; n < count; n++) {
                assertThat(arrived.get(n)).isEqualTo(topics.get(n));
            }
        }
    }

    /**
     * The topic of each message: seven in ten go to four busy topics, the others to sixteen quiet ones, so that
     * aliases are both reused and handed on.
     */
    private List<String> topicsForMessages(int count) {
        Random random = new Random(20_261_207);
        List<String> topics = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int topic = random.nextInt(10) < 7 ? random.nextInt(4) : 4 + random.nextInt(TOPICS - 4);
            topics.add(topicRoot() + "building-" + topic + "/floor-3/room-42/sensor/temperature/celsius");
        }
        return topics;
    }

    private String topicRoot() {
        return "alias/" + run + "/";
    }

    private MqttClientOptions.Builder options(String role, int port) {
        return MqttClientOptions.builder().serverHost("127.0.0.1").serverPort(port).version(MqttVersion.MQTT_5_0)
                .clientId("alias-" + role + "-" + run)
                .flowControl(FlowControlOptions.builder().outgoingTopicAliasMaximum(ALIASES).build());
    }

    private MqttClient clientFor(MqttClientOptions options) {
        MqttClient client = MqttClients.create(options);
        clients.add(client);
        return client;
    }

    private MqttClient connect(MqttClientOptions options) {
        MqttClient client = clientFor(options);
        client.connect().block(TIMEOUT);
        return client;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static MqttMessage message(List<String> topics, int n) {
        return MqttMessage.of(topics.get(n), ByteBuffer.allocate(4).putInt(n).array(), MqttQos.AT_LEAST_ONCE);
    }

    private static int number(byte[] payload) {
        return ByteBuffer.wrap(payload).getInt();
    }

    /**
     * Replays the publisher's PUBLISH packets link by link as the broker reads them, with a fresh alias table per
     * link: an alias-only packet must name an alias set up before on its link, and resolve to its message's
     * topic; a re-sent (DUP) packet must carry its topic name and no alias. Counts the alias-only packets, the
     * aliases set up again for another topic and the re-sent packets, and keeps the highest alias, which the test
     * holds against the maximum.
     */
    private record WireAliases(int aliasOnly, int replacements, int highestAlias, int resent) {

        static WireAliases check(List<LinkTraffic> links, List<String> topics) {
            int aliasOnly = 0;
            int replacements = 0;
            int highest = 0;
            int resent = 0;
            for (LinkTraffic link : links) {
                Map<Integer, String> table = new HashMap<>();
                for (MqttPacket packet : LinkTrace.packets(link.toServer())) {
                    if (!(packet instanceof PublishPacket publish)) {
                        continue;
                    }
                    String expected = topics.get(number(publish.payload()));
                    int alias = publish.topicAlias();
                    if (publish.dup()) {
                        assertThat(publish.topic()).as("re-sent PUBLISH").isEqualTo(expected);
                        assertThat(alias).as("alias of a re-sent PUBLISH").isZero();
                        resent++;
                    } else if (alias != 0 && publish.topic().isEmpty()) {
                        assertThat(table).as("aliases set up on link " + link.index()).containsKey(alias);
                        assertThat(table.get(alias)).isEqualTo(expected);
                        aliasOnly++;
                    } else {
                        assertThat(publish.topic()).isEqualTo(expected);
                        if (alias != 0) {
                            String before = table.put(alias, expected);
                            if (before != null && !before.equals(expected)) {
                                replacements++;
                            }
                        }
                    }
                    highest = Math.max(highest, alias);
                }
            }
            return new WireAliases(aliasOnly, replacements, highest, resent);
        }
    }
}
