package io.mqttreactive.netty;

import io.netty.channel.EventLoop;
import java.util.Objects;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpResources;

/**
 * The event loops clients run on. By default the global reactor-netty TCP resources, which Spring WebFlux and
 * other reactor-netty users share; or loop resources of the application's own. Each client stays on one event
 * loop of these resources for its whole life. A client never disposes resources: their owner does.
 */
public final class MqttClientResources {

    private static final MqttClientResources GLOBAL = new MqttClientResources(null);

    private final LoopResources loopResources;

    private MqttClientResources(LoopResources loopResources) {
        this.loopResources = loopResources;
    }

    /**
     * Returns the resources backed by reactor-netty's global TCP resources.
     *
     * @return the shared global resources
     */
    public static MqttClientResources global() {
        return GLOBAL;
    }

    /**
     * Returns resources backed by the application's loop resources, which the application disposes.
     *
     * @param loopResources the loop resources
     * @return resources on those loops
     */
    public static MqttClientResources of(LoopResources loopResources) {
        return new MqttClientResources(Objects.requireNonNull(loopResources, "loopResources"));
    }

    /** Picks the event loop for a new client. */
    EventLoop nextEventLoop() {
        LoopResources resources = loopResources != null ? loopResources : TcpResources.get();
        return resources.onClient(LoopResources.DEFAULT_NATIVE).next();
    }
}
