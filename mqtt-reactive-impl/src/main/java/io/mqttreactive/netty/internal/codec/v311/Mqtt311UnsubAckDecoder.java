package io.mqttreactive.netty.internal.codec.v311;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Decodes UNSUBACK (MQTT 3.1.1 section 3.11): a non-zero packet identifier and nothing else, so the reason code
 * list is empty.
 */
final class Mqtt311UnsubAckDecoder implements PacketDecoder {

    @Override
    public MqttPacket decode(int flags, ByteBuf body, DecodeContext context) {
        return UnsubAckPacket.of(Mqtt311Fields.readPacketId("UNSUBACK", body), List.of());
    }
}
