package io.mqttreactive.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.mqttreactive.spi.PayloadCodec;

import java.util.List;

import org.junit.jupiter.api.Test;

class AggregateTest {

    @Test
    void aggregatesAWindowOfOneDevice() {
        Aggregate aggregate = Aggregate.of(2, 7, List.of(new Reading("device-1", 12, 20.5),
                new Reading("device-1", 13, 23.0), new Reading("device-1", 11, 18.0)));

        assertThat(aggregate.device()).isEqualTo("device-1");
        assertThat(aggregate.id()).isEqualTo("2/7");
        assertThat(aggregate.count()).isEqualTo(3);
        assertThat(aggregate.min()).isEqualTo(18.0);
        assertThat(aggregate.max()).isEqualTo(23.0);
        assertThat(aggregate.mean()).isCloseTo(20.5, within(1e-9));
        assertThat(aggregate.sequences()).containsExactly(12L, 13L, 11L);
    }

    @Test
    void aWindowHasReadingsOfOneDevice() {
        assertThatIllegalArgumentException().isThrownBy(() -> Aggregate.of(1, 1, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Aggregate.of(1, 1,
                        List.of(new Reading("device-1", 1, 1), new Reading("device-2", 1, 1))))
                .withMessageContaining("device-1 and device-2");
    }

    @Test
    void theCountIsTheNumberOfSequenceNumbers() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Aggregate("device-1", 1, 1, 2, 0, 0, 0, List.of(1L)));
    }

    @Test
    void survivesTheJsonRoundTrip() {
        PayloadCodec<Aggregate> codec = PayloadCodec.json(Aggregate.class);
        Aggregate aggregate = Aggregate.of(1, 3, List.of(new Reading("device-4", 5, 21.25)));

        assertThat(codec.decode(codec.encode(aggregate))).isEqualTo(aggregate);
    }
}
