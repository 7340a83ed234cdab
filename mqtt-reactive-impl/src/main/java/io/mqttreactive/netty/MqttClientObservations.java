package io.mqttreactive.netty;

import io.micrometer.observation.ObservationRegistry;
import io.mqttreactive.MqttClient;
import io.mqttreactive.netty.internal.client.NettyMqttClient;
import io.mqttreactive.netty.internal.observation.ClientObservations;
import java.util.Objects;
import reactor.core.Disposable;

/**
 * Micrometer observations of single publishes and received messages, bound to a client after it was created,
 * with the W3C trace context carried in MQTT 5 user properties so that a tracing bridge (Micrometer Tracing with
 * Brave or OpenTelemetry) links the receiver's span to the sender's:
 *
 * <pre>{@code
 * Disposable observations = MqttClientObservations.of(observationRegistry).bindTo(client);
 * }</pre>
 *
 * <ul>
 * <li>{@code mqtt.client.publish}: from the subscription to a
 *     {@link MqttClient#publish(io.mqttreactive.message.MqttMessage) single publish} to its outcome (written, PUBACK or PUBCOMP), with the error if it failed. Its context is a
 *     Micrometer {@code SenderContext} whose carrier takes the trace context a tracing handler injects
 *     ({@code traceparent}, and {@code tracestate} when present); on an MQTT 5 client these go out as user
 *     properties of the message, replacing user properties of the same name. The parent is the observation in the
 *     subscriber's Reactor context under {@code micrometer.observation} (as Reactor's
 *     {@code contextCapture()} or {@code tap(Micrometer.observation(..))} put it), or else the registry's
 *     current observation. Publishes of {@link MqttClient#publish(org.reactivestreams.Publisher) a stream} are not
 *     observed.</li>
 * <li>{@code mqtt.client.receive}: the hand-over of a received message to each subscriber. Its context is a
 *     Micrometer {@code ReceiverContext} whose getter reads the message's user properties, so that a tracing
 *     handler continues the sender's trace. The subscriber's {@code onNext} runs within the observation's scope:
 *     work done synchronously there, on the client's event loop, sees it as the current observation.</li>
 * </ul>
 * Both carry the low-cardinality key values {@code messaging.system=mqtt} and {@code mqtt.qos}, and the
 * high-cardinality {@code messaging.destination.name} (the topic).
 *
 * <p>Micrometer ({@code io.micrometer:micrometer-observation}) is an optional dependency: add it to use this
 * class. A client that is never bound loads no Micrometer class. Instances are immutable and thread-safe.
 */
public final class MqttClientObservations {

    private final ObservationRegistry registry;

    private MqttClientObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * Returns observations that go to {@code registry}.
     *
     * @param registry the observation registry, with the handlers (tracing, metrics) the application set up
     * @return the observations, ready to {@linkplain #bindTo bind}
     * @throws NullPointerException if {@code registry} is null
     */
    public static MqttClientObservations of(ObservationRegistry registry) {
        return new MqttClientObservations(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Observes the client's single publishes and received messages from now on, until the returned handle is
     * disposed. At most one binding per client at a time.
     *
     * @param client a client created by this implementation, as {@code MqttClients.create(..)} returns
     * @return the binding; dispose it to stop observing
     * @throws NullPointerException     if {@code client} is null
     * @throws IllegalArgumentException if {@code client} was not created by this implementation
     * @throws IllegalStateException    if observations are bound to the client already
     */
    public Disposable bindTo(MqttClient client) {
        Objects.requireNonNull(client, "client");
        if (!(client instanceof NettyMqttClient nettyClient)) {
            throw new IllegalArgumentException("not a client of mqtt-reactive-impl: " + client.getClass().getName());
        }
        return nettyClient.telemetry().trace(new ClientObservations(registry, client.options().version().isMqtt5()));
    }

    @Override
    public String toString() {
        return "MqttClientObservations[registry=" + registry.getClass().getSimpleName() + "]";
    }
}
