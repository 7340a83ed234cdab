package io.mqttreactive.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.spi.PayloadCodec;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class DeviceSimulatorTest {

    private final DeviceSimulator simulator = new DeviceSimulator(3, 8, 100);
    private final PayloadCodec<Reading> codec = PayloadCodec.json(Reading.class);

    @Test
    void theDevicesTakeTurnsAndNumberTheirOwnReadings() {
        assertThat(simulator.readingsPerDevice()).containsExactly(
                Map.entry("device-1", 3L), Map.entry("device-2", 3L),
                Map.entry("device-3", 2L));
        assertThat(simulator.reading(0)).extracting(Reading::device, Reading::sequence).containsExactly("device-1", 1L);
        assertThat(simulator.reading(4)).extracting(Reading::device, Reading::sequence).containsExactly("device-2", 2L);
        assertThat(simulator.reading(7)).extracting(Reading::device, Reading::sequence).containsExactly("device-2", 3L);
    }

    @Test
    void publishesEveryReadingAtQos1OnItsDevicesTopicAtTheRate() {
        StepVerifier.withVirtualTime(simulator::messages)
                .thenAwait(Duration.ofMillis(10))
                .assertNext(message -> {
                    assertThat(message.topic().toString()).isEqualTo("telemetry/device-1");
                    assertThat(message.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
                    assertThat(codec.decode(message.payload())).isEqualTo(simulator.reading(0));
                })
                .expectNoEvent(Duration.ofMillis(9))
                .thenAwait(Duration.ofMillis(70))
                .expectNextCount(7)
                .verifyComplete();
    }

    @Test
    void missedTicksDelayReadingsWithoutDroppingThem() {
        StepVerifier.withVirtualTime(() -> simulator.messages().map(message -> codec.decode(message.payload())), 2)
                .thenAwait(Duration.ofMillis(20))
                .expectNext(simulator.reading(0), simulator.reading(1))
                .thenAwait(Duration.ofMillis(200))
                .thenRequest(6)
                .thenAwait(Duration.ofMillis(60))
                .expectNext(simulator.reading(2), simulator.reading(3), simulator.reading(4), simulator.reading(5),
                        simulator.reading(6), simulator.reading(7))
                .verifyComplete();
    }
}
