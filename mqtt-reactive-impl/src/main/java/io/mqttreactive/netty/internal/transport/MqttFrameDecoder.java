package io.mqttreactive.netty.internal.transport;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttPacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Turns the inbound byte stream of a connection into {@link MqttPacket}s, whatever the segment or WebSocket
 * frame boundaries ([MQTT-6.0.0-2]). The decode context can be replaced once CONNACK has been read, for
 * instance to switch on a limit the server announced. The first decode error (or JVM error, such as an
 * {@link OutOfMemoryError}) closes the stream: the error is fired down the pipeline and everything after it is
 * discarded.
 */
public final class MqttFrameDecoder extends ByteToMessageDecoder {

    public static final String NAME = "mqtt-frame-decoder";

    private volatile DecodeContext context;
    private boolean failed;

    public MqttFrameDecoder(DecodeContext context) {
        this.context = context;
    }

    public void context(DecodeContext context) {
        this.context = context;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            MqttPacket packet;
            while ((packet = MqttPacketDecoder.decode(in, context)) != null) {
                out.add(packet);
            }
        } catch (RuntimeException | Error e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }
}
