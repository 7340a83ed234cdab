package io.mqttreactive.netty.internal.reconnect;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttDisconnectedException;
import io.mqttreactive.exception.MqttException;
import io.mqttreactive.exception.MqttServerUnavailableException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Follows a broker's Server Reference after a refused CONNECT or a DISCONNECT with reason Use another server
 * (0x9C) or Server moved (0x9D) (MQTT 5.0 section 4.11): at most {@code maximumRedirects} in a row, and never back
 * to a server of the same chain. A chain ends when a connection is accepted. Confined to the event loop.
 */
public final class Redirects {

    private static final int USE_ANOTHER_SERVER = 0x9C;
    private static final int SERVER_MOVED = 0x9D;

    private final int maximum;
    private final Set<String> chain = new HashSet<>();
    private int hops;

    public Redirects(int maximumRedirects) {
        this.maximum = maximumRedirects;
    }

    /** Ends the chain: a connection was accepted. */
    public void reset() {
        chain.clear();
        hops = 0;
    }

    /**
     * Returns the redirect the failure asks for, or null when it asks for none or it may not be followed: refused,
     * too many in a row, back to a server of the chain, or a reference that names no server.
     */
    public @Nullable Redirect follow(Throwable failure, MqttClientOptions from) {
        Optional<String> reference = failure instanceof MqttServerUnavailableException refused
                ? refused.serverReference()
                : failure instanceof MqttDisconnectedException disconnected ? disconnected.serverReference()
                : Optional.empty();
        int code = failure instanceof MqttException mqtt ? mqtt.reasonCode() : MqttException.NO_REASON_CODE;
        if (reference.isEmpty() || (code != USE_ANOTHER_SERVER && code != SERVER_MOVED)
                || hops >= maximum) {
            return null;
        }
        MqttClientOptions to = ServerReference.resolve(reference.get(), from);
        String origin = ServerList.address(from);
        if (to == null || chain.contains(ServerList.address(to)) || ServerList.address(to).equals(origin)) {
            return null;
        }
        hops++;
        chain.add(origin);
        chain.add(ServerList.address(to));
        return new Redirect(to, new MqttClientEvent.Redirected(origin, ServerList.address(to), code == SERVER_MOVED));
    }

    /** Where a redirect goes, and the event that tells it. */
    public record Redirect(MqttClientOptions options, MqttClientEvent.Redirected event) {
    }
}
