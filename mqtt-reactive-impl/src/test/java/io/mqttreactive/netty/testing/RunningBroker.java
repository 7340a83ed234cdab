package io.mqttreactive.netty.testing;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A broker that runs for one test class: started before its first test and closed after its last, so the class
 * holds no start and stop methods of its own. A class that a condition such as {@link RequiresMosquitto} disables
 * starts nothing.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RunningBroker<MosquittoBroker> BROKER = new RunningBroker<>(() -> MosquittoBroker.builder().start());
 * ... BROKER.get().port(MqttTestBroker.Listener.TCP) ...
 * }</pre>
 *
 * @param <B> the broker type
 */
public final class RunningBroker<B extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<B> start;
    private @Nullable B broker;

    /** @param start starts the broker; called once, before the class's first test */
    public RunningBroker(Supplier<B> start) {
        this.start = start;
    }

    /**
     * @return the running broker
     * @throws IllegalStateException outside the test class's run
     */
    public B get() {
        if (broker == null) {
            throw new IllegalStateException("the broker runs only while its test class does");
        }
        return broker;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = start.get();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        B running = broker;
        broker = null;
        if (running != null) {
            running.close();
        }
    }
}
