package io.mqttreactive.samples;

/**
 * What one device reported in a time window: the number of readings, and the minimum, sum and maximum of their
 * temperatures and the sum of their humidities. Immutable; {@link #add(Telemetry)} and
 * {@link #merge(DeviceStats)} return new values.
 *
 * @param count          the number of readings
 * @param minTemperature the lowest temperature, or {@code +Infinity} with no readings
 * @param maxTemperature the highest temperature, or {@code -Infinity} with no readings
 * @param sumTemperature the sum of the temperatures
 * @param sumHumidity    the sum of the humidities
 */
public record DeviceStats(long count, double minTemperature, double maxTemperature, double sumTemperature,
        double sumHumidity) {

    /** No readings. */
    public static final DeviceStats EMPTY =
            new DeviceStats(0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0);

    /**
     * Returns these statistics with one more reading.
     *
     * @param reading the reading
     * @return the updated statistics
     */
    public DeviceStats add(Telemetry reading) {
        return new DeviceStats(count + 1, Math.min(minTemperature, reading.temperature()),
                Math.max(maxTemperature, reading.temperature()), sumTemperature + reading.temperature(),
                sumHumidity + reading.humidity());
    }

    /**
     * Returns the statistics of the readings of both.
     *
     * @param other other statistics of the same device
     * @return the combined statistics
     */
    public DeviceStats merge(DeviceStats other) {
        return new DeviceStats(count + other.count, Math.min(minTemperature, other.minTemperature),
                Math.max(maxTemperature, other.maxTemperature), sumTemperature + other.sumTemperature,
                sumHumidity + other.sumHumidity);
    }

    /**
     * Returns the average temperature.
     *
     * @return the average, or {@code NaN} with no readings
     */
    public double averageTemperature() {
        return count == 0 ? Double.NaN : sumTemperature / count;
    }

    /**
     * Returns the average humidity.
     *
     * @return the average, or {@code NaN} with no readings
     */
    public double averageHumidity() {
        return count == 0 ? Double.NaN : sumHumidity / count;
    }
}
