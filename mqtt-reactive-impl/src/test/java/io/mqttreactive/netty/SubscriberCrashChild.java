package io.mqttreactive.netty;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.AcknowledgeableMessage;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/**
 * The subscriber of {@link SubscriberCrashContract}, run in a child JVM: a client with a {@link FileSessionStore}
 * (wrapped in an {@link InboundReportingStore}), clean start off, a session that outlives the connection and no
 * reconnect, so that what it was sent survives its death in the broker's session and in the store.
 *
 * <p>Arguments: the store directory, the broker's port, the {@link MqttVersion} name, the client identifier,
 * the topic filter, the role ({@value #FIRST} or {@value #SECOND}), and for the first role how many messages to
 * request and how many of those to acknowledge. Every message payload is its sequence number; each message that
 * reaches the application is printed as {@code received <seq>}, flushed.
 * <ul>
 *   <li>{@value #FIRST}: subscribes to the filter at QoS 2 with manual acknowledgement, then connects, so that
 *       what the broker queued in the session goes to that subscription; requests only the given number of
 *       messages, so the rest wait without demand; acknowledges nothing but the barrier (payload
 *       {@value #BARRIER}, see {@link SubscriberCrashContract}) until it reads
 *       {@value #ACKNOWLEDGE} on its standard input, then acknowledges the given number of received messages
 *       in order, printing {@code acknowledged <seq>} for each, and {@value #ACKNOWLEDGE_DONE}. It then waits to
 *       be killed.</li>
 *   <li>{@value #SECOND}: takes what the first left in the broker's session and the store: prints the messages
 *       that arrive before its subscription is back ({@link MqttClient#unsolicitedMessages()}) and those of a
 *       new subscription to the filter, acknowledged as they are emitted; on {@value #CLOSE} closes the client
 *       and the store and prints {@value #CLOSED}.</li>
 * </ul>
 * Both print {@code connected, session present <bool>} and {@value #SUBSCRIBED}, and end when their standard
 * input ends.
 */
public final class SubscriberCrashChild {

    static final String FIRST = "first";
    static final String SECOND = "second";
    static final String CONNECTED = "connected, session present ";
    static final String SUBSCRIBED = "subscribed";
    static final String RECEIVED = "received ";
    static final String ACKNOWLEDGE = "acknowledge";
    static final String ACKNOWLEDGED = "acknowledged ";
    static final String ACKNOWLEDGE_DONE = "acknowledge done";
    static final String CLOSE = "close";
    static final String CLOSED = "closed";
    static final String BARRIER = "0";
    static final String BARRIER_ACKNOWLEDGED = "barrier acknowledged";

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private SubscriberCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        MqttVersion version = MqttVersion.valueOf(args[2]);
        String clientId = args[3];
        String filter = args[4];
        boolean first = args[5].equals(FIRST);

        FileSessionStore fileStore = FileSessionStore.open(directory);
        MqttClient client = MqttClients.create(MqttClientOptions.builder()
                .serverHost("127.0.0.1").serverPort(port).version(version).clientId(clientId)
                .session(new SessionOptions(false, Duration.ofMinutes(5),
                        Optional.of(new InboundReportingStore(fileStore, System.out::println))))
                .reconnect(ReconnectOptions.DISABLED)
                .build());
        client.events().subscribe(SubscriberCrashChild::printUnexpected);
        var subscribed = client.events().ofType(MqttClientEvent.Subscribed.class).next().toFuture();
        List<AcknowledgeableMessage> received = new ArrayList<>();
        if (first) {
            client.subscribeAcknowledged(filter, MqttQos.EXACTLY_ONCE)
                    .subscribe(new Holding(Integer.parseInt(args[6]), received));
            connect(client);
        } else {
            client.unsolicitedMessages().subscribe(SubscriberCrashChild::print);
            connect(client);
            client.subscribe(filter, MqttQos.EXACTLY_ONCE).subscribe(SubscriberCrashChild::print);
        }
        System.out.println(SUBSCRIBED + " " + subscribed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).result());

        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            if (command.equals(ACKNOWLEDGE)) {
                acknowledge(received, Integer.parseInt(args[7]));
            } else if (command.equals(CLOSE)) {
                client.close().block(TIMEOUT);
                fileStore.close();
                System.out.println(CLOSED);
            }
        }
        System.exit(0);
    }

    private static void connect(MqttClient client) {
        System.out.println(CONNECTED + client.connect().block(TIMEOUT).sessionPresent());
    }

    private static void acknowledge(List<AcknowledgeableMessage> received, int count) {
        List<AcknowledgeableMessage> toAcknowledge;
        synchronized (received) {
            toAcknowledge = List.copyOf(received.subList(0, count));
        }
        Flux.fromIterable(toAcknowledge)
                .concatMap(message -> message.acknowledge().thenReturn(message))
                .doOnNext(message -> System.out.println(ACKNOWLEDGED + message.message().payloadAsString()))
                .blockLast(TIMEOUT);
        System.out.println(ACKNOWLEDGE_DONE);
    }

    private static void print(MqttMessage message) {
        System.out.println(RECEIVED + message.payloadAsString());
    }

    private static void printUnexpected(MqttClientEvent event) {
        if (event instanceof MqttClientEvent.SessionRestored
                || event instanceof MqttClientEvent.SessionStoreFailed
                || event instanceof MqttClientEvent.Disconnected
                || event instanceof MqttClientEvent.MessageDropped) {
            System.out.println("event " + event);
        }
    }

    /**
     * Requests a fixed number of messages and keeps them, unacknowledged; the rest wait without demand. The
     * barrier message is acknowledged at once and does not count.
     */
    private static final class Holding extends BaseSubscriber<AcknowledgeableMessage> {

        private final int demand;
        private final List<AcknowledgeableMessage> received;

        Holding(int demand, List<AcknowledgeableMessage> received) {
            this.demand = demand;
            this.received = received;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            request(demand);
        }

        @Override
        protected void hookOnNext(AcknowledgeableMessage message) {
            if (message.message().payloadAsString().equals(BARRIER)) {
                message.acknowledge().subscribe();
                System.out.println(BARRIER_ACKNOWLEDGED);
                request(1);
                return;
            }
            synchronized (received) {
                received.add(message);
            }
            print(message.message());
        }
    }
}
