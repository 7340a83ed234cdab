package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.PacketDecoder;
import io.mqttreactive.netty.internal.codec.PacketEncoder;
import io.mqttreactive.netty.internal.packet.MqttPacketType;

/**
 * The packet decoders and encoders of MQTT 5.0 (chapter 3), indexed by packet type code; index 0 (reserved)
 * stays empty. Both directions exist for every type, so the codec can play client or server in tests.
 */
public final class Mqtt5Codec {

    private Mqtt5Codec() {
    }

    public static PacketDecoder[] decoders() {
        PacketDecoder[] decoders = new PacketDecoder[16];
        decoders[MqttPacketType.CONNECT.code()] = new Mqtt5ConnectDecoder();
        decoders[MqttPacketType.CONNACK.code()] = new Mqtt5ConnAckDecoder();
        decoders[MqttPacketType.PUBLISH.code()] = new Mqtt5PublishDecoder();
        decoders[MqttPacketType.PUBACK.code()] = new Mqtt5AckDecoder(MqttPacketType.PUBACK);
        decoders[MqttPacketType.PUBREC.code()] = new Mqtt5AckDecoder(MqttPacketType.PUBREC);
        decoders[MqttPacketType.PUBREL.code()] = new Mqtt5AckDecoder(MqttPacketType.PUBREL);
        decoders[MqttPacketType.PUBCOMP.code()] = new Mqtt5AckDecoder(MqttPacketType.PUBCOMP);
        decoders[MqttPacketType.SUBSCRIBE.code()] = new Mqtt5SubscribeDecoder();
        decoders[MqttPacketType.SUBACK.code()] = new Mqtt5SubAckDecoder();
        decoders[MqttPacketType.UNSUBSCRIBE.code()] = new Mqtt5UnsubscribeDecoder();
        decoders[MqttPacketType.UNSUBACK.code()] = new Mqtt5UnsubAckDecoder();
        decoders[MqttPacketType.PINGREQ.code()] = new Mqtt5PingReqDecoder();
        decoders[MqttPacketType.PINGRESP.code()] = new Mqtt5PingRespDecoder();
        decoders[MqttPacketType.DISCONNECT.code()] = new Mqtt5DisconnectDecoder();
        decoders[MqttPacketType.AUTH.code()] = new Mqtt5AuthDecoder();
        return decoders;
    }

    public static PacketEncoder<?>[] encoders() {
        PacketEncoder<?>[] encoders = new PacketEncoder<?>[16];
        encoders[MqttPacketType.CONNECT.code()] = new Mqtt5ConnectEncoder();
        encoders[MqttPacketType.CONNACK.code()] = new Mqtt5ConnAckEncoder();
        encoders[MqttPacketType.PUBLISH.code()] = new Mqtt5PublishEncoder();
        encoders[MqttPacketType.PUBACK.code()] = new Mqtt5AckEncoder(MqttPacketType.PUBACK);
        encoders[MqttPacketType.PUBREC.code()] = new Mqtt5AckEncoder(MqttPacketType.PUBREC);
        encoders[MqttPacketType.PUBREL.code()] = new Mqtt5AckEncoder(MqttPacketType.PUBREL);
        encoders[MqttPacketType.PUBCOMP.code()] = new Mqtt5AckEncoder(MqttPacketType.PUBCOMP);
        encoders[MqttPacketType.SUBSCRIBE.code()] = new Mqtt5SubscribeEncoder();
        encoders[MqttPacketType.SUBACK.code()] = new Mqtt5SubAckEncoder();
        encoders[MqttPacketType.UNSUBSCRIBE.code()] = new Mqtt5UnsubscribeEncoder();
        encoders[MqttPacketType.UNSUBACK.code()] = new Mqtt5UnsubAckEncoder();
        encoders[MqttPacketType.PINGREQ.code()] = new Mqtt5PingReqEncoder();
        encoders[MqttPacketType.PINGRESP.code()] = new Mqtt5PingRespEncoder();
        encoders[MqttPacketType.DISCONNECT.code()] = new Mqtt5DisconnectEncoder();
        encoders[MqttPacketType.AUTH.code()] = new Mqtt5AuthEncoder();
        return encoders;
    }
}
