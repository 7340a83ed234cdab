package io.mqttreactive.netty.internal.codec.v311;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.netty.buffer.ByteBuf;

/**
 * Decodes one of PUBACK, PUBREC, PUBREL and PUBCOMP (MQTT 3.1.1 sections 3.4 to 3.7): a non-zero packet
 * identifier ([MQTT-2.3.1-1] 3.1.1) and nothing else; the reason code is Success.
 */
final class Mqtt311AckDecoder implements PacketDecoder {

    private final MqttPacketType type;

    Mqtt311AckDecoder(MqttPacketType type) {
        this.type = type;
    }

    @Override
    public MqttPacket decode(int flags, ByteBuf body, DecodeContext context) {
        return AckPacket.of(type, Mqtt311Fields.readPacketId(type.name(), body));
    }
}
