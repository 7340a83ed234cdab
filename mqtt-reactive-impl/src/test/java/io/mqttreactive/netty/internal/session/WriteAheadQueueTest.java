package io.mqttreactive.netty.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttBufferFullException;
import io.mqttreactive.exception.MqttException;
import io.mqttreactive.exception.MqttSessionStoreException;
import io.mqttreactive.spi.SessionStore;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Write-ahead steps run in the order queued, on the event loop, whatever order the store completes in. */
class WriteAheadQueueTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EventLoop loop = new DefaultEventLoop();
    private final List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> done = new CopyOnWriteArrayList<>();
    private final SessionJournal journal =
            SessionJournal.of(new InMemorySessionStore(), "client", TIMEOUT, loop, events::add);
    private final WriteAheadQueue queue = journal.newQueue();

    @AfterEach
    void stopLoop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void onLoop(Runnable task) {
        loop.submit(task).syncUninterruptibly();
    }

    private Runnable record(String name) {
        return () -> {
            assertThat(loop.inEventLoop()).isTrue();
            done.add(name);
        };
    }

    private static SessionJournal.Write write(Sinks.Empty<Void> completion) {
        return new SessionJournal.Write("storeOutbound", completion.asMono());
    }

    @Test
    void stepsRunInQueueOrderWhenWritesCompleteOutOfOrder() {
        Sinks.Empty<Void> first = Sinks.empty();
        Sinks.Empty<Void> second = Sinks.empty();
        onLoop(() -> {
            queue.after(write(first), record("first"), failure -> done.add("failed"));
            queue.after(write(second), record("second"), failure -> done.add("failed"));
            queue.after(null, record("no write"), failure -> done.add("failed"));
        });

        second.tryEmitEmpty();
        onLoop(() -> { });
        assertThat(done).isEmpty();
        first.tryEmitEmpty();
        onLoop(() -> { });

        assertThat(done).containsExactly("first", "second", "no write");
        onLoop(() -> assertThat(queue.waiting()).isZero());
    }

    @Test
    void aStepWithoutWriteRunsAtOnceWhenNothingWaits() {
        onLoop(() -> {
            queue.after(null, record("now"), failure -> done.add("failed"));
            assertThat(done).containsExactly("now");
        });
    }

    @Test
    void aFailedWriteRunsItsFailureHandlerWithATypedErrorAndAnEvent() {
        List<MqttException> failures = new CopyOnWriteArrayList<>();
        onLoop(() -> {
            queue.after(new SessionJournal.Write("storeInbound", Mono.error(new IOException("disk full"))),
                    record("stored"), failures::add);
            queue.after(new SessionJournal.Write("storeOutbound",
                    Mono.error(new MqttBufferFullException("session store", 3))), record("stored"), failures::add);
            queue.after(null, record("after"), failures::add);
        });
        onLoop(() -> { });

        assertThat(done).containsExactly("after");
        assertThat(failures).satisfiesExactly(
                failure -> assertThat(failure).isInstanceOf(MqttSessionStoreException.class)
                        .hasCauseInstanceOf(IOException.class)
                        .satisfies(error -> assertThat(((MqttSessionStoreException) error).operation())
                                .isEqualTo("storeInbound")),
                failure -> assertThat(failure).isInstanceOf(MqttBufferFullException.class));
        assertThat(events).map(MqttClientEvent.SessionStoreFailed.class::cast)
                .extracting(MqttClientEvent.SessionStoreFailed::operation,
                        MqttClientEvent.SessionStoreFailed::totalFailures)
                .containsExactly(tuple("storeInbound", 1L),
                        tuple("storeOutbound", 2L));
        assertThat(journal.failures()).isEqualTo(2);
    }

    @Test
    void aStoreThatThrowsInsteadOfSignallingFailsTheWrite() {
        SessionStore store = (SessionStore) Proxy.newProxyInstance(SessionStore.class.getClassLoader(),
                new Class<?>[] {SessionStore.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("closed");
                });
        SessionJournal throwing = SessionJournal.of(store, "client", TIMEOUT, loop, events::add);
        WriteAheadQueue steps = throwing.newQueue();
        List<MqttException> failures = new CopyOnWriteArrayList<>();

        onLoop(() -> steps.after(throwing.storeInbound(4), record("stored"), failures::add));
        onLoop(() -> { });

        assertThat(done).isEmpty();
        assertThat(failures).singleElement().isInstanceOf(MqttSessionStoreException.class)
                .satisfies(error -> assertThat(error).hasCauseInstanceOf(IllegalStateException.class));
    }
}
