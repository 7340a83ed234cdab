package io.mqttreactive.samples;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@link WindowSummary}s as plain ASCII tables, one row per device: the number of readings, the
 * minimum, average and maximum temperature in degrees Celsius and the average relative humidity.
 */
final class SummaryTable {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final String HEADER = String.format(Locale.ROOT, "  %-12s %6s %9s %9s %9s %9s%n",
            "device", "count", "min C", "avg C", "max C", "avg RH %");

    private SummaryTable() {
    }

    static String render(WindowSummary summary) {
        String title = String.format(Locale.ROOT, "window %d  %s - %s  %s from %s%n", summary.number(),
                TIME.format(summary.start()), TIME.format(summary.end()), count(summary.readings(), "reading"),
                count(summary.devices().size(), "device"));
        return title + table(summary.devices());
    }

    static String render(String title, Map<String, DeviceStats> devices) {
        return title + System.lineSeparator() + table(devices);
    }

    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static String table(Map<String, DeviceStats> devices) {
        if (devices.isEmpty()) {
            return "  (no readings)" + System.lineSeparator();
        }
        StringBuilder table = new StringBuilder(HEADER);
        devices.forEach((device, stats) -> table.append(String.format(Locale.ROOT,
                "  %-12s %6d %9.2f %9.2f %9.2f %9.1f%n", device, stats.count(), stats.minTemperature(),
                stats.averageTemperature(), stats.maxTemperature(), stats.averageHumidity())));
        return table.toString();
    }
}
