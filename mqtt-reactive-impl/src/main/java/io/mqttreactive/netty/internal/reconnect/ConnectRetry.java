package io.mqttreactive.netty.internal.reconnect;

import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.options.ReconnectOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Retries one {@code connect()} call for up to {@link ReconnectOptions#connectRetry()}: each failure worth
 * retrying ({@link ReconnectPolicy}) is followed by the delay {@link ReconnectOptions#delay()} gives for that
 * attempt, unless the next attempt would start past the deadline, the user disconnected or closed meanwhile, or
 * the failure would repeat; then the last failure is the call's error. Only the first attempt is the user's
 * {@code connect()}: a retry does not connect a client the user disconnected while it waited.
 */
public final class ConnectRetry {

    private ConnectRetry() {
    }

    /**
     * Returns {@code first}, followed after each failure worth retrying by {@code retry}, within the time the
     * options allow.
     *
     * @param first   the first connection attempt, cold
     * @param retry   a later attempt, cold; it must fail at once if connecting is no longer wanted
     * @param options the retry time and the delay strategy
     * @param wanted  tells whether connecting is still wanted (false once the user disconnected or closed)
     */
    public static Mono<ConnectResult> within(Mono<ConnectResult> first, Mono<ConnectResult> retry,
            ReconnectOptions options, BooleanSupplier wanted) {
        if (options.connectRetry().isZero()) {
            return first;
        }
        return Mono.defer(() -> {
            long deadline = System.nanoTime() + options.connectRetry().toNanos();
            AtomicBoolean started = new AtomicBoolean();
            Mono<ConnectResult> attempt = Mono.defer(() -> started.getAndSet(true) ? retry : first);
            return attempt.retryWhen(Retry.from(signals -> signals.concatMap(signal -> {
                Duration delay = options.delay().delay(signal.totalRetries() + 1);
                boolean inTime = System.nanoTime() + delay.toNanos() - deadline <= 0;
                if (!inTime || !wanted.getAsBoolean() || !ReconnectPolicy.isRetryable(signal.failure())) {
                    return Mono.error(signal.failure());
                }
                return Mono.delay(delay);
            })));
        });
    }
}
