package io.mqttreactive.samples;

import java.util.Objects;

/**
 * One numbered telemetry reading of a device, published as JSON at QoS 1 to {@code telemetry/<device>}, for example
 * {@code {"device":"device-2","sequence":17,"value":21.84}}. Each device numbers its readings 1, 2, 3 and so on, so
 * that a checker downstream can tell which readings an aggregate covers.
 *
 * @param device   the device that measured it
 * @param sequence its number among the device's readings, from 1
 * @param value    what it measured
 */
public record Reading(String device, long sequence, double value) {

    /**
     * Creates a reading.
     *
     * @throws NullPointerException     if {@code device} is {@code null}
     * @throws IllegalArgumentException if {@code sequence} is less than 1
     */
    public Reading {
        Objects.requireNonNull(device, "device");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1: " + sequence);
        }
    }
}
