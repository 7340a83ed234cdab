package io.mqttreactive.samples;

import java.util.Map;
import java.util.SortedMap;

/**
 * What a quickstart run did.
 *
 * @param published the number of readings the broker acknowledged, by device
 * @param received  what the dashboard received over the whole run, by device
 * @param windows   the number of windows the dashboard summarized
 * @param dropped   the readings devices skipped because their client could not take them yet
 * @param rejected  the payloads the dashboard could not decode as telemetry
 */
public record RunReport(SortedMap<String, Long> published, SortedMap<String, DeviceStats> received, long windows,
        long dropped, long rejected) {

    /**
     * Returns the number of readings the broker acknowledged, of all devices.
     *
     * @return the count
     */
    public long publishedCount() {
        return published.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Returns the number of readings the dashboard received, of all devices.
     *
     * @return the count
     */
    public long receivedCount() {
        return received.values().stream().mapToLong(DeviceStats::count).sum();
    }

    /**
     * Tells whether the dashboard received every acknowledged reading of every device.
     *
     * @return {@code true} if, for each device, as many were received as were published
     */
    public boolean allDelivered() {
        return published.entrySet().stream().allMatch(device -> received(device).count() >= device.getValue());
    }

    private DeviceStats received(Map.Entry<String, Long> device) {
        return received.getOrDefault(device.getKey(), DeviceStats.EMPTY);
    }
}
