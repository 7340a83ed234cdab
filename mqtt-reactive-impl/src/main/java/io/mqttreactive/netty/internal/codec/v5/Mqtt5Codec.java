package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.codec.PacketEncoder;

/** The packet decoders and encoders of MQTT 5.0, indexed by packet type code. */
public final class Mqtt5Codec {

    private Mqtt5Codec() {
    }

    public static PacketDecoder[] decoders() {
        return new PacketDecoder[16];
    }

    public static PacketEncoder<?>[] encoders() {
        return new PacketEncoder<?>[16];
    }
}
