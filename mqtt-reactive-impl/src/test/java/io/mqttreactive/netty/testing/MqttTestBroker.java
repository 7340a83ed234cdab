package io.mqttreactive.netty.testing;

import java.net.URI;
import java.time.Duration;

/**
 * A broker started by a test on the loopback interface, with one listener of each {@link Listener} kind.
 * Suites written against this interface run unchanged on {@link HiveMqBroker} and {@link MosquittoBroker}.
 *
 * <p>TLS listeners present {@link TestCertificates#serverCertificate()} (SAN {@code localhost} and
 * {@code 127.0.0.1}) signed by {@link #certificates()}'s CA; the mutual-TLS listeners also require a client
 * certificate signed by that CA.
 */
public interface MqttTestBroker extends AutoCloseable {

    /** The listener kinds every test broker opens. */
    enum Listener {
        /** MQTT over plain TCP ({@code mqtt://}). */
        TCP("mqtt"),
        /** MQTT over TLS, server authentication only ({@code mqtts://}). */
        TLS("mqtts"),
        /** MQTT over TLS that requires a client certificate ({@code mqtts://}). */
        MUTUAL_TLS("mqtts"),
        /** MQTT over WebSocket on {@link #webSocketPath()} ({@code ws://}). */
        WEBSOCKET("ws"),
        /** MQTT over WebSocket over TLS on {@link #webSocketPath()} ({@code wss://}). */
        SECURE_WEBSOCKET("wss");

        private final String scheme;

        Listener(String scheme) {
            this.scheme = scheme;
        }

        /** @return the URI scheme for this listener */
        public String scheme() {
            return scheme;
        }

        /** @return whether this listener speaks WebSocket */
        public boolean isWebSocket() {
            return this == WEBSOCKET || this == SECURE_WEBSOCKET;
        }
    }

    /** @return a short name for test display names, such as {@code "hivemq"} or {@code "mosquitto"} */
    String name();

    /** @return the address every listener is bound to, {@value FreePorts#LOOPBACK} */
    default String host() {
        return FreePorts.LOOPBACK;
    }

    /**
     * @param listener a listener kind
     * @return the port of that listener
     */
    int port(Listener listener);

    /** @return the HTTP path of the WebSocket listeners ({@code /mqtt}) */
    default String webSocketPath() {
        return "/mqtt";
    }

    /**
     * The URI of a listener, e.g. {@code mqtt://127.0.0.1:41234} or {@code wss://127.0.0.1:41236/mqtt}.
     *
     * @param listener a listener kind
     * @return its URI
     */
    default URI uri(Listener listener) {
        return URI.create(listener.scheme() + "://" + host() + ":" + port(listener)
                + (listener.isWebSocket() ? webSocketPath() : ""));
    }

    /**
     * Waits until the broker has taken in that the client's connection ended. A client's {@code disconnect()}
     * completes once it closed its side; the broker handles that on its own threads, and until it has, it may
     * still send what it routes to the client's session down the dead connection, where it stays in flight.
     * Tests that queue messages for an offline session call this first.
     *
     * @param clientId the client identifier
     * @param timeout how long to wait at most
     * @throws IllegalStateException if the broker still counts the client as connected after {@code timeout}
     */
    void awaitOffline(String clientId, Duration timeout);

    /** @return the TLS material the broker uses; give its CA (and client certificate) to the client */
    TestCertificates certificates();

    /** Stops the broker and deletes its files; idempotent, bounded in time (no-op on {@link HiveMqBroker#shared()}). */
    @Override
    void close();
}
