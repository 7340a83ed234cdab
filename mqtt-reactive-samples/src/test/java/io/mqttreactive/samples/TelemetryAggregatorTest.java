package io.mqttreactive.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.spi.PayloadCodec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class TelemetryAggregatorTest {

    private static final Instant TIME = Instant.parse("2025-06-01T12:00:00Z");

    private final PayloadCodec<Telemetry> codec = PayloadCodec.json(Telemetry.class);
    private final TelemetryAggregator aggregator =
            new TelemetryAggregator(codec, Duration.ofSeconds(2), Clock.fixed(TIME, ZoneOffset.UTC));

    @Test
    void summarizesEachWindowPerDevice() {
        Sinks.Many<MqttMessage> messages = Sinks.many().unicast().onBackpressureBuffer();
        StepVerifier.withVirtualTime(() -> aggregator.summarize(messages.asFlux()))
                .then(() -> {
                    messages.tryEmitNext(reading("dev-01", 20.0));
                    messages.tryEmitNext(reading("dev-02", 30.0));
                    messages.tryEmitNext(reading("dev-01", 22.0));
                    messages.tryEmitNext(reading("dev-01", 24.5));
                })
                .thenAwait(Duration.ofSeconds(2))
                .assertNext(window -> {
                    assertThat(window.number()).isEqualTo(1);
                    assertThat(window.readings()).isEqualTo(4);
                    assertThat(window.devices()).containsOnlyKeys("dev-01", "dev-02");
                    DeviceStats first = window.devices().get("dev-01");
                    assertThat(first.count()).isEqualTo(3);
                    assertThat(first.minTemperature()).isEqualTo(20.0);
                    assertThat(first.averageTemperature()).isCloseTo(22.1667, within(0.001));
                    assertThat(first.maxTemperature()).isEqualTo(24.5);
                })
                .then(() -> messages.tryEmitNext(reading("dev-02", 31.0)))
                .thenAwait(Duration.ofSeconds(2))
                .assertNext(window -> {
                    assertThat(window.number()).isEqualTo(2);
                    assertThat(window.devices()).containsOnlyKeys("dev-02");
                })
                .thenAwait(Duration.ofSeconds(2))
                .assertNext(window -> assertThat(window.devices()).isEmpty())
                .then(() -> {
                    messages.tryEmitNext(reading("dev-03", 5.0));
                    messages.tryEmitComplete();
                })
                .assertNext(last -> {
                    assertThat(last.number()).isEqualTo(4);
                    assertThat(last.devices()).containsOnlyKeys("dev-03");
                })
                .verifyComplete();
        assertThat(aggregator.received()).isEqualTo(6);
        assertThat(aggregator.rejected()).isZero();
    }

    @Test
    void skipsAndCountsPayloadsThatAreNotTelemetry() {
        Sinks.Many<MqttMessage> messages = Sinks.many().unicast().onBackpressureBuffer();
        messages.tryEmitNext(MqttMessage.builder().topic("fleet/x/telemetry").payload("not json").build());
        messages.tryEmitNext(reading("dev-01", 20.0));
        messages.tryEmitComplete();
        StepVerifier.create(aggregator.summarize(messages.asFlux()))
                .assertNext(window -> assertThat(window.readings()).isEqualTo(1))
                .verifyComplete();
        assertThat(aggregator.rejected()).isEqualTo(1);
        assertThat(aggregator.received()).isEqualTo(1);
    }

    private MqttMessage reading(String device, double temperature) {
        Telemetry telemetry = new Telemetry(device, temperature, 50.0, TIME);
        return codec.encode(telemetry, MqttMessage.builder().topic(SimulatedDevice.topicOf(device))
                .qos(MqttQos.AT_LEAST_ONCE)).build();
    }
}
