package io.mqttreactive.netty.internal.routing;

import io.mqttreactive.MqttQos;
import java.util.function.Consumer;

/**
 * One received QoS 1 or 2 PUBLISH on its way to the subscribers that matched it. Each subscriber holds it until
 * the message has gone downstream (or, in manual-acknowledgement mode, until the application acknowledged it);
 * once the last one lets go, the message may be acknowledged to the broker. Confined to the event loop.
 */
public final class InboundDelivery {

    private final int packetId;
    private final MqttQos qos;
    private final int sessionGeneration;
    private final Consumer<InboundDelivery> whenDelivered;
    private int holders;
    private boolean delivered;

    public InboundDelivery(int packetId, MqttQos qos, int sessionGeneration, Consumer<InboundDelivery> whenDelivered) {
        this.packetId = packetId;
        this.qos = qos;
        this.sessionGeneration = sessionGeneration;
        this.whenDelivered = whenDelivered;
    }

    public int packetId() {
        return packetId;
    }

    public MqttQos qos() {
        return qos;
    }

    /** Returns the session the message arrived in, as counted by the flow that received it. */
    public int sessionGeneration() {
        return sessionGeneration;
    }

    public boolean isDelivered() {
        return delivered;
    }

    /** Adds a subscriber that must {@link #release()} it once. */
    public void hold() {
        holders++;
    }

    /** A subscriber is done with the message; the last one completes the delivery. */
    public void release() {
        if (--holders == 0) {
            markDelivered();
        }
    }

    private void markDelivered() {
        if (!delivered) {
            delivered = true;
            whenDelivered.accept(this);
        }
    }
}
