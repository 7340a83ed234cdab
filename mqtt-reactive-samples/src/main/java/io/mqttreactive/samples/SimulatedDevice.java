package io.mqttreactive.samples;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.spi.PayloadCodec;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A simulated device with its own {@link MqttClient}: it publishes a {@link Telemetry} reading as JSON at QoS 1
 * to a topic of its own ({@code fleet/<device>/telemetry} in the quickstart) at a fixed rate.
 *
 * <p>With MQTT 5 the codec also sets the message's content type ({@code application/json}) and payload format
 * indicator (UTF-8); MQTT 3.1 and 3.1.1 have no such properties, so there the message carries the payload alone.
 *
 * <p>Readings are made on a Reactor timer and handed to {@link MqttClient#publish(org.reactivestreams.Publisher)},
 * which requests them only as in-flight slots free up. A reading due while the client cannot take one is
 * dropped and counted, as a real sensor overwrites its last value, rather than queued without bound.
 */
public final class SimulatedDevice {

    private final String deviceId;
    private final MqttClient client;
    private final PayloadCodec<Telemetry> codec;
    private final SimulatedSensor sensor;
    private final String topic;
    private final AtomicLong dropped = new AtomicLong();

    SimulatedDevice(String deviceId, int deviceNumber, MqttClient client, PayloadCodec<Telemetry> codec) {
        this(deviceId, deviceNumber, client, codec, topicOf(deviceId));
    }

    /**
     * Creates a device that publishes its readings to {@code topic}.
     *
     * @param deviceId     the device's identifier, in every reading
     * @param deviceNumber its number in the fleet, which sets where its readings start
     * @param client       its own client, not yet connected
     * @param codec        the codec of the readings
     * @param topic        the topic of its readings
     */
    public SimulatedDevice(String deviceId, int deviceNumber, MqttClient client, PayloadCodec<Telemetry> codec,
            String topic) {
        this.deviceId = deviceId;
        this.client = client;
        this.codec = codec;
        this.sensor = new SimulatedSensor(deviceId, deviceNumber);
        this.topic = topic;
    }

    static String topicOf(String deviceId) {
        return "fleet/" + deviceId + "/telemetry";
    }

    /**
     * Returns the device's identifier.
     *
     * @return the identifier
     */
    public String deviceId() {
        return deviceId;
    }

    /**
     * Returns the number of readings dropped because the client could not take them when they were due.
     *
     * @return the dropped readings
     */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Connects the device's client.
     *
     * @return the client's connect
     */
    public Mono<ConnectResult> connect() {
        return client.connect();
    }

    /**
     * Publishes readings until {@code stop} completes, then waits for the acknowledgements of those in flight.
     *
     * @param period       the time between readings
     * @param initialDelay the time before the first, to spread the devices' publishes
     * @param stop         completes when the device should stop
     * @param clock        the clock of the readings' timestamps
     * @return a {@code Mono} of the number of readings the broker acknowledged
     */
    public Mono<Long> publish(Duration period, Duration initialDelay, Mono<Void> stop, Clock clock) {
        Flux<MqttMessage> readings = Flux.interval(initialDelay, period)
                .onBackpressureDrop(tick -> dropped.incrementAndGet())
                .takeUntilOther(stop)
                .map(tick -> message(sensor.read(clock.instant().truncatedTo(ChronoUnit.MILLIS)), topic,
                        client.options().version(), codec));
        return client.publish(readings).count();
    }

    /**
     * Makes the QoS 1 message of a reading: the JSON payload and, with MQTT 5, the codec's content type and
     * payload format indicator.
     */
    static MqttMessage message(Telemetry reading, String topic, MqttVersion version, PayloadCodec<Telemetry> codec) {
        MqttMessage.Builder message = MqttMessage.builder().topic(topic).qos(MqttQos.AT_LEAST_ONCE);
        if (version.isMqtt5()) {
            return codec.encode(reading, message).build();
        }
        return message.payload(codec.encode(reading)).build();
    }

}
