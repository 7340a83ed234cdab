package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a flux emitted, recorded from the moment {@link #of(Flux)} subscribed, for a test thread to read in order
 * with bounded waits. The flux's signals arrive on an event loop: they are only appended to lock-free structures
 * there (a blocking queue could park the event loop, which BlockHound reports), and the test thread waits with
 * {@code block(Duration)}.
 *
 * @param <T> the element type
 */
final class Received<T> {

    /** The longest any test waits for a signal it expects. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConnectableFlux<T> replay;
    private final Disposable connection;
    private final Queue<T> all = new ConcurrentLinkedQueue<>();
    private int consumed;

    private Received(Flux<T> flux) {
        this.replay = flux.doOnNext(all::add).replay();
        this.connection = replay.connect();
    }

    /** Subscribes to {@code flux} now (requesting everything) and records its signals. */
    static <T> Received<T> of(Flux<T> flux) {
        return new Received<>(flux);
    }

    /** Returns the next element not read yet, waiting up to {@link #TIMEOUT}; fails on an error or completion. */
    T next() {
        T next = replay.skip(consumed).next()
                .switchIfEmpty(Mono.error(() -> new AssertionError("completed after " + consumed + " elements")))
                .timeout(TIMEOUT, Mono.error(() -> new AssertionError("no element after the first " + consumed
                        + " within " + TIMEOUT)))
                .block(TIMEOUT.multipliedBy(2));
        consumed++;
        return next;
    }

    /** Reads elements until one matches {@code condition}, waiting up to {@link #TIMEOUT} for each, and returns it. */
    T nextMatching(Predicate<T> condition) {
        T next = next();
        while (!condition.test(next)) {
            next = next();
        }
        return next;
    }

    /** Returns the next {@code count} elements not read yet, waiting up to {@link #TIMEOUT} in all. */
    List<T> next(int count) {
        return next(count, TIMEOUT);
    }

    /** Returns the next {@code count} elements not read yet, waiting up to {@code timeout} in all. */
    List<T> next(int count, Duration timeout) {
        List<T> next = replay.skip(consumed).take(count).collectList()
                .timeout(timeout, Mono.error(() -> new AssertionError("expected " + count + " elements after the first "
                        + consumed + " within " + timeout + ", received " + (all.size() - consumed))))
                .block(timeout.plus(TIMEOUT));
        assertThat(next).as("elements after the first %d", consumed).hasSize(count);
        consumed += count;
        return next;
    }

    /** Returns the next element if one arrives within {@code window}, without failing if none does. */
    Optional<T> nextWithin(Duration window) {
        Optional<T> next = replay.skip(consumed).next().map(Optional::of)
                .timeout(window, Mono.just(Optional.empty()))
                .onErrorResume(error -> Mono.just(Optional.empty()))
                .block(window.plus(TIMEOUT));
        next.ifPresent(element -> consumed++);
        return next;
    }

    /** Waits up to {@link #TIMEOUT} for the flux to end with an error, ignoring elements, and returns the error. */
    Throwable awaitError() {
        Throwable error = replay.then(Mono.<Throwable>error(new AssertionError("completed without error")))
                .onErrorResume(e -> e instanceof AssertionError ? Mono.error(e) : Mono.just(e))
                .block(TIMEOUT);
        assertThat(error).as("error").isNotNull();
        return error;
    }

    /** Waits up to {@link #TIMEOUT} for the flux to complete normally, ignoring elements. */
    void awaitCompletion() {
        replay.then().block(TIMEOUT);
    }

    /** Returns everything emitted so far, read or not. */
    List<T> all() {
        return new ArrayList<>(all);
    }

    /** Cancels the subscription. */
    void cancel() {
        connection.dispose();
    }
}
