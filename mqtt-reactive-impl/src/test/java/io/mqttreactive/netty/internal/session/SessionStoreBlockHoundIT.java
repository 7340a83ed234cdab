package io.mqttreactive.netty.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.spi.SessionStore;
import io.mqttreactive.netty.testing.TestEventLoops;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import java.nio.file.Path;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.blockhound.BlockingOperationError;

/**
 * The stores never block the event loop that calls them, checked by BlockHound (installed in every
 * integration test): a client calls its store on its connection's event loop and only subscribes. BlockHound
 * does not count file channel I/O as blocking, so the durable store's test also checks that every force ran
 * on the store's own thread. The control shows the check is live on this loop: waiting for a store operation
 * there is caught.
 */
class SessionStoreBlockHoundIT {

    private static EventLoopGroup group;

    @TempDir
    Path directory;

    @BeforeAll
    static void startEventLoop() {
        group = TestEventLoops.nio("store-blockhound");
    }

    @AfterAll
    static void stopEventLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    @Test
    void theDurableStoreCalledFromAnEventLoopNeverBlocksItAndForcesOnItsOwnThread() throws Exception {
        Set<String> forcingThreads = ConcurrentHashMap.newKeySet();
        LogConfig config = LogConfig.of(directory)
                .withSyncListener(() -> forcingThreads.add(Thread.currentThread().getName()));
        try (LogSessionStore store = LogSessionStore.open(config)) {
            assertCallsFromTheEventLoopComplete(store);
        }
        assertThat(forcingThreads).singleElement().asString().startsWith("mqtt-session-store-");
        try (LogSessionStore reopened = LogSessionStore.open(LogConfig.of(directory))) {
            assertThat(reopened.loadOutbound("c").count().block(SessionStoreContract.TIMEOUT)).isEqualTo(250);
        }
    }

    @Test
    void theInMemoryStoreCalledFromAnEventLoopNeverBlocksIt() throws Exception {
        InMemorySessionStore store = new InMemorySessionStore();
        assertCallsFromTheEventLoopComplete(store);
        assertThat(store.messageCount()).isEqualTo(250);
    }

    @Test
    void controlWaitingForTheStoreOnTheEventLoopIsCaught() throws Exception {
        try (LogSessionStore store = LogSessionStore.open(LogConfig.of(directory))) {
            // A future's wait, not block(): Reactor itself refuses block() on the loop's non-blocking thread.
            Future<?> task = group.next().submit(() -> store.storeOutbound("c", StoreSamples.qos1(1, 1))
                    .toFuture().get(SessionStoreContract.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));

            assertThat(task.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(task.cause()).isInstanceOf(BlockingOperationError.class);
        }
    }

    /**
     * On the event loop, subscribes to 500 outbound stores, 250 removals, 100 inbound stores and a load per
     * 50 operations, without waiting; then waits (off the loop) for every one to complete without error.
     */
    private static void assertCallsFromTheEventLoopComplete(SessionStore store) throws Exception {
        EventLoop loop = group.next();
        int operations = 500 + 250 + 100 + 17;
        CountDownLatch completed = new CountDownLatch(operations);
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        Future<?> submitted = loop.submit(() -> {
            for (int id = 1; id <= 500; id++) {
                subscribe(store.storeOutbound("c", StoreSamples.qos2(id, id)), completed, errors);
                if (id % 2 == 0) {
                    subscribe(store.removeOutbound("c", id - 1), completed, errors);
                }
                if (id % 5 == 0) {
                    subscribe(store.storeInbound("c", id), completed, errors);
                }
                if (id % 30 == 0) {
                    subscribe(store.loadOutbound("c").then(), completed, errors);
                }
            }
            subscribe(store.loadInbound("c").then(), completed, errors);
        });

        assertThat(submitted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(submitted.cause()).as("subscribing on the event loop").isNull();
        assertThat(completed.await(30, TimeUnit.SECONDS)).as("every operation completed").isTrue();
        assertThat(errors).isEmpty();
        assertThat(store.loadInbound("c").collectList().block(SessionStoreContract.TIMEOUT)).hasSize(100);
    }

    private static void subscribe(reactor.core.publisher.Mono<Void> operation, CountDownLatch completed,
            Queue<Throwable> errors) {
        operation.subscribe(null, error -> {
            errors.add(error);
            completed.countDown();
        }, completed::countDown);
    }

}
