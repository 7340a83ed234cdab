package io.mqttreactive.netty.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PingRespPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.TestEventLoops;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * When {@link MqttChannel} flushes: once at the end of an event-loop turn, and during a long turn (a read that
 * brings thousands of PUBLISH packets) every {@value MqttChannel#FLUSH_PACKETS} packets or
 * {@value MqttChannel#FLUSH_BYTES} bytes, or once the oldest unflushed packet has waited the flush delay, so the
 * broker gets the PUBACKs that replenish its send quota (MQTT 5.0 section 4.9) while the read goes on, in order
 * ([MQTT-4.6.0-2]), however slowly the read is decoded. A local channel pair on a real event loop; an outbound
 * handler records how many packets each flush carried. The count and size tests run with a flush delay no turn
 * reaches, the delay tests with a short one and turns that outlast it many times over.
 */
class MqttChannelFlushTest {

    private static final long NEVER = TimeUnit.HOURS.toNanos(1);
    private static final long SHORT_DELAY = TimeUnit.MILLISECONDS.toNanos(1);

    private static final EventLoopGroup LOOP = TestEventLoops.local("flush-test");

    private final FlushRecorder flushes = new FlushRecorder();
    private Channel server;
    private Channel client;
    private MqttChannel channel;

    @BeforeEach
    void connect() {
        LocalAddress address = new LocalAddress(MqttChannelFlushTest.class);
        server = new ServerBootstrap().group(LOOP).channel(LocalServerChannel.class)
                .childHandler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ReferenceCountUtil.release(msg);
                    }
                })
                .bind(address).syncUninterruptibly().channel();
        client = new Bootstrap().group(LOOP).channel(LocalChannel.class).handler(flushes)
                .connect(address).syncUninterruptibly().channel();
        channel = new MqttChannel(client, EncodeContext.of(MqttVersion.MQTT_5_0), NEVER);
    }

    @AfterEach
    void close() {
        client.close().syncUninterruptibly();
        server.close().syncUninterruptibly();
    }

    @AfterAll
    static void stopLoop() {
        LOOP.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    @DisplayName("a few packets written in one turn go out with one flush at its end")
    void fewPacketsWaitForTheEndOfTheTurn() {
        inOneTurn(() -> sendPubAcks(10));

        assertThat(flushes.packetsPerFlush()).containsExactly(10);
    }

    @Test
    @DisplayName("[MQTT-4.6.0-2] acknowledgements written during a long turn go out every 256 packets, in order")
    void manyPacketsAreFlushedDuringTheTurn() {
        inOneTurn(() -> sendPubAcks(1_000));

        assertThat(flushes.packetsPerFlush()).containsExactly(256, 256, 256, 232);
        assertThat(flushes.pubAckIds()).hasSize(1_000).isSorted();
    }

    @Test
    @DisplayName("large packets are flushed once 64 KiB wait; the channel counts the bytes it wrote")
    void largePacketsAreFlushedByTheirSize() {
        inOneTurn(() -> {
            for (int id = 1; id <= 5; id++) {
                channel.send(PublishPacket.of("big", new byte[20 * 1024], MqttQos.AT_LEAST_ONCE, false, false, id));
            }
        });

        assertThat(flushes.packetsPerFlush()).containsExactly(4, 1);
        // each: fixed header 1 + 3 (remaining length 20,487), topic 2 + 3, packet id 2, property length 1, payload
        assertThat(channel.writtenBytes()).isEqualTo(5L * (1 + 3 + 2 + 3 + 2 + 1 + 20 * 1024));
    }

    @Test
    @DisplayName("[MQTT-4.6.0-2] an acknowledgement written early in a slow turn is flushed once it waited the delay")
    void slowTurnFlushesOnTheNextWriteAfterTheDelay() {
        channel = new MqttChannel(client, EncodeContext.of(MqttVersion.MQTT_5_0), SHORT_DELAY);

        inOneTurn(() -> {
            channel.send(AckPacket.of(MqttPacketType.PUBACK, 1));
            spin(20 * SHORT_DELAY);
            channel.send(AckPacket.of(MqttPacketType.PUBACK, 2));
            spin(20 * SHORT_DELAY);
            channel.send(AckPacket.of(MqttPacketType.PUBACK, 3));
        });

        assertThat(flushes.packetsPerFlush()).containsExactly(2, 1);
        assertThat(flushes.pubAckIds()).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("an acknowledgement is flushed while the packets that follow it in a slow read are received")
    void slowReadFlushesOnTheNextReceivedPacket() {
        channel = new MqttChannel(client, EncodeContext.of(MqttVersion.MQTT_5_0), SHORT_DELAY);
        client.pipeline().addLast(MqttChannel.NAME, channel);

        inOneTurn(() -> {
            channel.send(AckPacket.of(MqttPacketType.PUBACK, 1));
            spin(20 * SHORT_DELAY);
            client.pipeline().fireChannelRead(PingRespPacket.INSTANCE);
            assertThat(flushes.packetsPerFlush()).as("flushed during the read").containsExactly(1);
        });
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private void sendPubAcks(int count) {
        for (int id = 1; id <= count; id++) {
            channel.send(AckPacket.of(MqttPacketType.PUBACK, id));
        }
    }

    /** Runs {@code sends} as one task on the event loop, then waits for the end-of-turn flush. */
    private void inOneTurn(Runnable sends) {
        client.eventLoop().submit(sends).syncUninterruptibly();
        client.eventLoop().submit(() -> { }).syncUninterruptibly();
    }

    /** Counts the packets written between two flushes, and keeps the PUBACK ids in the order written. */
    private static final class FlushRecorder extends ChannelOutboundHandlerAdapter {

        private final List<Integer> packetsPerFlush = new ArrayList<>();
        private final List<Integer> pubAckIds = new ArrayList<>();
        private int written;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ByteBuf frame = (ByteBuf) msg;
            if (frame.getUnsignedByte(0) >> 4 == MqttPacketType.PUBACK.code()) {
                pubAckIds.add(frame.getUnsignedShort(2));
            }
            written++;
            ctx.write(msg, promise);
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            if (written > 0) {
                packetsPerFlush.add(written);
                written = 0;
            }
            ctx.flush();
        }

        List<Integer> packetsPerFlush() {
            return packetsPerFlush;
        }

        List<Integer> pubAckIds() {
            return pubAckIds;
        }
    }
}
