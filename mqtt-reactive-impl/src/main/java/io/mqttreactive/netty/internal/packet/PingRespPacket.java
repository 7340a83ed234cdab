package io.mqttreactive.netty.internal.packet;

/** PINGRESP: a fixed header and nothing else. */
public record PingRespPacket() implements MqttPacket {

    public static final PingRespPacket INSTANCE = new PingRespPacket();

    @Override
    public MqttPacketType type() {
        return MqttPacketType.PINGRESP;
    }
}
