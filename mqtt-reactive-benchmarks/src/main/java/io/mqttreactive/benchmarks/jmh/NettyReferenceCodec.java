package io.mqttreactive.benchmarks.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

/**
 * netty-codec-mqtt as the reference, speaking MQTT 3.1.1 or 5. Its encoder and decoder are channel handlers, so they run
 * in an {@link EmbeddedChannel}: the measured time includes one pass through that pipeline.
 */
final class NettyReferenceCodec {

    private static final AttributeKey<MqttVersion> VERSION = AttributeKey.valueOf("NETTY_CODEC_MQTT_VERSION");

    private final EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
    private final EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder(268_435_455));

    NettyReferenceCodec(io.mqttreactive.MqttVersion version) {
        MqttVersion nettyVersion = version.isMqtt5() ? MqttVersion.MQTT_5 : MqttVersion.MQTT_3_1_1;
        encoder.attr(VERSION).set(nettyVersion);
        decoder.attr(VERSION).set(nettyVersion);
    }

    /** Encodes and releases; returns the encoded size. */
    int encode(MqttMessage message) {
        encoder.writeOutbound(message);
        ByteBuf encoded = encoder.readOutbound();
        int size = encoded.readableBytes();
        encoded.release();
        return size;
    }

    /** Decodes one packet from {@code input}, left unchanged, and releases what it decoded. */
    Object decode(ByteBuf input) {
        decoder.writeInbound(input.retainedDuplicate());
        Object message = decoder.readInbound();
        if (message instanceof MqttMessage mqtt && mqtt.decoderResult().isFailure()) {
            throw new IllegalStateException("netty could not decode", mqtt.decoderResult().cause());
        }
        ReferenceCountUtil.release(message);
        return message;
    }

    void close() {
        encoder.finishAndReleaseAll();
        decoder.finishAndReleaseAll();
    }
}
