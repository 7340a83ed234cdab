package io.mqttreactive.netty.internal.packet;

/** PINGREQ: a fixed header and nothing else. */
public record PingReqPacket() implements MqttPacket {

    public static final PingReqPacket INSTANCE = new PingReqPacket();

    @Override
    public MqttPacketType type() {
        return MqttPacketType.PINGREQ;
    }
}
