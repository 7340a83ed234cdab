package io.mqttreactive.samples;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttVersion;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the quickstart runs: against which broker, how many devices publishing how fast, for how long, and how
 * the dashboard cuts its windows.
 *
 * @param broker      the broker's address, transport and credentials; empty to start an embedded broker
 * @param version     the MQTT version; empty for the broker options' version
 * @param devices     the number of simulated devices, each with its own client
 * @param rate        readings per second per device
 * @param duration    how long the devices publish, unless {@code keepRunning}
 * @param window      the length of the dashboard's time windows
 * @param keepRunning whether to run until interrupted rather than for {@code duration}
 */
public record QuickstartSettings(Optional<MqttClientOptions> broker, Optional<MqttVersion> version, int devices,
        double rate, Duration duration, Duration window, boolean keepRunning) {

    /** The most devices the quickstart simulates. */
    public static final int MAX_DEVICES = 1_000;

    /** The highest rate, in readings per second per device. */
    public static final double MAX_RATE = 1_000;

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if a number is out of range
     */
    public QuickstartSettings {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(window, "window");
        if (devices < 1 || devices > MAX_DEVICES) {
            throw new IllegalArgumentException("devices must be 1 to " + MAX_DEVICES + ", was " + devices);
        }
        if (!(rate > 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be above 0 and at most " + MAX_RATE + ", was " + rate);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms, was " + window);
        }
    }

    /**
     * Returns the time between two readings of one device.
     *
     * @return {@code 1 s / rate}, at least 1 ms
     */
    public Duration period() {
        return Duration.ofNanos(Math.max(1_000_000L, Math.round(1e9 / rate)));
    }
}
