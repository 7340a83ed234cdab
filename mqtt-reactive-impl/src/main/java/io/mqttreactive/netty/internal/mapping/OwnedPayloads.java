package io.mqttreactive.netty.internal.mapping;

import io.mqttreactive.internal.PayloadLending;
import io.mqttreactive.message.MqttMessage;
import org.jspecify.annotations.Nullable;

/**
 * Builds received messages around the payload the decoder produced, and encodes outgoing PUBLISH packets from
 * the message's own payload, without the defensive copies of the public API. Nothing changes either array.
 */
public final class OwnedPayloads {

    private OwnedPayloads() {
    }

    /**
     * Sets {@code payload}, a received one, as the builder's payload without copying it; the caller must never
     * change the array afterwards. {@code build()} does not check it against a UTF-8 payload format indicator: a
     * received message is delivered as its sender sent it, and the receiver decides whether to check.
     *
     * @throws IllegalArgumentException if the payload is larger than {@link MqttMessage#MAX_PAYLOAD_SIZE}
     */
    public static MqttMessage.Builder adopt(MqttMessage.Builder builder, byte[] payload) {
        PayloadLending.Lender<MqttMessage.Builder, MqttMessage> lender = lender();
        if (lender == null) {
            return builder.payload(payload);
        }
        lender.adopt(builder, payload);
        return builder;
    }

    /** Returns the message's own payload array, not a copy; the caller must never change it. */
    public static byte[] read(MqttMessage message) {
        PayloadLending.Lender<MqttMessage.Builder, MqttMessage> lender = lender();
        return lender == null ? message.payload() : lender.read(message);
    }

    /** MqttMessage is the only type that registers a lender, in its static initializer. */
    @SuppressWarnings("unchecked")
    private static PayloadLending.@Nullable Lender<MqttMessage.Builder, MqttMessage> lender() {
        return (PayloadLending.Lender<MqttMessage.Builder, MqttMessage>) PayloadLending.lender();
    }
}
