package io.mqttreactive.netty.internal.transport;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * Loop resources of exactly one event loop, the client's, so that its connection registers there. The channel
 * type (NIO, epoll, kqueue, io_uring) is chosen by the loop's group, not by the loop: reactor-netty 1.2 (Netty
 * 4.1) recognises native groups only, so handing it a single epoll loop, as {@code runOn(EventLoopGroup)} does,
 * pairs a NIO channel with that loop and the registration fails ("channel not registered to an event loop").
 * Built on {@link LoopResources} methods that reactor-netty 1.2 and 1.3 share. Never disposes anything: the
 * loop belongs to the resources the client was created on.
 */
final class OneLoopResources implements LoopResources {

    private final EventLoop loop;
    private final EventLoopGroup group;

    OneLoopResources(EventLoop loop) {
        this.loop = loop;
        EventExecutorGroup parent = loop.parent();
        this.group = parent instanceof EventLoopGroup loopGroup ? loopGroup : loop;
    }

    @Override
    public EventLoopGroup onServer(boolean useNative) {
        return loop;
    }

    @Override
    public EventLoopGroup onClient(boolean useNative) {
        return loop;
    }

    @Override
    public <C extends Channel> C onChannel(Class<C> channelType, EventLoopGroup ignored) {
        return LoopResources.super.onChannel(channelType, group);
    }

    @Override
    public <C extends Channel> Class<? extends C> onChannelClass(Class<C> channelType, EventLoopGroup ignored) {
        return LoopResources.super.onChannelClass(channelType, group);
    }

    @Override
    public boolean isDisposed() {
        return loop.isShuttingDown();
    }

    @Override
    public void dispose() {
    }

    @Override
    public Mono<Void> disposeLater() {
        return Mono.empty();
    }

    @Override
    public Mono<Void> disposeLater(Duration quietPeriod, Duration timeout) {
        return Mono.empty();
    }
}
