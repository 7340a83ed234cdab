package io.mqttreactive.netty.internal.session;

import static io.mqttreactive.netty.internal.session.SessionStoreContract.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.netty.internal.session.LogConfig.Sync;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the store forces its writes to the device, per sync mode: {@code ALWAYS} before every operation
 * completes, sharing one force among the operations of a batch; {@code PERIODIC} after the operation completed,
 * within the interval; {@code NEVER} not on the write path. {@code close()} forces under every mode. The sync
 * listener runs on the store's thread after each force, so the tests count forces without timing.
 */
class LogSessionStoreSyncTest {

    @TempDir
    Path directory;

    private final AtomicInteger forces = new AtomicInteger();

    private LogConfig config(Sync sync, Duration interval) {
        return LogConfig.of(directory).withSync(sync, interval).withSyncListener(forces::incrementAndGet);
    }

    @Test
    void alwaysForcesBeforeEachOperationCompletes() throws Exception {
        try (LogSessionStore store = LogSessionStore.open(config(Sync.ALWAYS, Duration.ZERO))) {
            for (int id = 1; id <= 20; id++) {
                int expected = id;
                store.storeOutbound("c", StoreSamples.qos1(id, id))
                        .doOnSuccess(done -> assertThat(forces.get()).isEqualTo(expected)).block(TIMEOUT);
            }
            store.loadOutbound("c").blockLast(TIMEOUT);
            store.removeOutbound("c", 999).block(TIMEOUT);
            assertThat(forces.get()).as("operations that write nothing force nothing").isEqualTo(20);
        }
        assertThat(forces.get()).as("nothing left to force on close").isEqualTo(20);
    }

    @Test
    void alwaysSharesOneForceAmongTheOperationsQueuedTogether() throws Exception {
        CountDownLatch firstForced = new CountDownLatch(1);
        CountDownLatch queued = new CountDownLatch(1);
        LogConfig config = config(Sync.ALWAYS, Duration.ZERO).withSyncListener(() -> {
            if (forces.incrementAndGet() == 1) {
                firstForced.countDown();
                awaitQuietly(queued);
            }
        });
        try (LogSessionStore store = LogSessionStore.open(config)) {
            CompletableFuture<Void> first = store.storeOutbound("c", StoreSamples.qos1(1, 1)).toFuture();
            assertThat(firstForced.await(10, TimeUnit.SECONDS)).as("the first operation forced alone").isTrue();
            List<CompletableFuture<Void>> rest = new ArrayList<>();
            for (int id = 2; id <= 1000; id++) {
                rest.add(store.storeOutbound("c", StoreSamples.qos1(id, id)).toFuture());
            }
            queued.countDown();

            CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(first).isCompleted();
            assertThat(forces.get()).as("one force for the first, one for the 999 queued behind it").isEqualTo(2);
            assertThat(store.loadOutbound("c").count().block(TIMEOUT)).isEqualTo(1000);
        }
    }

    @Test
    void periodicCompletesAfterTheWriteAndForcesWithinTheInterval() throws Exception {
        CountDownLatch forced = new CountDownLatch(1);
        LogConfig config = config(Sync.PERIODIC, Duration.ofMillis(20)).withSyncListener(() -> {
            forces.incrementAndGet();
            forced.countDown();
        });
        AtomicInteger forcesAtCompletion = new AtomicInteger(-1);
        try (LogSessionStore store = LogSessionStore.open(config)) {
            store.storeOutbound("c", StoreSamples.qos1(1, 1))
                    .doOnSuccess(done -> forcesAtCompletion.set(forces.get())).block(TIMEOUT);

            assertThat(forcesAtCompletion.get()).isZero();
            assertThat(forced.await(5, TimeUnit.SECONDS)).as("forced within the interval").isTrue();
            assertThat(forces.get()).isEqualTo(1);
        }
        assertThat(forces.get()).as("nothing left to force on close").isEqualTo(1);
    }

    @Test
    void periodicWithALongIntervalLeavesForcingToClose() throws Exception {
        LogSessionStore store = LogSessionStore.open(config(Sync.PERIODIC, Duration.ofHours(1)));
        for (int id = 1; id <= 50; id++) {
            store.storeOutbound("c", StoreSamples.qos2(id, id)).block(TIMEOUT);
        }
        assertThat(forces.get()).isZero();

        store.close();

        assertThat(forces.get()).isEqualTo(1);
        try (LogSessionStore reopened = LogSessionStore.open(LogConfig.of(directory))) {
            assertThat(reopened.loadOutbound("c").count().block(TIMEOUT)).isEqualTo(50);
        }
    }

    @Test
    void neverForcesOnTheWritePathButCloseStillDoes() throws Exception {
        LogSessionStore store = LogSessionStore.open(config(Sync.NEVER, Duration.ZERO));
        for (int id = 1; id <= 50; id++) {
            store.storeOutbound("c", StoreSamples.qos1(id, id)).block(TIMEOUT);
            store.storeInbound("c", id).block(TIMEOUT);
        }
        assertThat(forces.get()).isZero();

        store.close();

        assertThat(forces.get()).isEqualTo(1);
        try (LogSessionStore reopened = LogSessionStore.open(LogConfig.of(directory))) {
            assertThat(reopened.loadOutbound("c").count().block(TIMEOUT)).isEqualTo(50);
            assertThat(reopened.loadInbound("c").count().block(TIMEOUT)).isEqualTo(50);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
