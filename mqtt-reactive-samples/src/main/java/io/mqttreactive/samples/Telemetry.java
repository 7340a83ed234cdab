package io.mqttreactive.samples;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading of a simulated device, published as JSON, for example
 * {@code {"deviceId":"dev-01","temperature":21.37,"humidity":48.2,"timestamp":"2025-06-01T12:00:00.250Z"}}.
 *
 * @param deviceId    the device that measured it
 * @param temperature the temperature in degrees Celsius
 * @param humidity    the relative humidity in percent
 * @param timestamp   when it was measured
 */
public record Telemetry(String deviceId, double temperature, double humidity, Instant timestamp) {

    /**
     * Creates a reading.
     *
     * @throws NullPointerException if {@code deviceId} or {@code timestamp} is {@code null}
     */
    public Telemetry {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
