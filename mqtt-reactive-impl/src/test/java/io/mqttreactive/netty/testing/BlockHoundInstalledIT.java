package io.mqttreactive.netty.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Proves BlockHound is installed in every integration test (by {@code blockhound-junit-platform}, which
 * Failsafe alone puts on the class path): a blocking call on a Netty event loop or a Reactor non-blocking
 * thread is an error, not a silent stall, apart from the waits Netty's integration and
 * {@link NettyAllocatorBlockHoundIntegration} allow.
 */
class BlockHoundInstalledIT {

    private static EventLoopGroup group;

    @BeforeAll
    static void startEventLoop() {
        group = TestEventLoops.nio("blockhound-check");
    }

    @AfterAll
    static void stopEventLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    @Test
    void aBlockingWaitOnANettyEventLoopFails() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Future<Boolean> task = group.submit(() -> never.await(10, TimeUnit.MILLISECONDS));
        assertThat(task.await(5, TimeUnit.SECONDS)).as("task finished").isTrue();
        assertThat(task.cause()).isInstanceOf(BlockingOperationError.class)
                .hasMessageContaining("Blocking call!");
    }

    @Test
    void aBlockingWaitOnAReactorParallelThreadFails() {
        CountDownLatch never = new CountDownLatch(1);
        Mono<Boolean> blocking = Mono.fromCallable(() -> never.await(10, TimeUnit.MILLISECONDS))
                .subscribeOn(Schedulers.parallel());
        assertThatThrownBy(() -> blocking.block(Duration.ofSeconds(5)))
                .hasCauseInstanceOf(BlockingOperationError.class);
    }

    @Test
    void theAllocatorWaitNettyDoesNotListIsAllowedByOurIntegration() {
        assertThat(ServiceLoader.load(BlockHoundIntegration.class).stream().map(ServiceLoader.Provider::type))
                .contains(NettyAllocatorBlockHoundIntegration.class);
    }

    @Test
    void theSameWaitOnATestThreadIsAllowed() throws InterruptedException, ExecutionException {
        CountDownLatch never = new CountDownLatch(1);
        assertThat(never.await(1, TimeUnit.MILLISECONDS)).isFalse();
    }
}
