package io.mqttreactive.netty.internal.codec;

import io.mqttreactive.netty.internal.codec.v311.Mqtt311Codec;
import io.mqttreactive.netty.internal.codec.v5.Mqtt5Codec;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Encodes a packet with the encoder of its type and of the connection's protocol version. */
public final class MqttPacketEncoder {

    private static final PacketEncoder<?>[] MQTT_3 = Mqtt311Codec.encoders();
    private static final PacketEncoder<?>[] MQTT_5 = Mqtt5Codec.encoders();

    private MqttPacketEncoder() {
    }

    /**
     * Returns the packet encoded into one buffer of its exact size.
     *
     * @throws MqttEncodeException if a field breaks the rules of the version, the packet type does not exist
     *         in it, or the packet exceeds the peer's maximum packet size
     */
    @SuppressWarnings("unchecked")
    public static ByteBuf encode(MqttPacket packet, ByteBufAllocator allocator, EncodeContext context) {
        PacketEncoder<?>[] encoders = context.version().isMqtt5() ? MQTT_5 : MQTT_3;
        PacketEncoder<MqttPacket> encoder = (PacketEncoder<MqttPacket>) encoders[packet.type().code()];
        if (encoder == null) {
            throw MqttEncodeException.invalid(packet.type() + " does not exist in " + context.version());
        }
        return encoder.encode(packet, allocator, context);
    }
}
