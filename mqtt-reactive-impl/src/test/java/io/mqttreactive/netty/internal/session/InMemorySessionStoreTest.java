package io.mqttreactive.netty.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.spi.SessionStore;
import org.junit.jupiter.api.Test;

/** The in-memory default store against the {@link SessionStoreContract}, plus what is particular to it. */
class InMemorySessionStoreTest extends SessionStoreContract {

    @Override
    SessionStore newStore(SessionLimits limits) {
        return new InMemorySessionStore(limits);
    }

    @Test
    void operationsRunOnTheSubscribingThreadAndCountMessages() {
        InMemorySessionStore store = new InMemorySessionStore();
        Thread caller = Thread.currentThread();
        Thread[] signalled = new Thread[1];

        store.storeOutbound("c", StoreSamples.qos1(1, 1)).doOnSuccess(done -> signalled[0] = Thread.currentThread())
                .block(TIMEOUT);
        store.storeInbound("c", 1).block(TIMEOUT);

        assertThat(signalled[0]).isSameAs(caller);
        assertThat(store.messageCount()).isEqualTo(1);
        assertThat(store).hasToString("InMemorySessionStore{messages=1}");
    }
}
