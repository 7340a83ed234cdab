package io.mqttreactive.netty.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.spi.SessionStore;
import io.mqttreactive.spi.StoredPublish;
import io.mqttreactive.spi.StoredPublish.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * The durable store against the {@link SessionStoreContract}, plus reopening, its thread, the lock on its
 * directory and its life cycle.
 */
class LogSessionStoreTest extends SessionStoreContract {

    @TempDir
    Path directory;

    private final List<LogSessionStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(LogSessionStore::close);
    }

    /** Contract stores leave forcing to the operating system, to stay fast; the sync tests cover forcing. */
    @Override
    SessionStore newStore(SessionLimits limits) {
        return open(LogConfig.of(directory.resolve("store-" + opened.size())).withLimits(limits)
                .withSync(LogConfig.Sync.NEVER, Duration.ZERO));
    }

    LogSessionStore open(LogConfig config) {
        try {
            LogSessionStore store = LogSessionStore.open(config);
            opened.add(store);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void reopeningAfterCloseRestoresEveryClientsStateInOrder() {
        LogConfig config = LogConfig.of(directory);
        LogSessionStore store = open(config);
        await(store.storeOutbound("a", StoreSamples.full(7, 1)));
        await(store.storeOutbound("a", StoreSamples.qos1(3, 2)));
        await(store.storeOutbound("a", StoreSamples.qos2(65_535, 3)));
        await(store.storeOutbound("a", StoreSamples.full(7, 1).withState(State.AWAITING_PUBCOMP)));
        await(store.removeOutbound("a", 3));
        await(store.storeInbound("a", 11));
        await(store.storeInbound("a", 12));
        await(store.removeInbound("a", 11));
        await(store.storeOutbound("b", StoreSamples.qos1(1, 4)));
        await(store.storeInbound("b", 1));
        await(store.storeOutbound("gone", StoreSamples.qos1(1, 5)));
        await(store.clear("gone"));
        store.close();

        LogSessionStore reopened = open(config);

        assertThat(outbound(reopened, "a")).containsExactly(
                StoreSamples.full(7, 1).withState(State.AWAITING_PUBCOMP), StoreSamples.qos2(65_535, 3));
        assertThat(inbound(reopened, "a")).containsExactly(12);
        assertThat(outbound(reopened, "b")).containsExactly(StoreSamples.qos1(1, 4));
        assertThat(inbound(reopened, "b")).containsExactly(1);
        assertThat(outbound(reopened, "gone")).isEmpty();
        assertThat(reopened.replayedRecords()).isEqualTo(12);
        assertThat(reopened.discardedBytes()).isZero();
    }

    @Test
    void theStateOfManyConcurrentCallersForcingEveryBatchSurvivesReopening() throws Exception {
        LogConfig config = LogConfig.of(directory);
        LogSessionStore store = open(config);
        List<Model> models = runConcurrently(store);
        assertMatches(store, models);
        store.close();

        assertMatches(open(config), models);
    }

    @Test
    void signalsArriveOnTheStoresOwnThread() {
        LogSessionStore store = open(LogConfig.of(directory));
        String[] thread = new String[1];

        store.storeOutbound("c", StoreSamples.qos1(1, 1)).doOnSuccess(done -> thread[0] = Thread.currentThread()
                .getName()).block(TIMEOUT);

        assertThat(thread[0]).startsWith("mqtt-session-store-");
        assertThat(store.toString()).contains("session.log").contains("ALWAYS");
    }

    @Test
    void aSecondStoreCannotOpenTheSameDirectoryUntilTheFirstCloses() {
        LogConfig config = LogConfig.of(directory);
        LogSessionStore first = open(config);
        await(first.storeOutbound("c", StoreSamples.qos1(1, 1)));

        assertThatThrownBy(() -> LogSessionStore.open(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is open in another store");

        first.close();
        assertThat(outbound(open(config), "c")).containsExactly(StoreSamples.qos1(1, 1));
    }

    @Test
    void afterCloseOperationsSignalAnErrorAndCloseIsIdempotent() {
        LogSessionStore store = open(LogConfig.of(directory));
        await(store.storeInbound("c", 1));
        store.close();
        store.close();

        StepVerifier.create(store.storeInbound("c", 2)).expectErrorSatisfies(error -> assertThat(error)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed")).verify(TIMEOUT);
        StepVerifier.create(store.loadOutbound("c")).expectError(IllegalStateException.class).verify(TIMEOUT);
    }

    @Test
    void operationsQueuedBeforeCloseAreWrittenBeforeTheFileCloses() {
        LogConfig config = LogConfig.of(directory);
        LogSessionStore store = open(config);
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        for (int id = 1; id <= 500; id++) {
            queued.add(store.storeOutbound("c", StoreSamples.qos1(id, id)).toFuture());
        }

        store.close();

        assertThat(queued).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
        List<StoredPublish> restored = outbound(open(config), "c");
        assertThat(restored).hasSize(500);
        assertThat(restored.get(499)).isEqualTo(StoreSamples.qos1(500, 500));
    }
}
