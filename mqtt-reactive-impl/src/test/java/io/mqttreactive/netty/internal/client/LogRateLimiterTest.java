package io.mqttreactive.netty.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final LogRateLimiter limiter = new LogRateLimiter(now::get);

    @Test
    @DisplayName("one line per key and interval; the next admitted line learns how many were held back")
    void oneLinePerKeyAndInterval() {
        assertThat(limiter.admit("drop")).isZero();
        assertThat(limiter.admit("drop")).isEqualTo(LogRateLimiter.SUPPRESSED);
        assertThat(limiter.admit("drop")).isEqualTo(LogRateLimiter.SUPPRESSED);
        assertThat(limiter.admit("protocol")).as("another key has its own interval").isZero();

        now.addAndGet(LogRateLimiter.INTERVAL_NANOS - 1);
        assertThat(limiter.admit("drop")).isEqualTo(LogRateLimiter.SUPPRESSED);
        now.incrementAndGet();
        assertThat(limiter.admit("drop")).isEqualTo(3);
        assertThat(limiter.admit("drop")).isEqualTo(LogRateLimiter.SUPPRESSED);
        now.addAndGet(LogRateLimiter.INTERVAL_NANOS);
        assertThat(limiter.admit("drop")).isEqualTo(1);
    }
}
