package io.mqttreactive.netty.internal.codec.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

/**
 * Runs Netty's {@code MqttDecoder} and {@code MqttEncoder} in an {@link EmbeddedChannel}. Netty learns the protocol
 * version from the CONNECT that crosses the channel and keeps it in the channel attribute
 * {@code MqttCodecUtil.MQTT_VERSION_KEY}, named {@code "NETTY_CODEC_MQTT_VERSION"}; as that class is package-private,
 * the attribute is reached by its name, which {@link AttributeKey#valueOf(String)} maps to the same key. Every
 * channel is finished with {@code finishAndReleaseAll()} and every decoded message is released.
 */
final class NettyCodec {

    static final AttributeKey<io.netty.handler.codec.mqtt.MqttVersion> VERSION_KEY =
            AttributeKey.valueOf("NETTY_CODEC_MQTT_VERSION");

    private static final int MAX_BYTES_IN_MESSAGE = 1 << 20;
    private static final int MAX_CLIENT_ID_LENGTH_OF_MQTT_3_1 = 23;

    private NettyCodec() {
    }

    /** Decodes exactly one packet from {@code bytes}, which the channel takes over and releases. */
    static MqttPacket decode(ByteBuf bytes, MqttVersion version) {
        EmbeddedChannel channel = channel(version,
                new MqttDecoder(MAX_BYTES_IN_MESSAGE, MAX_CLIENT_ID_LENGTH_OF_MQTT_3_1));
        try {
            channel.writeInbound(bytes);
            MqttMessage message = channel.readInbound();
            try {
                assertThat(message).as("Netty decoded no message").isNotNull();
                assertThat(message.decoderResult().cause()).as("Netty's decoder failed on our encoding").isNull();
                assertThat(channel.inboundMessages()).as("Netty decoded more than one message").isEmpty();
                return ModelPackets.from(message);
            } finally {
                ReferenceCountUtil.release(message);
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** Encodes {@code message}, which the channel releases, with Netty; the caller releases the returned buffer. */
    static ByteBuf encode(MqttMessage message, MqttVersion version) {
        EmbeddedChannel channel = channel(version, MqttEncoder.INSTANCE);
        try {
            assertThat(channel.writeOutbound(message)).isTrue();
            ByteBuf encoded = channel.readOutbound();
            assertThat(channel.outboundMessages()).isEmpty();
            return encoded;
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static EmbeddedChannel channel(MqttVersion version, io.netty.channel.ChannelHandler handler) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.attr(VERSION_KEY).set(NettyMessages.nettyVersion(version));
        channel.pipeline().addLast(handler);
        return channel;
    }
}
