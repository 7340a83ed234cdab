package io.mqttreactive.netty.internal.reconnect;

import io.mqttreactive.MqttClientOptions;
import org.jspecify.annotations.Nullable;

/**
 * Reads the first server of a Server Reference (MQTT 5.0 section 4.11: a list of references separated by
 * spaces, whose form the specification leaves open): a URI such as {@code mqtts://b.example.com:8883}, or
 * {@code host}, {@code host:port}, {@code [v6-address]} or {@code [v6-address]:port}, which keep the transport and
 * TLS of the server the client leaves, and its port when none is given.
 */
final class ServerReference {

    private ServerReference() {
    }

    /** Returns {@code from} pointed at the referenced server, or null when the reference names none. */
    static @Nullable MqttClientOptions resolve(String reference, MqttClientOptions from) {
        String first = reference.strip().split("\\s+", 2)[0];
        if (first.isEmpty()) {
            return null;
        }
        try {
            if (first.contains("://")) {
                return from.mutate().uri(first).build();
            }
            int portSeparator = first.startsWith("[") ? first.indexOf("]:") + 1 : first.indexOf(':');
            boolean bareV6 = !first.startsWith("[") && first.indexOf(':') != first.lastIndexOf(':');
            String host = bareV6 || portSeparator <= 0 ? first : first.substring(0, portSeparator);
            int port = bareV6 || portSeparator <= 0 ? from.serverPort()
                    : Integer.parseInt(first.substring(portSeparator + 1));
            host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if (host.isEmpty() || port < 1 || port > 65_535) {
                return null;
            }
            return from.mutate().serverHost(host).serverPort(port).build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
