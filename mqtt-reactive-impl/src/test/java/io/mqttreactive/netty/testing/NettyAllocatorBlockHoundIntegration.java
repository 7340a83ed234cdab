package io.mqttreactive.netty.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Allows the one short wait inside Netty 4.2's adaptive allocator that Netty's own BlockHound integration
 * does not list: when threads contend for a shared magazine group, the allocating thread replaces the group's
 * magazines with more of them and retires the old ones ({@code AdaptivePoolingAllocator$Magazine.free}),
 * taking each one's write lock and so waiting, for a moment, for a thread still allocating from it. Seen on
 * an event loop reading a socket while another process burned a core. Everything else stays checked.
 */
public final class NettyAllocatorBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
    }
}
