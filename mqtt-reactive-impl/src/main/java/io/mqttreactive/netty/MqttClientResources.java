package io.mqttreactive.netty;

import io.mqttreactive.spi.ClientResources;
import io.netty.channel.EventLoop;
import java.util.Objects;
import reactor.netty.resources.LoopResources;

/**
 * The event loops clients of the reactor-netty implementation run on, as {@link ClientResources} to hand to
 * {@link io.mqttreactive.MqttClients#create(io.mqttreactive.MqttClientOptions, ClientResources)}: by default
 * ({@link #global()}) reactor-netty's global resources, the very loops Spring WebFlux runs on by default; or loop
 * resources of the application's own ({@link #of(LoopResources)}). Each client stays on one event loop of these
 * resources for its whole life, and its connections use the channel type of that loop (NIO, epoll, kqueue). A
 * client never disposes resources: their owner does, after closing its clients.
 *
 * <pre>{@code
 * LoopResources loops = LoopResources.create("mqtt", 2, true);
 * MqttClient client = MqttClients.create(options, MqttClientResources.of(loops));
 * }</pre>
 */
public final class MqttClientResources implements ClientResources {

    private static final MqttClientResources GLOBAL = new MqttClientResources(null);

    private final LoopResources loopResources;

    private MqttClientResources(LoopResources loopResources) {
        this.loopResources = loopResources;
    }

    /**
     * Returns the resources backed by reactor-netty's global loop resources: those of reactor-netty-http
     * ({@code reactor.netty.http.HttpResources}, threads named {@code reactor-http-*}) when reactor-netty-http is
     * on the class path or module path, as in every Spring WebFlux application, whose server and
     * {@code WebClient} run on them by default (Spring's {@code ReactorResourceFactory} with global resources);
     * otherwise those of reactor-netty-core ({@code reactor.netty.tcp.TcpResources}, threads named
     * {@code reactor-tcp-*}). The loops are created on first use; they belong to reactor-netty and its users,
     * never to a client. The default of {@link io.mqttreactive.MqttClients#create(io.mqttreactive.MqttClientOptions)}.
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
     * @throws NullPointerException if {@code loopResources} is {@code null}
     */
    public static MqttClientResources of(LoopResources loopResources) {
        return new MqttClientResources(Objects.requireNonNull(loopResources, "loopResources"));
    }

    /** Picks the event loop for a new client. */
    EventLoop nextEventLoop() {
        LoopResources resources = loopResources != null ? loopResources : GlobalLoops.get();
        return resources.onClient(LoopResources.DEFAULT_NATIVE).next();
    }

    @Override
    public String toString() {
        return loopResources == null ? "MqttClientResources{global}" : "MqttClientResources{" + loopResources + "}";
    }
}
