package io.mqttreactive.internal;

import io.mqttreactive.message.MqttMessage;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Gives a payload array to an {@link MqttMessage.Builder} without the defensive copy, for the implementation
 * that builds each received message around a payload it decoded and never changes. Exported to the
 * implementation module only; not part of the public API.
 */
public final class OwnedPayloads {

    private static volatile @Nullable BiConsumer<MqttMessage.Builder, byte[]> adopter;

    private OwnedPayloads() {
    }

    /** Called once, by {@link MqttMessage}, with the builder's way to take a payload without copying it. */
    public static void register(BiConsumer<MqttMessage.Builder, byte[]> payloadAdopter) {
        if (adopter != null) {
            throw new IllegalStateException("a payload adopter is registered already");
        }
        adopter = payloadAdopter;
    }

    /**
     * Sets {@code payload} as the builder's payload without copying it; the caller must never change the array
     * afterwards.
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
}
