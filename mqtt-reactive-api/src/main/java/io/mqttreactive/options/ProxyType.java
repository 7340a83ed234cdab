package io.mqttreactive.options;

/**
 * The protocol the client speaks with a proxy to open a tunnel to the broker ({@link ProxyOptions#type()}). The
 * tunnel carries the MQTT connection unchanged: with TLS, the handshake is with the broker, end to end, and the
 * proxy sees only encrypted bytes.
 */
public enum ProxyType {

    /**
     * An HTTP proxy that opens the tunnel on a {@code CONNECT host:port} request (RFC 9110 section 9.3.6),
     * authenticating with HTTP Basic (RFC 7617) when credentials are set.
     */
    HTTP,

    /**
     * A SOCKS version 5 proxy (RFC 1928), authenticating with user name and password (RFC 1929) when credentials
     * are set. The broker's host name is sent to the proxy unresolved, so the proxy resolves it.
     */
    SOCKS5
}
