package io.mqttreactive.options;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How MQTT runs over WebSocket (MQTT 5.0 section 6): the HTTP path of the upgrade request, the subprotocol
 * offered, and extra HTTP headers (for example for authentication at a proxy). Used only with
 * {@link Transport#WEBSOCKET}.
 *
 * @param path        the request path, starting with {@code /}; {@value #DEFAULT_PATH} by default
 * @param subprotocol the WebSocket subprotocol offered; {@value #DEFAULT_SUBPROTOCOL} by default
 *                    [MQTT-6.0.0-3]
 * @param headers     extra headers of the upgrade request, in order; unmodifiable
 */
public record WebSocketOptions(String path, String subprotocol, Map<String, String> headers) {

    /** The default request path. */
    public static final String DEFAULT_PATH = "/mqtt";

    /** The default subprotocol [MQTT-6.0.0-3]. */
    public static final String DEFAULT_SUBPROTOCOL = "mqtt";

    /** The default options: path {@value #DEFAULT_PATH}, subprotocol {@value #DEFAULT_SUBPROTOCOL}, no headers. */
    public static final WebSocketOptions DEFAULT = new WebSocketOptions(DEFAULT_PATH, DEFAULT_SUBPROTOCOL, Map.of());

    /**
     * Creates WebSocket options; the headers are copied, keeping their order.
     *
     * @param path        the request path, starting with {@code /}; {@value #DEFAULT_PATH} by default
     * @param subprotocol the WebSocket subprotocol offered; {@value #DEFAULT_SUBPROTOCOL} by default
     *                    [MQTT-6.0.0-3]
     * @param headers     extra headers of the upgrade request, in order; unmodifiable
     * @throws NullPointerException     if an argument, header name or value is {@code null}
     * @throws IllegalArgumentException if the path does not start with {@code /} or the subprotocol is empty
     */
    public WebSocketOptions {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("WebSocket path must start with '/', was '" + path + "'");
        }
        Objects.requireNonNull(subprotocol, "subprotocol");
        if (subprotocol.isBlank()) {
            throw new IllegalArgumentException("WebSocket subprotocol must not be blank");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "header name"),
                Objects.requireNonNull(value, "value of header " + name)));
        headers = Collections.unmodifiableMap(copy);
    }

    /**
     * Describes the options; header values show as {@code <redacted>}, since they often carry credentials.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "WebSocketOptions[path=" + path + ", subprotocol=" + subprotocol + ", headers="
                + headers.keySet().stream().map(name -> name + "=<redacted>").toList() + "]";
    }

    /**
     * Returns a copy with another path.
     *
     * @param path the request path, starting with {@code /}
     * @return the changed copy
     */
    public WebSocketOptions withPath(String path) {
        return new WebSocketOptions(path, subprotocol, headers);
    }

    /**
     * Returns a copy with another subprotocol.
     *
     * @param subprotocol the subprotocol offered
     * @return the changed copy
     */
    public WebSocketOptions withSubprotocol(String subprotocol) {
        return new WebSocketOptions(path, subprotocol, headers);
    }

    /**
     * Returns a copy with other headers.
     *
     * @param headers the extra headers of the upgrade request
     * @return the changed copy
     */
    public WebSocketOptions withHeaders(Map<String, String> headers) {
        return new WebSocketOptions(path, subprotocol, headers);
    }
}
