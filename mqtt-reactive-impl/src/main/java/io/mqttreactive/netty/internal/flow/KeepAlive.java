package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.exception.MqttTimeoutException;
import io.mqttreactive.netty.internal.packet.PingReqPacket;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Keep-alive for one connection: sends PINGREQ when nothing else was sent for the keep-alive interval
 * ([MQTT-3.1.2-23] 3.1.1, [MQTT-3.1.2-20] 5.0) and closes the connection as dead when no PINGRESP arrives within
 * half an interval after it, so a half-open link is noticed within 1.5 keep-alive intervals. Confined to the
 * event loop.
 */
public final class KeepAlive {

    private final MqttChannel channel;
    private final long intervalNanos;
    private final Duration pingTimeout;
    private @Nullable ScheduledFuture<?> nextCheck;
    private @Nullable ScheduledFuture<?> pingDeadline;
    private boolean stopped;

    private KeepAlive(MqttChannel channel, int keepAliveSeconds) {
        this.channel = channel;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(keepAliveSeconds);
        this.pingTimeout = Duration.ofNanos(Math.max(intervalNanos / 2, TimeUnit.MILLISECONDS.toNanos(500)));
    }

    /** Starts keep-alive on a connection; a keep-alive of 0 turns it off and returns null. */
    public static @Nullable KeepAlive start(MqttChannel channel, int keepAliveSeconds) {
        if (keepAliveSeconds <= 0) {
            return null;
        }
        KeepAlive keepAlive = new KeepAlive(channel, keepAliveSeconds);
        keepAlive.scheduleCheck(keepAlive.intervalNanos);
        return keepAlive;
    }

    public void onPingResp() {
        if (pingDeadline != null) {
            pingDeadline.cancel(false);
            pingDeadline = null;
        }
    }

    public void stop() {
        stopped = true;
        if (nextCheck != null) {
            nextCheck.cancel(false);
        }
        onPingResp();
    }

    private void check() {
        if (stopped || !channel.isOpen()) {
            return;
        }
        long idle = System.nanoTime() - channel.lastWriteNanos();
        if (idle >= intervalNanos) {
            channel.send(PingReqPacket.INSTANCE);
            if (pingDeadline == null) {
                pingDeadline = channel.eventLoop().schedule(this::pingTimedOut, pingTimeout.toNanos(),
                        TimeUnit.NANOSECONDS);
            }
            scheduleCheck(intervalNanos);
        } else {
            scheduleCheck(intervalNanos - idle);
        }
    }

    private void pingTimedOut() {
        if (!stopped) {
            channel.close(new MqttTimeoutException("PINGRESP", pingTimeout));
        }
    }

    private void scheduleCheck(long delayNanos) {
        nextCheck = channel.eventLoop().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }
}
