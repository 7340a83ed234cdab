package io.mqttreactive.netty.internal.client;

import io.mqttreactive.netty.internal.flow.ReadThrottle;
import io.mqttreactive.netty.internal.transport.MqttChannel;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stops reading the socket while any subscription with the pause-reading strategy has a full buffer, or the
 * incoming flow holds more unacknowledged messages than our Receive Maximum, and resumes when all have room again, so the broker's sends back up in TCP instead of in memory. Confined to the
 * event loop.
 */
final class ReadControl implements ReadThrottle {

    private final Map<Object, Boolean> pausedBy = new IdentityHashMap<>();
    private @Nullable MqttChannel channel;

    void channel(@Nullable MqttChannel channel) {
        this.channel = channel;
        apply();
    }

    @Override
    public void pause(Object who) {
        if (pausedBy.put(who, Boolean.TRUE) == null && pausedBy.size() == 1) {
            apply();
        }
    }

    @Override
    public void resume(Object who) {
        if (pausedBy.remove(who) != null && pausedBy.isEmpty()) {
            apply();
        }
    }

    boolean isPaused() {
        return !pausedBy.isEmpty();
    }

    private void apply() {
        if (channel != null) {
            channel.autoRead(pausedBy.isEmpty());
        }
    }
}
