package io.mqttreactive.internal;

import io.mqttreactive.message.MqttMessage;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Hands payload arrays between messages and the implementation without the defensive copies of the public API:
 * a received message is built around the payload the implementation decoded, and an outgoing PUBLISH is encoded
 * from the message's own payload. The implementation never changes either array. Exported to the implementation
 * module only; not part of the public API.
 */
public final class OwnedPayloads {

    private static volatile @Nullable BiConsumer<MqttMessage.Builder, byte[]> adopter;
    private static volatile @Nullable Function<MqttMessage, byte[]> reader;

    private OwnedPayloads() {
    }

    /**
     * Called once, by {@link MqttMessage}, with the builder's way to take a payload without copying it and the
     * message's way to give its payload without copying it.
     */
    public static void register(BiConsumer<MqttMessage.Builder, byte[]> payloadAdopter,
            Function<MqttMessage, byte[]> payloadReader) {
        if (adopter != null) {
            throw new IllegalStateException("a payload adopter is registered already");
        }
        reader = payloadReader;
        adopter = payloadAdopter;
    }

    /**
     * Sets {@code payload}, a received one, as the builder's payload without copying it; the caller must never
     * change the array afterwards. {@code build()} does not check it against a UTF-8 payload format indicator: a
     * received message is delivered as its sender sent it, and the receiver decides whether to check.
     *
     * @throws IllegalArgumentException if the payload is larger than {@link MqttMessage#MAX_PAYLOAD_SIZE}
     */
    public static MqttMessage.Builder adopt(MqttMessage.Builder builder, byte[] payload) {
        BiConsumer<MqttMessage.Builder, byte[]> registered = adopter;
        if (registered == null) {
            return builder.payload(payload);
        }
        registered.accept(builder, payload);
        return builder;
    }

    /** Returns the message's own payload array, not a copy; the caller must never change it. */
    public static byte[] read(MqttMessage message) {
        Function<MqttMessage, byte[]> registered = reader;
        return registered == null ? message.payload() : registered.apply(message);
    }
}
