package io.mqttreactive.samples;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The temperature and humidity sensor of a simulated device: a bounded random walk from a starting point that
 * depends on the device, so each device has readings of its own.
 *
 * <p>Not thread-safe: a device takes its readings one at a time.
 */
final class SimulatedSensor {

    private final String deviceId;
    private final SplittableRandom random;
    private double temperature;
    private double humidity;

    SimulatedSensor(String deviceId, int deviceNumber) {
        this.deviceId = deviceId;
        this.random = new SplittableRandom(deviceId.hashCode());
        this.temperature = 18 + 1.5 * (deviceNumber % 7) + random.nextDouble();
        this.humidity = 40 + 3 * (deviceNumber % 5) + random.nextDouble(5);
    }

    Telemetry read(Instant now) {
        temperature = clamp(temperature + random.nextDouble(-0.4, 0.4), -20, 60);
        humidity = clamp(humidity + random.nextDouble(-1, 1), 5, 95);
        return new Telemetry(deviceId, round(temperature), round(humidity), now);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
