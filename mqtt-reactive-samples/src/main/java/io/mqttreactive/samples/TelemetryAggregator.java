package io.mqttreactive.samples;

import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.spi.PayloadCodec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.GroupedFlux;
import reactor.core.publisher.Mono;

/**
 * The dashboard's pipeline: decodes telemetry messages, cuts them into fixed time windows and summarizes each
 * window per device ({@link Flux#window(Duration)}, then {@link Flux#groupBy} and {@link Flux#reduce} within
 * each window). Payloads that are not telemetry JSON are counted and skipped; they do not end the stream.
 *
 * <p>All of it is cheap, non-blocking work that may run on the client's event loop.
 */
final class TelemetryAggregator {

    private final PayloadCodec<Telemetry> codec;
    private final Duration window;
    private final Clock clock;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    TelemetryAggregator(PayloadCodec<Telemetry> codec, Duration window, Clock clock) {
        this.codec = codec;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Summarizes messages window by window. When {@code messages} completes, the open window is summarized
     * and the result completes.
     *
     * @param messages the telemetry messages
     * @return the summaries, one per window, in order; empty windows included
     */
    Flux<WindowSummary> summarize(Flux<MqttMessage> messages) {
        return messages
                .<Telemetry>handle((message, sink) -> {
                    try {
                        sink.next(codec.decode(message));
                        received.incrementAndGet();
                    } catch (MqttPayloadCodecException e) {
                        rejected.incrementAndGet();
                    }
                })
                .window(window)
                .index()
                .concatMap(numbered -> summarizeWindow(numbered.getT1() + 1, numbered.getT2()));
    }

    /**
     * Returns the number of readings decoded so far.
     *
     * @return the count
     */
    long received() {
        return received.get();
    }

    /**
     * Returns the number of payloads that were not telemetry JSON.
     *
     * @return the count
     */
    long rejected() {
        return rejected.get();
    }

    private Mono<WindowSummary> summarizeWindow(long number, Flux<Telemetry> readings) {
        Instant start = clock.instant();
        return readings
                .groupBy(Telemetry::deviceId)
                .flatMap(TelemetryAggregator::statsOf)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(devices -> WindowSummary.of(number, start, clock.instant(), devices));
    }

    private static Mono<Map.Entry<String, DeviceStats>> statsOf(GroupedFlux<String, Telemetry> device) {
        return device.reduce(DeviceStats.EMPTY, DeviceStats::add).map(stats -> Map.entry(device.key(), stats));
    }
}
