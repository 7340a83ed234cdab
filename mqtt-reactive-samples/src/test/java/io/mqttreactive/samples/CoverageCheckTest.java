package io.mqttreactive.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class CoverageCheckTest {

    private final CoverageCheck check = new CoverageCheck(sent(3, 2));

    @Test
    void everyReadingCoveredOncePasses() {
        check.add(aggregate("device-1", 1, 1, 1L, 2L));
        check.add(aggregate("device-2", 1, 2, 1L, 2L));
        StepVerifier.create(check.everyReadingCovered()).expectSubscription().expectNoEvent(Duration.ZERO)
                .thenCancel().verify();

        check.add(aggregate("device-1", 1, 3, 3L));

        StepVerifier.create(check.everyReadingCovered()).verifyComplete();
        CoverageCheck.Coverage coverage = check.coverage();
        assertThat(coverage.passed()).isTrue();
        assertThat(coverage.readingsSent()).isEqualTo(5);
        assertThat(coverage.readingsCovered()).isEqualTo(5);
        assertThat(coverage.aggregatesReceived()).isEqualTo(3);
        assertThat(coverage.lost()).isZero();
    }

    @Test
    void readingsNoAggregateCoversAreLost() {
        check.add(aggregate("device-1", 1, 1, 1L, 3L));

        CoverageCheck.Coverage coverage = check.coverage();
        assertThat(coverage.passed()).isFalse();
        assertThat(coverage.lost()).isEqualTo(3);
        assertThat(coverage.lostExamples()).containsExactly("device-1#2", "device-2#1", "device-2#2");
    }

    @Test
    void anAggregateReceivedAgainCountsOnce() {
        coverAll();
        check.add(aggregate("device-1", 1, 1, 1L, 2L));

        CoverageCheck.Coverage coverage = check.coverage();
        assertThat(coverage.passed()).isTrue();
        assertThat(coverage.aggregatesReceived()).isEqualTo(4);
        assertThat(coverage.aggregatesReceivedAgain()).isEqualTo(1);
        assertThat(coverage.coveredByTwoInstances()).isZero();
        assertThat(coverage.coveredTwiceByOneInstance()).isZero();
    }

    @Test
    void readingsAggregatedAgainByTheNextInstanceAreAllowed() {
        coverAll();
        check.add(aggregate("device-1", 2, 1, 2L, 3L));

        CoverageCheck.Coverage coverage = check.coverage();
        assertThat(coverage.passed()).isTrue();
        assertThat(coverage.coveredByTwoInstances()).isEqualTo(2);
    }

    @Test
    void readingsInTwoAggregatesOfOneInstanceFail() {
        coverAll();
        check.add(aggregate("device-2", 1, 4, 2L));

        CoverageCheck.Coverage coverage = check.coverage();
        assertThat(coverage.passed()).isFalse();
        assertThat(coverage.lost()).isZero();
        assertThat(coverage.coveredTwiceByOneInstance()).isEqualTo(1);
    }

    @Test
    void readingsThatWereNotSentAreIgnored() {
        coverAll();
        check.add(aggregate("device-1", 1, 4, 4L));
        check.add(aggregate("device-9", 1, 5, 1L));

        CoverageCheck.Coverage coverage = check.coverage();
        assertThat(coverage.passed()).isTrue();
        assertThat(coverage.readingsCovered()).isEqualTo(5);
    }

    private void coverAll() {
        check.add(aggregate("device-1", 1, 1, 1L, 2L));
        check.add(aggregate("device-1", 1, 2, 3L));
        check.add(aggregate("device-2", 1, 3, 1L, 2L));
    }

    private static Map<String, Long> sent(long device1, long device2) {
        Map<String, Long> sent = new LinkedHashMap<>();
        sent.put("device-1", device1);
        sent.put("device-2", device2);
        return sent;
    }

    private static Aggregate aggregate(String device, int instance, long window, Long... sequences) {
        return new Aggregate(device, instance, window, sequences.length, 0, 0, 0, List.of(sequences));
    }
}
