package io.mqttreactive.netty.testing;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import reactor.netty.resources.LoopResources;

/**
 * Event loops for tests, built only from APIs that both supported lines have (Netty 4.1 with reactor-netty 1.2,
 * Netty 4.2 with reactor-netty 1.3), so that the test suite itself runs on both. The caller shuts each group
 * down.
 */
public final class TestEventLoops {

    private TestEventLoops() {
    }

    /**
     * One NIO event loop for socket channels, made by reactor-netty as it makes the loops clients run on: its
     * thread is a Reactor non-blocking thread, which BlockHound checks.
     */
    public static EventLoopGroup nio(String threadPrefix) {
        return LoopResources.create(threadPrefix, 1, true).onServer(false);
    }

    /**
     * One event loop for in-JVM {@link io.netty.channel.local.LocalChannel} pairs. Netty 4.2 deprecates this
     * group in favour of an {@code IoHandler}-based one that Netty 4.1 lacks; it still serves local channels.
     */
    @SuppressWarnings("deprecation")
    public static EventLoopGroup local(String threadPrefix) {
        return new DefaultEventLoopGroup(1, new DefaultThreadFactory(threadPrefix, true));
    }
}
