package io.mqttreactive.netty.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.spi.SessionStore;
import io.mqttreactive.spi.StoredPublish;
import io.mqttreactive.spi.StoredPublish.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What every {@link SessionStore} of this module does, run against each of them: order of first store
 * ([MQTT-4.6.0-1]), replacement in place, state transitions, inbound identifiers, clear, isolation of client
 * identifiers, cold publishers applied in subscription order, bounds, signalled argument errors, and a
 * consistent state under concurrent callers.
 */
abstract class SessionStoreContract {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Returns a new, empty store with the given limits; the subclass closes it after the test. */
    abstract SessionStore newStore(SessionLimits limits);

    SessionStore newStore() {
        return newStore(SessionLimits.DEFAULT);
    }

    static List<StoredPublish> outbound(SessionStore store, String clientId) {
        return store.loadOutbound(clientId).collectList().block(TIMEOUT);
    }

    static List<Integer> inbound(SessionStore store, String clientId) {
        return store.loadInbound(clientId).collectList().block(TIMEOUT);
    }

    static void await(Mono<Void> operation) {
        operation.block(TIMEOUT);
    }

    @Test
    void outboundMessagesLoadInTheOrderTheyWereFirstStored_MQTT_4_6_0_1() {
        SessionStore store = newStore();
        List<StoredPublish> stored = List.of(StoreSamples.qos2(500, 1), StoreSamples.qos1(3, 2),
                StoreSamples.full(65_535, 3), StoreSamples.qos1(1, 4));
        stored.forEach(publish -> await(store.storeOutbound("c", publish)));

        assertThat(outbound(store, "c")).containsExactlyElementsOf(stored);
    }

    @Test
    void storingAStoredPacketIdReplacesTheMessageInPlace() {
        SessionStore store = newStore();
        await(store.storeOutbound("c", StoreSamples.qos1(1, 1)));
        await(store.storeOutbound("c", StoreSamples.qos1(2, 2)));
        await(store.storeOutbound("c", StoreSamples.qos1(3, 3)));

        await(store.storeOutbound("c", StoreSamples.qos2(2, 20)));

        assertThat(outbound(store, "c")).containsExactly(StoreSamples.qos1(1, 1), StoreSamples.qos2(2, 20),
                StoreSamples.qos1(3, 3));
    }

    @Test
    void aQos2StateTransitionKeepsThePositionSoPubrelIsResentInOrder_MQTT_4_4_0_1() {
        SessionStore store = newStore();
        StoredPublish first = StoreSamples.qos2(10, 1);
        StoredPublish second = StoreSamples.qos2(11, 2);
        await(store.storeOutbound("c", first));
        await(store.storeOutbound("c", second));

        await(store.storeOutbound("c", first.withState(State.AWAITING_PUBCOMP)));

        assertThat(outbound(store, "c")).containsExactly(first.withState(State.AWAITING_PUBCOMP), second);
        assertThat(outbound(store, "c").get(0).message()).isEqualTo(first.message());
    }

    @Test
    void storingExactlyWhatIsStoredChangesNothing() {
        SessionStore store = newStore();
        await(store.storeOutbound("c", StoreSamples.qos1(1, 1)));
        await(store.storeOutbound("c", StoreSamples.qos1(2, 2)));

        await(store.storeOutbound("c", StoreSamples.qos1(1, 1)));

        assertThat(outbound(store, "c")).containsExactly(StoreSamples.qos1(1, 1), StoreSamples.qos1(2, 2));
    }

    @Test
    void removingAnOutboundMessageFreesItsPlaceAndRemovingAnAbsentOneDoesNothing() {
        SessionStore store = newStore();
        await(store.storeOutbound("c", StoreSamples.qos1(1, 1)));
        await(store.storeOutbound("c", StoreSamples.qos1(2, 2)));

        await(store.removeOutbound("c", 1));
        await(store.removeOutbound("c", 7));
        await(store.removeOutbound("other", 2));
        await(store.storeOutbound("c", StoreSamples.qos1(1, 3)));

        assertThat(outbound(store, "c")).containsExactly(StoreSamples.qos1(2, 2), StoreSamples.qos1(1, 3));
    }

    @Test
    void inboundPacketIdsAreStoredOnceAndRemoved() {
        SessionStore store = newStore();
        await(store.storeInbound("c", 7));
        await(store.storeInbound("c", 65_535));
        await(store.storeInbound("c", 7));
        await(store.storeInbound("c", 1));
        await(store.removeInbound("c", 65_535));
        await(store.removeInbound("c", 9));

        assertThat(inbound(store, "c")).containsExactlyInAnyOrder(7, 1);
        assertThat(outbound(store, "c")).isEmpty();
    }

    @Test
    void clearDiscardsEverythingOfOneClientIdOnly() {
        SessionStore store = newStore();
        await(store.storeOutbound("a", StoreSamples.qos1(1, 1)));
        await(store.storeInbound("a", 5));
        await(store.storeOutbound("b", StoreSamples.qos2(1, 2)));
        await(store.storeInbound("b", 6));

        await(store.clear("a"));
        await(store.clear("never-used"));

        assertThat(outbound(store, "a")).isEmpty();
        assertThat(inbound(store, "a")).isEmpty();
        assertThat(outbound(store, "b")).containsExactly(StoreSamples.qos2(1, 2));
        assertThat(inbound(store, "b")).containsExactly(6);
        await(store.storeOutbound("a", StoreSamples.qos1(1, 3)));
        assertThat(outbound(store, "a")).containsExactly(StoreSamples.qos1(1, 3));
    }

    @Test
    void operationsAreColdAndApplyInTheOrderTheyAreSubscribed() throws Exception {
        SessionStore store = newStore();
        Mono<Void> neverSubscribed = store.storeOutbound("c", StoreSamples.qos1(9, 9));
        Mono<Void> store1 = store.storeOutbound("c", StoreSamples.qos2(1, 1));
        Mono<Void> store2 = store.storeOutbound("c", StoreSamples.qos1(2, 2));
        Mono<Void> advance1 = store.storeOutbound("c", StoreSamples.qos2(1, 1).withState(State.AWAITING_PUBCOMP));
        Mono<Void> remove2 = store.removeOutbound("c", 2);
        Mono<Void> store3 = store.storeOutbound("c", StoreSamples.qos1(3, 3));
        Mono<Void> inbound4 = store.storeInbound("c", 4);

        List<CompletableFuture<Void>> subscribed = new ArrayList<>();
        for (Mono<Void> operation : List.of(store1, store2, advance1, remove2, store3, inbound4)) {
            subscribed.add(operation.toFuture());
        }
        CompletableFuture.allOf(subscribed.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(outbound(store, "c")).containsExactly(
                StoreSamples.qos2(1, 1).withState(State.AWAITING_PUBCOMP), StoreSamples.qos1(3, 3));
        assertThat(inbound(store, "c")).containsExactly(4);
        assertThat(neverSubscribed).as("never subscribed, so packet id 9 was never stored").isNotNull();
    }

    @Test
    void aNewMessagePastTheMessageBoundIsRefusedWithATypedErrorAndStoresNothing() {
        SessionStore store = newStore(new SessionLimits(2, SessionLimits.DEFAULT_MAX_BYTES));
        await(store.storeOutbound("a", StoreSamples.qos2(1, 1)));
        await(store.storeOutbound("b", StoreSamples.qos1(1, 2)));

        StepVerifier.create(store.storeOutbound("a", StoreSamples.qos1(2, 3)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(MqttBufferFullException.class)
                        .hasMessageContaining("session store").extracting("capacity").isEqualTo(2))
                .verify(TIMEOUT);

        assertThat(outbound(store, "a")).containsExactly(StoreSamples.qos2(1, 1));
        await(store.storeOutbound("a", StoreSamples.qos2(1, 1).withState(State.AWAITING_PUBCOMP)));
        await(store.storeOutbound("b", StoreSamples.qos1(1, 5)));
        await(store.removeOutbound("b", 1));
        await(store.storeOutbound("a", StoreSamples.qos1(2, 3)));
        assertThat(outbound(store, "a")).containsExactly(StoreSamples.qos2(1, 1).withState(State.AWAITING_PUBCOMP),
                StoreSamples.qos1(2, 3));
    }

    @Test
    void aMessagePastTheByteBoundIsRefusedWithATypedError() {
        StoredPublish small = StoreSamples.qos1(1, 1);
        int smallSize = LogRecordCodec.outboundFrameSize("c", small.message());
        SessionStore store = newStore(new SessionLimits(100, 2 * smallSize + 10));
        await(store.storeOutbound("c", small));
        await(store.storeOutbound("c", StoreSamples.qos1(2, 2)));

        StepVerifier.create(store.storeOutbound("c", StoreSamples.qos1(3, 3)))
                .expectError(MqttBufferFullException.class).verify(TIMEOUT);
        StepVerifier.create(store.storeOutbound("c", StoreSamples.full(1, 1)))
                .as("replacing with a larger message that does not fit")
                .expectError(MqttBufferFullException.class).verify(TIMEOUT);

        assertThat(outbound(store, "c")).containsExactly(small, StoreSamples.qos1(2, 2));
        await(store.clear("c"));
        await(store.storeOutbound("c", StoreSamples.qos1(3, 3)));
        assertThat(outbound(store, "c")).containsExactly(StoreSamples.qos1(3, 3));
    }

    @Test
    void badArgumentsAreSignalledNeverThrown() {
        SessionStore store = newStore();

        StepVerifier.create(store.removeOutbound("c", 0)).expectError(IllegalArgumentException.class).verify(TIMEOUT);
        StepVerifier.create(store.storeInbound("c", 65_536)).expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        StepVerifier.create(store.removeInbound("c", -1)).expectError(IllegalArgumentException.class).verify(TIMEOUT);
        StepVerifier.create(store.storeOutbound(null, StoreSamples.qos1(1, 1))).expectError(NullPointerException.class)
                .verify(TIMEOUT);
        StepVerifier.create(store.storeOutbound("c", null)).expectError(NullPointerException.class).verify(TIMEOUT);
        StepVerifier.create(store.storeOutbound("bad \uDC00", StoreSamples.qos1(1, 1)))
                .expectError(IllegalArgumentException.class).verify(TIMEOUT);
        StepVerifier.create(store.loadOutbound(null)).expectError(NullPointerException.class).verify(TIMEOUT);

        await(store.storeOutbound("c", StoreSamples.qos1(1, 1)));
        assertThat(outbound(store, "c")).containsExactly(StoreSamples.qos1(1, 1));
        assertThat(outbound(store, "bad \uDC00")).isEmpty();
    }

    @Test
    void concurrentCallersFromManyThreadsLeaveTheStateOfTheirOwnSequences() throws Exception {
        SessionStore store = newStore();

        List<Model> models = runConcurrently(store);

        assertMatches(store, models);
    }

    /** Runs {@link #runScript} on eight threads at once and returns their models. */
    static List<Model> runConcurrently(SessionStore store) throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Model>> scripts = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                scripts.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return runScript(store, thread);
                }));
            }
            start.countDown();
            List<Model> models = new ArrayList<>();
            for (Future<Model> script : scripts) {
                models.add(script.get(30, TimeUnit.SECONDS));
            }
            return models;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one thread did: the client id it used, its packet ids, and the state its operations leave. */
    record Model(String clientId, int firstPacketId, Map<Integer, StoredPublish> outbound, Set<Integer> inbound) {

        boolean owns(int packetId) {
            return packetId >= firstPacketId && packetId < firstPacketId + PACKET_IDS_PER_THREAD;
        }
    }

    static final int PACKET_IDS_PER_THREAD = 60;

    static void assertMatches(SessionStore store, List<Model> models) {
        for (Model model : models) {
            assertThat(outbound(store, model.clientId()).stream().filter(p -> model.owns(p.packetId())).toList())
                    .as("outbound of %s from %d", model.clientId(), model.firstPacketId())
                    .containsExactlyElementsOf(model.outbound().values());
            assertThat(inbound(store, model.clientId()).stream().filter(model::owns).toList())
                    .as("inbound of %s from %d", model.clientId(), model.firstPacketId())
                    .containsExactlyInAnyOrderElementsOf(model.inbound());
        }
    }

    /**
     * Threads 0 to 3 each use a client id of their own; threads 4 to 7 share one client id, each with packet
     * ids of its own. Each fires 2,000 random operations, subscribing to each without waiting for the one
     * before, and returns the state they leave, computed on a model.
     */
    static Model runScript(SessionStore store, int thread) throws Exception {
        boolean shared = thread >= 4;
        Model model = new Model(shared ? "shared" : "own-" + thread, 1 + thread * PACKET_IDS_PER_THREAD,
                new LinkedHashMap<>(), new LinkedHashSet<>());
        String clientId = model.clientId();
        Random random = new Random(thread);
        List<CompletableFuture<Void>> operations = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            int packetId = model.firstPacketId() + random.nextInt(PACKET_IDS_PER_THREAD);
            StoredPublish present = model.outbound().get(packetId);
            int choice = random.nextInt(10);
            Mono<Void> operation;
            if (choice < 4) {
                StoredPublish publish = random.nextBoolean() ? StoreSamples.qos1(packetId, i)
                        : StoreSamples.qos2(packetId, i);
                model.outbound().put(packetId, publish);
                operation = store.storeOutbound(clientId, publish);
            } else if (choice < 6 && present != null && present.message().qos() == MqttQos.EXACTLY_ONCE) {
                StoredPublish advanced = present.withState(State.AWAITING_PUBCOMP);
                model.outbound().put(packetId, advanced);
                operation = store.storeOutbound(clientId, advanced);
            } else if (choice < 8) {
                model.outbound().remove(packetId);
                operation = store.removeOutbound(clientId, packetId);
            } else if (choice < 9) {
                model.inbound().add(packetId);
                operation = store.storeInbound(clientId, packetId);
            } else {
                model.inbound().remove(packetId);
                operation = store.removeInbound(clientId, packetId);
            }
            operations.add(operation.toFuture());
        }
        CompletableFuture.allOf(operations.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        return model;
    }
}
