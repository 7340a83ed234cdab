package io.mqttreactive.netty.internal.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PublishResult;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.message.UserProperty;
import io.mqttreactive.netty.internal.telemetry.MessageTracing;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Micrometer observations around single publishes ({@value #PUBLISH}) and the hand-over of received messages to
 * subscribers ({@value #RECEIVE}), with W3C trace context in MQTT 5 user properties. A publish's parent is the
 * observation in the subscriber's Reactor context (under {@value #CONTEXT_KEY}) or else the registry's current one;
 * a delivery runs within its observation's scope. Only loaded when an application binds observations.
 */
public final class ClientObservations implements MessageTracing {

    public static final String PUBLISH = "mqtt.client.publish";
    public static final String RECEIVE = "mqtt.client.receive";
    static final String CONTEXT_KEY = "micrometer.observation";

    private final ObservationRegistry registry;
    private final boolean mqtt5;

    public ClientObservations(ObservationRegistry registry, boolean mqtt5) {
        this.registry = registry;
        this.mqtt5 = mqtt5;
    }

    @Override
    public Mono<PublishResult> publish(MqttMessage message, Function<MqttMessage, Mono<PublishResult>> publisher) {
        return Mono.deferContextual(reactorContext -> {
            PublishObservationContext context = new PublishObservationContext(message);
            Observation parent = reactorContext.getOrDefault(CONTEXT_KEY, registry.getCurrentObservation());
            Observation observation = Observation.createNotStarted(PUBLISH, () -> context, registry)
                    .contextualName("mqtt publish")
                    .lowCardinalityKeyValues(keyValues(message))
                    .highCardinalityKeyValue("messaging.destination.name", message.topic().value())
                    .parentObservation(parent)
                    .start();
            return publisher.apply(withTraceContext(message, context.getCarrier()))
                    .doOnSuccess(result -> observation.stop())
                    .doOnError(failure -> observation.error(failure).stop())
                    .doOnCancel(() -> observation.lowCardinalityKeyValue("mqtt.cancelled", "true").stop());
        });
    }

    @Override
    public void deliver(MqttMessage message, Runnable emission) {
        ReceiveObservationContext context = new ReceiveObservationContext(message);
        Observation observation = Observation.createNotStarted(RECEIVE, () -> context, registry)
                .contextualName("mqtt receive")
                .lowCardinalityKeyValues(keyValues(message))
                .highCardinalityKeyValue("messaging.destination.name", message.topic().value())
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            emission.run();
        } catch (RuntimeException | Error failure) {
            observation.error(failure);
            throw failure;
        } finally {
            observation.stop();
        }
    }

    private static KeyValues keyValues(MqttMessage message) {
        return KeyValues.of("messaging.system", "mqtt", "mqtt.qos", Integer.toString(message.qos().code()));
    }

    /** Adds the injected trace context as user properties, replacing any of the same name; MQTT 5 only. */
    private MqttMessage withTraceContext(MqttMessage message, Map<String, String> traceContext) {
        if (!mqtt5 || traceContext.isEmpty()) {
            return message;
        }
        UserProperties.Builder properties = UserProperties.builder();
        for (UserProperty property : message.userProperties()) {
            if (!traceContext.containsKey(property.name())) {
                properties.add(property);
            }
        }
        traceContext.forEach(properties::add);
        return message.mutate().userProperties(properties.build()).build();
    }
}
