package io.mqttreactive.netty.internal.packet;

/**
 * An MQTT control packet in the one version-neutral model of the codec: a superset of MQTT 5, of which
 * MQTT 3.1 and 3.1.1 use a subset. Packets are immutable; absent MQTT 5 properties hold the value the
 * standard defines as their default, so that a packet means the same whichever version carries it.
 */
public sealed interface MqttPacket permits ConnectPacket, ConnAckPacket, PublishPacket, AckPacket,
        SubscribePacket, SubAckPacket, UnsubscribePacket, UnsubAckPacket, PingReqPacket, PingRespPacket,
        DisconnectPacket, AuthPacket {

    /** Returns the control packet type. */
    MqttPacketType type();
}
