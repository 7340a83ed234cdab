package io.mqttreactive.netty.internal.codec.v311;

import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.codec.PacketEncoder;

/** The packet decoders and encoders of MQTT 3.1 and 3.1.1, indexed by packet type code. */
public final class Mqtt311Codec {

    private Mqtt311Codec() {
    }

    public static PacketDecoder[] decoders() {
        return new PacketDecoder[16];
    }

    public static PacketEncoder<?>[] encoders() {
        return new PacketEncoder<?>[16];
    }
}
