package io.mqttreactive.netty.internal.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttConnectException;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttDisconnectedException;
import io.mqttreactive.exception.MqttJvmErrorException;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.exception.MqttTimeoutException;
import io.mqttreactive.exception.MqttTlsException;
import io.mqttreactive.message.ConnectReasonCode;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ReconnectorTest {

    private static final ConnectResult CONNECTED = ConnectResult.builder().build();
    private static final MqttConnectionClosedException LOST = new MqttConnectionClosedException("lost");

    private final List<MqttClientEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void waitsTheExponentialDelayOfEachAttemptOnVirtualTime() {
        ReconnectOptions options = ReconnectOptions.DEFAULT
                .withDelay(ReconnectDelay.exponential(Duration.ofSeconds(1), Duration.ofSeconds(4), 0));

        StepVerifier.withVirtualTime(() -> Reconnector.loop(failTimes(3), LOST, options, () -> true, events::add))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(999))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(attempts).hasValue(1))
                .expectNoEvent(Duration.ofMillis(1_999))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(attempts).hasValue(2))
                .expectNoEvent(Duration.ofMillis(3_999))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(attempts).hasValue(3))
                .thenAwait(Duration.ofSeconds(4))
                .expectNext(CONNECTED)
                .verifyComplete();

        assertThat(events).extracting(event -> ((MqttClientEvent.Reconnecting) event).delay())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(4));
        assertThat(events).extracting(event -> ((MqttClientEvent.Reconnecting) event).attempt())
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void constantDelayRetriesAtAFixedPace() {
        ReconnectOptions options = ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofMillis(250)));

        StepVerifier.withVirtualTime(() -> Reconnector.loop(failTimes(2), LOST, options, () -> true, events::add))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(750))
                .expectNext(CONNECTED)
                .verifyComplete();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpAfterTheMaximumNumberOfAttempts() {
        ReconnectOptions options = ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofSeconds(1)))
                .withMaxAttempts(3);

        StepVerifier.withVirtualTime(() -> Reconnector.loop(failTimes(10), LOST, options, () -> true, events::add))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(10))
                .expectError(MqttConnectionClosedException.class)
                .verify();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void stopsAtOnceOnAFailureThatWouldRepeat() {
        MqttConnectException badCredentials = new MqttConnectException(
                ConnectReasonCode.BAD_USER_NAME_OR_PASSWORD, null, UserProperties.empty());
        Reconnector.Attempt attempt = (number, lastFailure) -> {
            attempts.incrementAndGet();
            return Mono.error(badCredentials);
        };

        StepVerifier.withVirtualTime(() -> Reconnector.loop(attempt, LOST, ReconnectOptions.DEFAULT, () -> true,
                        events::add))
                .expectSubscription()
                .thenAwait(Duration.ofMinutes(10))
                .expectErrorMatches(error -> error == badCredentials)
                .verify();
        assertThat(attempts).hasValue(1);
    }

    @Test
    void neverRetriesAJvmErrorHoweverItIsWrapped() {
        OutOfMemoryError outOfMemory = new OutOfMemoryError("Java heap space");
        MqttConnectionClosedException wrapped = new MqttConnectionClosedException("cannot connect",
                new IllegalStateException("decoding", outOfMemory));
        Reconnector.Attempt attempt = (number, lastFailure) -> {
            attempts.incrementAndGet();
            return Mono.error(wrapped);
        };

        StepVerifier.withVirtualTime(() -> Reconnector.loop(attempt, LOST, ReconnectOptions.DEFAULT, () -> true,
                        events::add))
                .expectSubscription()
                .thenAwait(Duration.ofMinutes(10))
                .expectErrorMatches(error -> error == wrapped)
                .verify();
        assertThat(attempts).hasValue(1);
        assertThat(ReconnectPolicy.isRetryable(new MqttJvmErrorException("reading", outOfMemory))).isFalse();
        assertThat(ReconnectPolicy.isRetryable(wrapped)).isFalse();
        assertThat(ReconnectPolicy.jvmErrorIn(wrapped)).isSameAs(outOfMemory);
        assertThat(ReconnectPolicy.jvmErrorIn(new MqttConnectionClosedException("cut"))).isNull();
    }

    @Test
    void stopsWhenReconnectingIsNoLongerWanted() {
        ReconnectOptions options = ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofSeconds(1)));

        StepVerifier.withVirtualTime(() -> Reconnector.loop(failTimes(10), LOST, options, () -> attempts.get() < 2,
                        events::add))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(10))
                .expectError(MqttConnectionClosedException.class)
                .verify();
        assertThat(attempts).hasValue(2);
    }

    @Test
    void retriesTransientFailuresAndServerReasonsThatMayPass() {
        assertThat(ReconnectPolicy.isRetryable(new MqttConnectionClosedException("cut"))).isTrue();
        assertThat(ReconnectPolicy.isRetryable(new MqttTimeoutException("PINGRESP", Duration.ofSeconds(1)))).isTrue();
        assertThat(ReconnectPolicy.isRetryable(disconnected(DisconnectReasonCode.SERVER_SHUTTING_DOWN))).isTrue();
        assertThat(ReconnectPolicy.isRetryable(disconnected(DisconnectReasonCode.SESSION_TAKEN_OVER))).isFalse();
        assertThat(ReconnectPolicy.isRetryable(disconnected(DisconnectReasonCode.NOT_AUTHORIZED))).isFalse();
        assertThat(ReconnectPolicy.isRetryable(new MqttProtocolException("bad"))).isFalse();
        assertThat(ReconnectPolicy.isRetryable(new MqttTlsException("unknown CA", null))).isFalse();
        assertThat(ReconnectPolicy.isRetryable(new MqttConnectException(ConnectReasonCode.NOT_AUTHORIZED, null,
                UserProperties.empty()))).isFalse();
    }

    @Test
    void tellsEachAttemptItsNumberAndThePreviousFailure() {
        List<String> told = new CopyOnWriteArrayList<>();
        Reconnector.Attempt attempt = (number, lastFailure) -> {
            told.add(number + ": " + lastFailure.getMessage());
            return failTimes(2).start(number, lastFailure);
        };
        ReconnectOptions options = ReconnectOptions.DEFAULT.withDelay(ReconnectDelay.constant(Duration.ofSeconds(1)));

        StepVerifier.withVirtualTime(() -> Reconnector.loop(attempt, LOST, options, () -> true, events::add))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(3))
                .expectNext(CONNECTED)
                .verifyComplete();
        assertThat(told).containsExactly("1: lost", "2: refused 1", "3: refused 2");
    }

    private Reconnector.Attempt failTimes(int failures) {
        return (number, lastFailure) -> Mono.defer(() -> {
            int made = attempts.incrementAndGet();
            return made <= failures ? Mono.error(new MqttConnectionClosedException("refused " + made))
                    : Mono.just(CONNECTED);
        });
    }

    private static MqttDisconnectedException disconnected(DisconnectReasonCode code) {
        return new MqttDisconnectedException(code, null, UserProperties.empty(), null);
    }
}
