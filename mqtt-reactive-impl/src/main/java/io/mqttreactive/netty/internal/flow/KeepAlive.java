package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.exception.MqttTimeoutException;
import io.mqttreactive.netty.internal.packet.PingReqPacket;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Keep-alive for one connection. Sends PINGREQ when nothing was sent for the keep-alive interval
 * ([MQTT-3.1.2-23] 3.1.1, [MQTT-3.1.2-20] 5.0), and also when nothing was received for it although the client
 * kept sending (a client may ping at any time, MQTT 3.1.1 section 3.1.2.10, 5.0 section 3.1.2.10), so that a
 * half-open link is noticed while publishing too. When no PINGRESP arrives within a quarter of an interval (at
 * least 500 ms) after such a PINGREQ, the connection is closed as dead, 1.25 keep-alive intervals after the last
 * packet received, so that reconnecting is done within 1.5 intervals.
 *
 * <p>While the client itself holds reading paused (backpressure), a PINGRESP may be waiting unread behind the
 * paused data, so a missing one is not held against the link: PINGREQ still goes out on time, so the broker keeps
 * the connection, and the deadline waits until reading has been on again for that long. Confined to the
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
        this.pingTimeout = Duration.ofNanos(Math.max(intervalNanos / 4, TimeUnit.MILLISECONDS.toNanos(500)));
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
        long now = System.nanoTime();
        long sendIdle = now - channel.lastWriteNanos();
        long receiveIdle = now - channel.lastReadNanos();
        boolean awaitingPingResp = pingDeadline != null;
        if (sendIdle >= intervalNanos || (receiveIdle >= intervalNanos && !awaitingPingResp)) {
            channel.send(PingReqPacket.INSTANCE);
            if (!awaitingPingResp) {
                pingDeadline = schedule(this::pingTimedOut, pingTimeout.toNanos());
            }
            scheduleCheck(intervalNanos);
            return;
        }
        long untilSendIdle = intervalNanos - sendIdle;
        scheduleCheck(awaitingPingResp ? untilSendIdle : Math.min(untilSendIdle, intervalNanos - receiveIdle));
    }

    private void pingTimedOut() {
        if (stopped) {
            return;
        }
        long sinceResumed = System.nanoTime() - channel.readResumedNanos();
        if (channel.isReadingPaused()) {
            pingDeadline = schedule(this::pingTimedOut, pingTimeout.toNanos());
        } else if (sinceResumed < pingTimeout.toNanos()) {
            pingDeadline = schedule(this::pingTimedOut, pingTimeout.toNanos() - sinceResumed);
        } else {
            channel.close(new MqttTimeoutException("PINGRESP", pingTimeout));
        }
    }

    private void scheduleCheck(long delayNanos) {
        nextCheck = schedule(this::check, delayNanos);
    }

    private ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return channel.eventLoop().schedule(task, Math.max(delayNanos, 1), TimeUnit.NANOSECONDS);
    }
}
