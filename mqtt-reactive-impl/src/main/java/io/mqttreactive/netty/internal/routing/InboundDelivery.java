package io.mqttreactive.netty.internal.routing;

import io.mqttreactive.MqttQos;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One received QoS 1 or 2 message on its way to the subscribers that matched it. Each subscriber holds it until
 * the message has gone downstream (or, in manual-acknowledgement mode, until the application acknowledged it)
 * and then {@linkplain #release() releases} it, {@linkplain #reject(Rejection) rejects} it (the application
 * refused it), or {@linkplain #abandon() abandons} it when it ends without having passed the message on. Once
 * the last holder lets go the delivery is complete: {@linkplain #isAccepted() accepted} when every holder passed
 * it on or refused it, so the broker may be told; otherwise it is left unacknowledged, and the broker sends it
 * again when the session resumes. Confined to the event loop.
 */
public final class InboundDelivery {

    private final int packetId;
    private final MqttQos qos;
    private final int sessionGeneration;
    private final Consumer<InboundDelivery> whenComplete;
    private int holders;
    private boolean complete;
    private boolean abandoned;
    private @Nullable Rejection rejection;

    /**
     * A subscriber's refusal of the message, to be sent as the reason of its PUBACK or PUBREC (MQTT 5.0).
     *
     * @param reasonCode   a PUBACK/PUBREC reason code of 0x80 or more
     * @param reasonString the reason string, or null
     */
    public record Rejection(int reasonCode, @Nullable String reasonString) {
    }

    public InboundDelivery(int packetId, MqttQos qos, int sessionGeneration, Consumer<InboundDelivery> whenComplete) {
        this.packetId = packetId;
        this.qos = qos;
        this.sessionGeneration = sessionGeneration;
        this.whenComplete = whenComplete;
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

    /** Tells whether every holder has let go. */
    public boolean isComplete() {
        return complete;
    }

    /** Tells whether the delivery is complete and every holder passed the message on. */
    public boolean isAccepted() {
        return complete && !abandoned;
    }

    /** Adds a subscriber that must {@link #release()} or {@link #abandon()} it once. */
    public void hold() {
        holders++;
    }

    /** A subscriber passed the message on; the last holder completes the delivery. */
    public void release() {
        if (--holders == 0 && !complete) {
            complete = true;
            whenComplete.accept(this);
        }
    }

    /**
     * A subscriber refused the message: once complete, it is answered with this negative acknowledgement instead
     * of a successful one. The first refusal counts, whatever the other holders do.
     */
    public void reject(Rejection refusal) {
        if (rejection == null) {
            rejection = refusal;
        }
        release();
    }

    /** Returns the refusal a holder gave, or null if none refused the message. */
    public @Nullable Rejection rejection() {
        return rejection;
    }

    /** A subscriber ended without passing the message on: the message must not be acknowledged. */
    public void abandon() {
        abandoned = true;
        release();
    }
}
