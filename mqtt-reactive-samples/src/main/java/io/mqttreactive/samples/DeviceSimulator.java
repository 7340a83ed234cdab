package io.mqttreactive.samples;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.spi.PayloadCodec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Flux;

/**
 * The devices of the pipeline sample: {@code devices} devices, {@code device-1} to {@code device-<n>}, take turns to
 * publish {@code readings} numbered readings in all, at a steady total rate, as QoS 1 messages to
 * {@code telemetry/<device>}. Reading {@code i} (from 0) is device {@code i % devices + 1}'s reading number
 * {@code i / devices + 1}, so each device numbers its own readings 1, 2, 3 and so on.
 *
 * <p>The readings are paced by a timer and handed to {@link io.mqttreactive.MqttClient#publish(
 * org.reactivestreams.Publisher)}; when the client cannot take one yet, the ticks it missed are dropped, not the
 * readings: the run takes longer, and every reading is still published.
 */
final class DeviceSimulator {

    private static final PayloadCodec<Reading> CODEC = PayloadCodec.json(Reading.class);

    private final int devices;
    private final long readings;
    private final Duration period;

    /**
     * Creates the devices.
     *
     * @param devices  how many devices, at least 1
     * @param readings how many readings in all, at least 1
     * @param rate     readings per second, in all, at least 1
     */
    DeviceSimulator(int devices, long readings, int rate) {
        if (devices < 1 || readings < 1 || rate < 1) {
            throw new IllegalArgumentException("devices, readings and rate must be at least 1");
        }
        this.devices = devices;
        this.readings = readings;
        this.period = Duration.ofNanos(1_000_000_000L / rate);
    }

    /**
     * Returns how many readings each device publishes, by device, in device order.
     *
     * @return the readings per device
     */
    Map<String, Long> readingsPerDevice() {
        Map<String, Long> plan = new LinkedHashMap<>();
        for (int device = 0; device < devices; device++) {
            plan.put(deviceName(device), readings / devices + (device < readings % devices ? 1 : 0));
        }
        return plan;
    }

    /**
     * Returns the readings as QoS 1 messages, one per period.
     *
     * @return a cold {@code Flux} of {@code readings} messages
     */
    Flux<MqttMessage> messages() {
        return Flux.interval(period)
                .onBackpressureDrop()
                .take(readings)
                .index()
                .map(numbered -> message(reading(numbered.getT1())));
    }

    Reading reading(long index) {
        int device = (int) (index % devices);
        long sequence = index / devices + 1;
        double value = 20 + device + 5 * Math.sin(sequence / 20.0);
        return new Reading(deviceName(device), sequence, Math.round(value * 100) / 100.0);
    }

    private static MqttMessage message(Reading reading) {
        return MqttMessage.of("telemetry/" + reading.device(), CODEC.encode(reading), MqttQos.AT_LEAST_ONCE);
    }

    private static String deviceName(int device) {
        return "device-" + (device + 1);
    }
}
