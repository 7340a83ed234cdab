package io.mqttreactive.netty.testing.scripted;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import io.mqttreactive.netty.internal.transport.MqttConnector;
import io.mqttreactive.netty.internal.transport.MqttFrameDecoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * The client's end of a {@link ScriptedBroker}: opens a Netty {@link LocalChannel} to the broker's address on the
 * client's event loop and installs the same frame decoder and packet handler as the TCP connector, so the client
 * runs unchanged. Cancelling before the channel is connected closes it.
 */
final class ScriptedConnector implements MqttConnector {

    private final LocalAddress address;
    private final ByteBufAllocator allocator;
    private final Consumer<ChannelPipeline> customizer;

    ScriptedConnector(LocalAddress address, ByteBufAllocator allocator, Consumer<ChannelPipeline> customizer) {
        this.address = address;
        this.allocator = allocator;
        this.customizer = customizer;
    }

    @Override
    public Mono<MqttChannel> connect(MqttClientOptions options, EventLoop eventLoop, DecodeContext decodeContext,
            EncodeContext encodeContext) {
        return Mono.create(sink -> {
            ChannelFuture connecting = new Bootstrap()
                    .group(eventLoop)
                    .channel(LocalChannel.class)
                    .option(ChannelOption.ALLOCATOR, allocator)
                    .handler(new ChannelInitializer<LocalChannel>() {
                        @Override
                        protected void initChannel(LocalChannel channel) {
                            channel.pipeline()
                                    .addLast(MqttFrameDecoder.NAME, new MqttFrameDecoder(decodeContext))
                                    .addLast(MqttChannel.NAME, new MqttChannel(channel, encodeContext));
                            customizer.accept(channel.pipeline());
                        }
                    })
                    .connect(address);
            sink.onCancel(() -> connecting.channel().close());
            connecting.addListener(done -> {
                if (done.isSuccess()) {
                    sink.success((MqttChannel) connecting.channel().pipeline().get(MqttChannel.NAME));
                } else {
                    sink.error(done.cause());
                }
            });
        });
    }
}
