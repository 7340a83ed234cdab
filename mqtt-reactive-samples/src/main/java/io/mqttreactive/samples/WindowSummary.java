package io.mqttreactive.samples;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The readings the dashboard received in one time window, per device.
 *
 * @param number  the window's number, from 1
 * @param start   when the window opened
 * @param end     when it closed
 * @param devices the statistics of each device that reported in the window, by device identifier
 */
public record WindowSummary(long number, Instant start, Instant end, SortedMap<String, DeviceStats> devices) {

    /**
     * Creates a summary; keeps an unmodifiable copy of {@code devices}.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public WindowSummary {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        devices = Collections.unmodifiableSortedMap(new TreeMap<>(devices));
    }

    /**
     * Creates a summary from statistics in any map.
     *
     * @param number  the window's number
     * @param start   when it opened
     * @param end     when it closed
     * @param devices the statistics by device identifier
     * @return the summary
     */
    public static WindowSummary of(long number, Instant start, Instant end, Map<String, DeviceStats> devices) {
        return new WindowSummary(number, start, end, new TreeMap<>(devices));
    }

    /**
     * Returns the number of readings in the window, of all devices.
     *
     * @return the count
     */
    public long readings() {
        return devices.values().stream().mapToLong(DeviceStats::count).sum();
    }
}
