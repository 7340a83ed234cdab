package io.mqttreactive.netty.internal.reconnect;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.options.ReconnectOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The reconnect loop: re-subscribes the cold connect attempt through {@code retryWhen}, waiting the
 * {@link io.mqttreactive.options.ReconnectDelay} of each attempt, until one succeeds, a failure is not worth
 * retrying ({@link ReconnectPolicy}), the attempts run out, or the client no longer wants to connect.
 */
public final class Reconnector {

    /** Makes one connection attempt, cold; told its number and why the client reconnects. */
    @FunctionalInterface
    public interface Attempt {

        Mono<ConnectResult> start(long number, Throwable lastFailure);
    }

    private Reconnector() {
    }

    /**
     * Returns the loop, cold: the first attempt starts after the delay of attempt 1.
     *
     * @param attempt one connection attempt, started again for every retry
     * @param connectionLoss the error that ended the connection, the last failure told to attempt 1
     * @param options the delay strategy and the maximum number of attempts
     * @param wanted tells whether reconnecting is still wanted (false once the user disconnected or closed)
     * @param events receives a {@link MqttClientEvent.Reconnecting} before each attempt
     */
    public static Mono<ConnectResult> loop(Attempt attempt, Throwable connectionLoss, ReconnectOptions options,
            BooleanSupplier wanted, Consumer<MqttClientEvent> events) {
        AtomicLong number = new AtomicLong(1);
        AtomicReference<Throwable> lastFailure = new AtomicReference<>(connectionLoss);
        Retry retry = Retry.from(signals -> signals.concatMap(signal -> {
            long next = signal.totalRetries() + 2;
            Throwable failure = signal.failure();
            if (!wanted.getAsBoolean() || !ReconnectPolicy.isRetryable(failure) || next > options.maxAttempts()) {
                return Mono.error(failure);
            }
            number.set(next);
            lastFailure.set(failure);
            return announcedDelay(next, options, events);
        }));
        return announcedDelay(1, options, events)
                .then(Mono.defer(() -> attempt.start(number.get(), lastFailure.get())).retryWhen(retry));
    }

    private static Mono<Long> announcedDelay(long attempt, ReconnectOptions options, Consumer<MqttClientEvent> events) {
        Duration delay = options.delay().delay(attempt);
        return Mono.fromRunnable(() -> events.accept(new MqttClientEvent.Reconnecting(attempt, delay)))
                .then(Mono.delay(delay));
    }
}
