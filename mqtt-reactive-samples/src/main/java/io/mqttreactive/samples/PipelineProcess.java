package io.mqttreactive.samples;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.options.SessionOptions;
import io.mqttreactive.spi.SessionStore;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

/**
 * One run of the {@link AggregatingPipeline} as a process would run it, with what the process owns: its client
 * (a fixed client identifier, a persistent session, reconnect on), its durable session store, and its network
 * connection, which goes through a {@link CuttableLink} so that {@link #kill()} can end it the way a crash does.
 *
 * <p>{@link #start} opens the store and subscribes before connecting, so that the readings the broker kept in the
 * session, and the aggregates the store kept, are taken up at once. {@link #kill()} is the crash: the connection is
 * cut (no DISCONNECT reaches the broker, nothing more leaves), the store takes no more changes, and only then is
 * the client object closed, with no connection and no store left to act on. The next run opens the store from its
 * directory as the crash left it. {@link #stop()} is an orderly shutdown.
 *
 * <p>{@link #start}, {@link #kill()} and {@link #stop()} block: call them from {@code main} or a test.
 */
final class PipelineProcess {

    /** How long the broker keeps the session after the connection ends. */
    private static final Duration SESSION_EXPIRY = Duration.ofMinutes(5);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final int instance;
    private final CuttableLink link;
    private final SessionStore durableStore;
    private final DeadProcessStore store;
    private final MqttClient client;
    private final AtomicLong aggregatesPublished = new AtomicLong();
    private final AtomicReference<MqttClientEvent.SessionRestored> restored = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean ended;
    private ConnectResult connected;

    private PipelineProcess(int instance, CuttableLink link, SessionStore durableStore, DeadProcessStore store,
            MqttClient client) {
        this.instance = instance;
        this.link = link;
        this.durableStore = durableStore;
        this.store = store;
        this.client = client;
    }

    /**
     * Starts a run of the pipeline and waits until it is connected and the broker has acknowledged its subscription.
     *
     * @param instance   which start of the pipeline this is: 1, then 2 after a crash
     * @param broker     the broker's options, without TLS: the connection goes through a relay on the loopback
     * @param clientId   the pipeline's client identifier, the same for every run
     * @param storeDir   the durable store's directory, the same for every run
     * @param windowSize the most readings in a window
     * @param windowTime how long a window stays open at most
     * @return the running pipeline
     */
    static PipelineProcess start(int instance, MqttClientOptions broker, String clientId, Path storeDir,
            int windowSize, Duration windowTime) {
        SessionStore durableStore = DurableSessionStores.openFileStore(storeDir);
        DeadProcessStore store = new DeadProcessStore(durableStore);
        CuttableLink link = CuttableLink.open(broker.serverHost(), broker.serverPort());
        MqttClient client = MqttClients.create(broker.mutate()
                .serverHost(link.host())
                .serverPort(link.port())
                .clientId(clientId)
                .session(SessionOptions.DEFAULT.withCleanStart(false)
                        .withSessionExpiryInterval(SESSION_EXPIRY)
                        .withStore(store))
                .build());
        PipelineProcess process = new PipelineProcess(instance, link, durableStore, store, client);
        process.run(windowSize, windowTime);
        return process;
    }

    private void run(int windowSize, Duration windowTime) {
        client.events().ofType(MqttClientEvent.SessionRestored.class).subscribe(restored::set);
        Mono<MqttClientEvent.Subscribed> subscribed =
                client.events().ofType(MqttClientEvent.Subscribed.class).next().cache();
        subscribed.subscribe();
        new AggregatingPipeline(client, instance, windowSize, windowTime).run().subscribe(
                aggregate -> aggregatesPublished.incrementAndGet(),
                error -> {
                    if (!ended) {
                        failure.set(error);
                    }
                });
        connected = client.connect().block(TIMEOUT);
        subscribed.block(TIMEOUT);
    }

    /**
     * Crashes this run: cuts its connection, freezes its store as it is, then closes its client object.
     */
    void kill() {
        ended = true;
        link.cut();
        store.die();
        client.close().block(TIMEOUT);
        DurableSessionStores.close(durableStore);
    }

    /**
     * Stops this run in order: closes the client (DISCONNECT; the broker keeps the session until it expires), the
     * link and the store.
     */
    void stop() {
        ended = true;
        client.close().block(TIMEOUT);
        link.close();
        DurableSessionStores.close(durableStore);
    }

    int instance() {
        return instance;
    }

    /** @return whether the broker still had the session when this run connected */
    boolean sessionPresent() {
        return connected.sessionPresent();
    }

    /** @return how many unfinished aggregates this run found in the store and published again */
    int restoredPublishes() {
        MqttClientEvent.SessionRestored event = restored.get();
        return event == null ? 0 : event.outboundMessages();
    }

    /** @return how many aggregates this run published and acknowledged the readings of */
    long aggregatesPublished() {
        return aggregatesPublished.get();
    }

    /** @return what ended the pipeline before it was killed or stopped, or {@code null} */
    Throwable failure() {
        return failure.get();
    }
}
