package io.mqttreactive.samples;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The dashboard's running totals over all windows: how many windows there were and what each device reported
 * in all of them. Mutable and not thread-safe: fed one summary at a time by a Reactor {@code reduce}.
 */
final class FleetTotals {

    private final SortedMap<String, DeviceStats> devices = new TreeMap<>();
    private long windows;

    FleetTotals add(WindowSummary summary) {
        windows++;
        summary.devices().forEach((device, stats) -> devices.merge(device, stats, DeviceStats::merge));
        return this;
    }

    long windows() {
        return windows;
    }

    SortedMap<String, DeviceStats> devices() {
        return Collections.unmodifiableSortedMap(devices);
    }
}
