package io.mqttreactive.netty.internal.codec.v311;

import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.codec.PacketEncoder;
import io.mqttreactive.netty.internal.packet.MqttPacketType;

/**
 * The packet decoders and encoders of MQTT 3.1 and 3.1.1 (MQTT 3.1.1 chapter 3), indexed by packet type code.
 * The reserved code 0 and AUTH, which exists only in MQTT 5, have none. The version differences are taken from
 * the context each call receives.
 */
public final class Mqtt311Codec {

    private Mqtt311Codec() {
    }

    public static PacketDecoder[] decoders() {
        PacketDecoder[] decoders = new PacketDecoder[16];
        decoders[MqttPacketType.CONNECT.code()] = new Mqtt311ConnectDecoder();
        decoders[MqttPacketType.CONNACK.code()] = new Mqtt311ConnAckDecoder();
        decoders[MqttPacketType.PUBLISH.code()] = new Mqtt311PublishDecoder();
        for (MqttPacketType ack : new MqttPacketType[] {MqttPacketType.PUBACK, MqttPacketType.PUBREC,
                MqttPacketType.PUBREL, MqttPacketType.PUBCOMP}) {
            decoders[ack.code()] = new Mqtt311AckDecoder(ack);
        }
        decoders[MqttPacketType.SUBSCRIBE.code()] = new Mqtt311SubscribeDecoder();
        decoders[MqttPacketType.SUBACK.code()] = new Mqtt311SubAckDecoder();
        decoders[MqttPacketType.UNSUBSCRIBE.code()] = new Mqtt311UnsubscribeDecoder();
        decoders[MqttPacketType.UNSUBACK.code()] = new Mqtt311UnsubAckDecoder();
        decoders[MqttPacketType.PINGREQ.code()] = new Mqtt311PingReqDecoder();
        decoders[MqttPacketType.PINGRESP.code()] = new Mqtt311PingRespDecoder();
        decoders[MqttPacketType.DISCONNECT.code()] = new Mqtt311DisconnectDecoder();
        return decoders;
    }

    public static PacketEncoder<?>[] encoders() {
        PacketEncoder<?>[] encoders = new PacketEncoder<?>[16];
        encoders[MqttPacketType.CONNECT.code()] = new Mqtt311ConnectEncoder();
        encoders[MqttPacketType.CONNACK.code()] = new Mqtt311ConnAckEncoder();
        encoders[MqttPacketType.PUBLISH.code()] = new Mqtt311PublishEncoder();
        Mqtt311AckEncoder ackEncoder = new Mqtt311AckEncoder();
        encoders[MqttPacketType.PUBACK.code()] = ackEncoder;
        encoders[MqttPacketType.PUBREC.code()] = ackEncoder;
        encoders[MqttPacketType.PUBREL.code()] = ackEncoder;
        encoders[MqttPacketType.PUBCOMP.code()] = ackEncoder;
        encoders[MqttPacketType.SUBSCRIBE.code()] = new Mqtt311SubscribeEncoder();
        encoders[MqttPacketType.SUBACK.code()] = new Mqtt311SubAckEncoder();
        encoders[MqttPacketType.UNSUBSCRIBE.code()] = new Mqtt311UnsubscribeEncoder();
        encoders[MqttPacketType.UNSUBACK.code()] = new Mqtt311UnsubAckEncoder();
        encoders[MqttPacketType.PINGREQ.code()] = new Mqtt311PingReqEncoder();
        encoders[MqttPacketType.PINGRESP.code()] = new Mqtt311PingRespEncoder();
        encoders[MqttPacketType.DISCONNECT.code()] = new Mqtt311DisconnectEncoder();
        return encoders;
    }
}
