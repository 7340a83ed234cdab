package io.mqttreactive.spring.boot;

import io.mqttreactive.exception.MqttTransientException;
import io.mqttreactive.options.ReconnectOptions;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;
import reactor.util.retry.Retry;

/**
 * Connects the client when the application starts and stops it gracefully when it stops.
 *
 * <p><b>Start.</b> By default the connect runs in the background: startup does not wait for the broker, and a
 * failed first attempt is retried with the client's reconnect delays while the failure is transient (the broker
 * not reachable yet). With {@code mqtt.connect.fail-fast} startup waits for the CONNACK and fails if it does.
 *
 * <p><b>Stop.</b> The phase is below the web server's, so the server has finished its graceful shutdown and
 * stopped before this runs: no request can start a publish any more. Then new publishes are refused, the
 * publishes in flight get up to {@code mqtt.shutdown.timeout} for their acknowledgements, and the client
 * disconnects normally.
 */
public class MqttClientLifecycle implements SmartLifecycle {

    /** Below Spring Boot's web server phases, so that the client starts before and stops after the server. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger LOG = Loggers.getLogger(MqttClientLifecycle.class);

    private final DrainableMqttClient client;
    private final MqttProperties properties;
    private volatile Disposable connecting;
    private volatile boolean running;

    /**
     * Creates the lifecycle of a client.
     *
     * @param client     the client
     * @param properties the connect and shutdown settings
     */
    public MqttClientLifecycle(DrainableMqttClient client, MqttProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        client.acceptPublishes();
        if (!properties.getConnect().isOnStartup()) {
            return;
        }
        if (properties.getConnect().isFailFast()) {
            // The startup thread, never an event loop: failing startup is the point of fail-fast.
            client.connect().block(client.options().connectTimeout().multipliedBy(2));
            return;
        }
        connecting = client.connect()
                .retryWhen(retryTransientFailures(client.options().reconnect()))
                .subscribe(result -> { }, error -> LOG.warn("MQTT: connecting to {} failed for good: {}",
                        client.options().serverHost(), error.toString()));
    }

    private static Retry retryTransientFailures(ReconnectOptions reconnect) {
        if (!reconnect.enabled()) {
            return Retry.max(0);
        }
        return Retry.from(signals -> signals.concatMap(signal -> {
            long attempt = signal.totalRetries() + 1;
            if (!(signal.failure() instanceof MqttTransientException) || attempt > reconnect.maxAttempts()) {
                return Mono.error(signal.failure());
            }
            Duration delay = reconnect.delay().delay(attempt);
            LOG.info("MQTT: first connect failed ({}); attempt {} in {} ms", signal.failure().getMessage(),
                    attempt + 1, delay.toMillis());
            return Mono.delay(delay);
        }));
    }

    @Override
    public void stop(Runnable callback) {
        Disposable pending = connecting;
        if (pending != null) {
            pending.dispose();
        }
        client.drain(properties.getShutdown().getTimeout())
                .doOnNext(unfinished -> {
                    if (unfinished > 0) {
                        LOG.warn("MQTT: {} publishes still unacknowledged after {}; disconnecting", unfinished,
                                properties.getShutdown().getTimeout());
                    }
                })
                .then(client.disconnect())
                .onErrorResume(error -> Mono.empty())
                .doFinally(signal -> {
                    running = false;
                    callback.run();
                })
                .subscribe();
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
