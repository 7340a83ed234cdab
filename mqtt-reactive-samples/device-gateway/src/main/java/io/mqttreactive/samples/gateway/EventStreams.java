package io.mqttreactive.samples.gateway;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Ends the Server-Sent Events streams when the gateway stops, before the web server's graceful shutdown: an
 * event stream never ends by itself, and graceful shutdown would otherwise wait for every open dashboard until
 * its timeout. Browsers reconnect by themselves.
 */
@Component
class EventStreams implements SmartLifecycle {

    private volatile Sinks.Empty<Void> stopping = Sinks.empty();
    private volatile boolean running;

    <T> Flux<T> untilShutdown(Flux<T> stream) {
        return stream.takeUntilOther(stopping.asMono());
    }

    @Override
    public void start() {
        stopping = Sinks.empty();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stopping.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The highest: it stops first, before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
