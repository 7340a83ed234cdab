package io.mqttreactive.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void rendersOneRowPerDevice() {
        DeviceStats stats = DeviceStats.EMPTY.add(new Telemetry("dev-01", 20.0, 40.0, START))
                .add(new Telemetry("dev-01", 21.0, 42.0, START));
        WindowSummary summary = WindowSummary.of(3, START, START.plusSeconds(2), Map.of("dev-01", stats));
        String text = SummaryTable.render(summary);
        assertThat(text).startsWith("window 3  " + SummaryTable.time(START) + " - "
                + SummaryTable.time(START.plusSeconds(2)) + "  2 readings from 1 device");
        assertThat(text).contains("device", "count", "min C", "avg C", "max C", "avg RH %");
        assertThat(text.lines()).anySatisfy(line ->
                assertThat(line.trim().split("\\s+"))
                        .containsExactly("dev-01", "2", "20.00", "20.50", "21.00", "41.0"));
    }

    @Test
    void saysWhenAWindowIsEmpty() {
        WindowSummary empty = WindowSummary.of(1, START, START.plusSeconds(2), Map.of());
        assertThat(SummaryTable.render(empty)).contains("0 readings from 0 devices", "(no readings)");
        assertThat(SummaryTable.count(1, "reading")).isEqualTo("1 reading");
    }

    @Test
    void mergesStatisticsOfSeveralWindows() {
        DeviceStats first = DeviceStats.EMPTY.add(new Telemetry("d", 10, 50, START));
        DeviceStats second = DeviceStats.EMPTY.add(new Telemetry("d", 30, 70, START))
                .add(new Telemetry("d", 20, 60, START));
        DeviceStats merged = first.merge(second);
        assertThat(merged.count()).isEqualTo(3);
        assertThat(merged.minTemperature()).isEqualTo(10);
        assertThat(merged.maxTemperature()).isEqualTo(30);
        assertThat(merged.averageTemperature()).isEqualTo(20);
        assertThat(merged.averageHumidity()).isEqualTo(60);
        assertThat(DeviceStats.EMPTY.averageTemperature()).isNaN();
    }
}
