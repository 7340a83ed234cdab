package io.mqttreactive.netty.internal.transport;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttQos;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import reactor.core.publisher.Mono;
import reactor.netty.tcp.TcpClient;

/**
 * The plain-TCP connector with a tap on the client's side of the wire, for integration tests that must see what
 * the client really acknowledges: it counts the QoS 1 PUBLISH packets the client reads and the PUBACK packets it
 * writes, on the connection's event loop, and keeps the highest number of received-but-unacknowledged messages
 * seen at any packet. The tap sits between the frame decoder and the client's packet handler, so it sees every
 * decoded packet in and every encoded packet out (one buffer per packet). QoS 2 is not counted.
 */
public final class AckCountingConnector implements MqttConnector {

    private volatile long publishesReceived;
    private volatile long pubAcksSent;
    private volatile long maximumUnacknowledged;

    @Override
    public Mono<MqttChannel> connect(MqttClientOptions options, EventLoop eventLoop, DecodeContext decodeContext,
            EncodeContext encodeContext) {
        return Mono.defer(() -> TcpClient.newConnection()
                .host(options.serverHost())
                .port(options.serverPort())
                .runOn(eventLoop)
                .option(ChannelOption.TCP_NODELAY, true)
                .connect()
                .map(connection -> {
                    MqttChannel channel = ReactorNettyConnector.install(connection, decodeContext, encodeContext);
                    connection.channel().pipeline().addBefore(MqttChannel.NAME, "ack-counting-tap", new Tap());
                    return channel;
                }));
    }

    /** QoS 1 PUBLISH packets the client has read. */
    public long publishesReceived() {
        return publishesReceived;
    }

    /** PUBACK packets the client has written. */
    public long pubAcksSent() {
        return pubAcksSent;
    }

    /** QoS 1 messages received and not yet acknowledged now; read off the event loop, an approximation. */
    public long unacknowledged() {
        return publishesReceived - pubAcksSent;
    }

    /** The most QoS 1 messages that were ever received and not yet acknowledged, checked at every packet. */
    public long maximumUnacknowledged() {
        return maximumUnacknowledged;
    }

    private final class Tap extends ChannelDuplexHandler {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof PublishPacket publish && publish.qos() == MqttQos.AT_LEAST_ONCE) {
                publishesReceived++;
                maximumUnacknowledged = Math.max(maximumUnacknowledged, publishesReceived - pubAcksSent);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof ByteBuf encoded && encoded.isReadable()
                    && encoded.getUnsignedByte(encoded.readerIndex()) >> 4 == MqttPacketType.PUBACK.code()) {
                pubAcksSent++;
            }
            ctx.write(msg, promise);
        }
    }
}
