package io.mqttreactive.netty.internal.observation;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.mqttreactive.message.MqttMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The observation context of a publish: its carrier collects the trace context a tracing handler injects
 * ({@code traceparent}, {@code tracestate}), which goes out as MQTT 5 user properties of the message.
 */
public final class PublishObservationContext extends SenderContext<Map<String, String>> {

    private final MqttMessage message;

    PublishObservationContext(MqttMessage message) {
        super((carrier, key, value) -> carrier.put(key, value), Kind.PRODUCER);
        this.message = message;
        setCarrier(new LinkedHashMap<>());
        setRemoteServiceName("mqtt");
    }

    /** The message as the application gave it, without the trace context. */
    public MqttMessage message() {
        return message;
    }
}
