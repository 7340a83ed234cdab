package io.mqttreactive.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ReconnectDelayTest {

    @Test
    void exponentialDoublesFromTheMinimumUpToTheCap() {
        ReconnectDelay delay = ReconnectDelay.exponential(Duration.ofSeconds(1), Duration.ofMinutes(2), 0);
        assertThat(IntStream.rangeClosed(1, 10).mapToObj(delay::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 120L, 120L, 120L);
    }

    @Test
    void exponentialStaysAtTheCapForHugeAttempts() {
        ReconnectDelay delay = ReconnectDelay.exponential(Duration.ofMillis(3), Duration.ofHours(1), 0);
        for (long attempt : new long[] {40, 63, 64, 65, 1_000, Long.MAX_VALUE}) {
            assertThat(delay.delay(attempt)).isEqualTo(Duration.ofHours(1));
        }
        ReconnectDelay huge = ReconnectDelay.exponential(Duration.ofDays(365), Duration.ofNanos(Long.MAX_VALUE), 0);
        assertThat(huge.delay(2)).isEqualTo(Duration.ofDays(730));
        assertThat(huge.delay(200)).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
    }

    @Test
    void jitterStaysWithinTwentyFivePercentOfTheBase() {
        ReconnectDelay delay = ReconnectDelay.exponential();
        for (int i = 0; i < 2_000; i++) {
            assertThat(delay.delay(1)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1250));
            assertThat(delay.delay(4)).isBetween(Duration.ofMillis(6_000), Duration.ofMillis(10_000));
            assertThat(delay.delay(30)).isBetween(Duration.ofSeconds(90), Duration.ofSeconds(150));
        }
    }

    @Test
    void jitterActuallySpreadsTheDelays() {
        ReconnectDelay delay = ReconnectDelay.exponential();
        long distinct = IntStream.range(0, 200).mapToObj(i -> delay.delay(1)).distinct().count();
        assertThat(distinct).isGreaterThan(100);
    }

    @Test
    void defaultIsOneSecondToTwoMinutesWithQuarterJitter() {
        assertThat(ReconnectDelay.exponential())
                .isEqualTo(new ReconnectDelay.Exponential(Duration.ofSeconds(1), Duration.ofMinutes(2), 0.25));
        assertThat(ReconnectOptions.DEFAULT.delay()).isEqualTo(ReconnectDelay.exponential());
    }

    @Test
    void constantAlwaysWaitsTheSame() {
        ReconnectDelay delay = ReconnectDelay.constant(Duration.ofSeconds(5));
        assertThat(IntStream.of(1, 2, 100).mapToObj(delay::delay)).containsOnly(Duration.ofSeconds(5));
        assertThat(delay).isEqualTo(ReconnectDelay.constant(Duration.ofSeconds(5)))
                .isNotEqualTo(ReconnectDelay.constant(Duration.ofSeconds(6)));
        assertThat(ReconnectDelay.constant(Duration.ZERO).delay(1)).isZero();
    }

    @Test
    void anyLambdaIsAStrategy() {
        ReconnectDelay linear = attempt -> Duration.ofSeconds(attempt * 3);
        assertThat(linear.delay(4)).isEqualTo(Duration.ofSeconds(12));
        assertThat(ReconnectOptions.DEFAULT.withDelay(linear).delay()).isSameAs(linear);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> ReconnectDelay.exponential(Duration.ZERO, Duration.ofSeconds(1), 0.1))
                .hasMessage("minimum delay must be positive, was PT0S");
        assertThatThrownBy(() -> ReconnectDelay.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.1))
                .hasMessage("maximum delay PT1S is less than minimum delay PT2S");
        assertThatThrownBy(() -> ReconnectDelay.exponential(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5))
                .hasMessage("jitter must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> ReconnectDelay.exponential(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReconnectDelay.exponential(Duration.ofSeconds(1), Duration.ofDays(300 * 365), 0))
                .hasMessageContaining("maximum delay must be at most");
        assertThatThrownBy(() -> ReconnectDelay.constant(Duration.ofSeconds(-1)))
                .hasMessage("delay must not be negative, was PT-1S");
        assertThatThrownBy(() -> ReconnectDelay.exponential().delay(0)).hasMessage("attempt must be between 1 and "
                + Long.MAX_VALUE + ", was 0");
        assertThatThrownBy(() -> ReconnectDelay.constant(Duration.ZERO).delay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
