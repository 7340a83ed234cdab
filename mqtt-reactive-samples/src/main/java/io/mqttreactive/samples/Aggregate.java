package io.mqttreactive.samples;

import java.util.List;
import java.util.Objects;

/**
 * What one window of one device's readings adds up to, published as JSON at QoS 1 to {@code aggregates/<device>}:
 * the number of readings, their minimum, maximum and mean value, and the sequence numbers of the readings it covers,
 * in the order they arrived. {@code instance} and {@code window} identify it: a pipeline numbers the windows it
 * closes, and each start of the pipeline has the next instance number, so that a checker can tell an aggregate
 * received twice (the same instance and window) from readings aggregated again by the instance that took over after
 * a crash.
 *
 * @param device    the device whose readings it covers
 * @param instance  which start of the pipeline made it: 1, then 2 after a restart, and so on
 * @param window    the window's number within that instance, from 1
 * @param count     how many readings it covers
 * @param min       the smallest value
 * @param max       the largest value
 * @param mean      the mean value
 * @param sequences the sequence numbers of the readings it covers, in arrival order
 */
public record Aggregate(String device, int instance, long window, int count, double min, double max, double mean,
        List<Long> sequences) {

    /**
     * Creates an aggregate.
     *
     * @throws NullPointerException     if {@code device} or {@code sequences} is {@code null}
     * @throws IllegalArgumentException if {@code count} is not the number of sequence numbers
     */
    public Aggregate {
        Objects.requireNonNull(device, "device");
        sequences = List.copyOf(sequences);
        if (count != sequences.size()) {
            throw new IllegalArgumentException("count " + count + " but " + sequences.size() + " sequence numbers");
        }
    }

    /**
     * Aggregates one window of a device's readings.
     *
     * @param instance which start of the pipeline makes it
     * @param window   the window's number within that instance
     * @param readings the window's readings, all of one device, at least one
     * @return the aggregate
     * @throws IllegalArgumentException if {@code readings} is empty or mixes devices
     */
    public static Aggregate of(int instance, long window, List<Reading> readings) {
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("a window has at least one reading");
        }
        String device = readings.get(0).device();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (Reading reading : readings) {
            if (!reading.device().equals(device)) {
                throw new IllegalArgumentException("a window has the readings of one device, not " + device
                        + " and " + reading.device());
            }
            min = Math.min(min, reading.value());
            max = Math.max(max, reading.value());
            sum += reading.value();
        }
        return new Aggregate(device, instance, window, readings.size(), min, max, sum / readings.size(),
                readings.stream().map(Reading::sequence).toList());
    }

    /**
     * Returns what identifies this aggregate among all those of a run: its instance and window number.
     *
     * @return for example {@code "1/42"}
     */
    public String id() {
        return instance + "/" + window;
    }
}
