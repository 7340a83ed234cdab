package io.mqttreactive.samples;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.message.AcknowledgeableMessage;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.spi.PayloadCodec;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A stream-processing stage with at-least-once delivery end to end: it consumes the readings of
 * {@value #READINGS} at QoS 1 with manual acknowledgement, cuts each device's readings into windows (at most
 * {@code windowSize} readings, closed after {@code windowTime} at the latest), aggregates each window
 * ({@link Aggregate#of}), publishes the aggregate at QoS 1 to {@code aggregates/<device>}, and acknowledges the
 * window's readings only once the broker has acknowledged the aggregate (its PUBACK arrived):
 *
 * <pre>
 * subscribeAcknowledged(telemetry/+) → groupBy(device) → bufferTimeout(size, time) → Aggregate.of
 *     → publish(Publisher) → PUBACK → acknowledge() each reading of the window
 * </pre>
 *
 * <p>That order is the chain that loses nothing: until a reading is acknowledged the broker keeps it in the
 * pipeline's session, and it is acknowledged only after what it contributed to is safely with the broker. If the
 * process dies anywhere in between, the broker sends the unacknowledged readings again to the next process with the
 * same client identifier (a persistent session: clean start off, a session expiry interval), which aggregates them
 * again. The price is QoS 1's: an aggregate can be published twice, or a reading covered by two aggregates, one
 * before and one after the crash. Consumers deduplicate by {@link Aggregate#id()} or tolerate it.
 *
 * <p>Bounded and backpressure-aware throughout: {@link MqttClient#publish(org.reactivestreams.Publisher)} requests
 * aggregates only as in-flight slots free up; windows wait for that demand ({@code bufferTimeout} with fair
 * backpressure) and stop requesting readings; readings not yet acknowledged count against the Receive Maximum the
 * client advertised (1,024 by default), so the broker stops sending. Acknowledgements leave in the order the readings
 * arrived ([MQTT-4.6.0-2]), so a window's acknowledgements also wait for the earlier readings of other devices.
 *
 * <p><b>The broker sets the pace.</b> How many unacknowledged readings the stage is sent at a time is the broker's
 * choice: HiveMQ CE sends a session's messages in batches of at most 50 and the next batch only once every message
 * of the last one is acknowledged; mosquitto keeps at most {@code max_inflight_messages} (20 by default)
 * unacknowledged. A window waiting for more readings than that closes on its time limit only, so with HiveMQ CE the
 * stage handles about 50 readings per {@code windowTime}: keep {@code windowTime} short, or aggregate further
 * downstream.
 *
 * <p>A payload that is not a reading is acknowledged and skipped, so that it cannot stop the stage. Everything
 * runs on the client's event loop, which must not block; aggregating is cheap.
 */
public final class AggregatingPipeline {

    /** The topic filter of the readings: one topic per device. */
    public static final String READINGS = "telemetry/+";

    /** The prefix of the aggregates' topics, {@code aggregates/<device>}. */
    public static final String AGGREGATES_PREFIX = "aggregates/";

    /** The most devices the stage windows at once: each has a window of its own. */
    public static final int MAX_DEVICES = 256;

    private final MqttClient client;
    private final int instance;
    private final int windowSize;
    private final Duration windowTime;
    private final PayloadCodec<Reading> readingCodec = PayloadCodec.json(Reading.class);
    private final PayloadCodec<Aggregate> aggregateCodec = PayloadCodec.json(Aggregate.class);
    private final AtomicLong windows = new AtomicLong();

    /**
     * Creates the stage.
     *
     * @param client     the client to consume and publish with; its session should be persistent
     * @param instance   which start of the pipeline this is, stamped on every aggregate
     * @param windowSize the most readings in a window, at least 1
     * @param windowTime how long a window stays open at most, positive
     * @throws IllegalArgumentException if {@code windowSize} or {@code windowTime} is out of range
     */
    public AggregatingPipeline(MqttClient client, int instance, int windowSize, Duration windowTime) {
        if (windowSize < 1 || windowTime.isNegative() || windowTime.isZero()) {
            throw new IllegalArgumentException("a window needs a size of at least 1 and a positive time, not "
                    + windowSize + " and " + windowTime);
        }
        this.client = client;
        this.instance = instance;
        this.windowSize = windowSize;
        this.windowTime = windowTime;
    }

    /**
     * Returns the stage as a cold {@code Flux}: subscribing subscribes to {@value #READINGS}. Subscribe before the
     * client connects, so that the readings a resumed session re-sends reach this subscription rather than
     * {@link MqttClient#unsolicitedMessages()}, which acknowledges and drops what nobody takes.
     *
     * @return the aggregates whose readings were acknowledged, in the order they were published; it errors when a
     *         publish fails, and completes when the client disconnects or closes
     */
    public Flux<Aggregate> run() {
        Queue<Window> awaitingPuback = new ConcurrentLinkedQueue<>();
        Flux<MqttMessage> aggregates = client.subscribeAcknowledged(READINGS, MqttQos.AT_LEAST_ONCE)
                .concatMap(this::decode, 1)
                .groupBy(input -> input.reading().device())
                .flatMap(device -> device.bufferTimeout(windowSize, windowTime, true), MAX_DEVICES)
                .map(this::aggregate)
                .doOnNext(awaitingPuback::add)
                .map(Window::message);
        // publish(Publisher) emits one result per message, in the order of the messages.
        return client.publish(aggregates)
                .concatMap(published -> awaitingPuback.remove().acknowledgeReadings(), 1);
    }

    private Mono<Input> decode(AcknowledgeableMessage message) {
        try {
            return Mono.just(new Input(readingCodec.decode(message.message().payload()), message));
        } catch (MqttPayloadCodecException e) {
            return message.acknowledge().then(Mono.empty());
        }
    }

    private Window aggregate(List<Input> inputs) {
        Aggregate aggregate = Aggregate.of(instance, windows.incrementAndGet(),
                inputs.stream().map(Input::reading).toList());
        return new Window(aggregate, MqttMessage.of(AGGREGATES_PREFIX + aggregate.device(),
                aggregateCodec.encode(aggregate), MqttQos.AT_LEAST_ONCE), inputs);
    }

    /** A reading and the received message to acknowledge once it is covered by a published aggregate. */
    private record Input(Reading reading, AcknowledgeableMessage received) {
    }

    /** A window's aggregate, the message publishing it, and the readings it covers. */
    private record Window(Aggregate aggregate, MqttMessage message, List<Input> inputs) {

        Mono<Aggregate> acknowledgeReadings() {
            return Flux.fromIterable(inputs)
                    .concatMap(input -> input.received().acknowledge())
                    .then(Mono.just(aggregate));
        }
    }
}
