package io.mqttreactive.netty.internal.observation;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.mqttreactive.message.MqttMessage;

/**
 * The observation context of a received message: a tracing handler extracts the sender's trace context from the
 * message's MQTT 5 user properties ({@code traceparent}, {@code tracestate}).
 */
public final class ReceiveObservationContext extends ReceiverContext<MqttMessage> {

    ReceiveObservationContext(MqttMessage message) {
        super((carrier, key) -> carrier.userProperties().first(key).orElse(null), Kind.CONSUMER);
        setCarrier(message);
        setRemoteServiceName("mqtt");
    }

    /** The received message. */
    public MqttMessage message() {
        return getCarrier();
    }
}
