package io.mqttreactive.options;

import io.mqttreactive.internal.Checks;

import java.nio.CharBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A proxy the client reaches the broker through ({@link io.mqttreactive.MqttClientOptions#proxy()}): an HTTP
 * proxy that opens a {@code CONNECT} tunnel, or a SOCKS5 proxy. Every connection, reconnects included, opens a
 * tunnel to the broker's host and port through the proxy, and MQTT runs through it over any transport: TCP,
 * TLS (negotiated with the broker, end to end), WebSocket and WebSocket over TLS. The broker's host name goes
 * to the proxy unresolved. Brokers whose host matches one of the {@link #nonProxyHosts()} are reached directly.
 *
 * <pre>{@code
 * ProxyOptions proxy = ProxyOptions.http("proxy.example.com", 3128)
 *         .credentials("alice", secret)
 *         .build();
 * }</pre>
 *
 * <p>A proxy that refuses the tunnel (wrong credentials, a forbidden target) fails the connection with a
 * {@link io.mqttreactive.exception.MqttProxyException}; a proxy that cannot be reached, or cannot reach the
 * broker, with a transient {@link io.mqttreactive.exception.MqttConnectionClosedException} naming the proxy.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the password.
 */
public final class ProxyOptions {

    /** The default of {@link #handshakeTimeout()}. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    /** The longest user name or password SOCKS5 carries (RFC 1929), in characters of US-ASCII. */
    public static final int MAX_SOCKS5_CREDENTIAL_LENGTH = 255;

    private static final String REDACTED = "<redacted>";

    private final ProxyType type;
    private final String host;
    private final int port;
    private final @Nullable String username;
    private final char @Nullable [] password;
    private final Duration handshakeTimeout;
    private final List<String> nonProxyHosts;

    private ProxyOptions(Builder builder) {
        this.type = builder.type;
        this.host = builder.host;
        this.port = builder.port;
        this.username = builder.username;
        this.password = builder.password;
        this.handshakeTimeout = builder.handshakeTimeout;
        this.nonProxyHosts = builder.nonProxyHosts;
    }

    /**
     * Returns a builder for an HTTP {@code CONNECT} proxy, without credentials.
     *
     * @param host the proxy's host name or IP address; not blank
     * @param port the proxy's port, 1..65,535
     * @return a new builder
     * @throws NullPointerException     if {@code host} is {@code null}
     * @throws IllegalArgumentException if {@code host} is blank or {@code port} out of range
     */
    public static Builder http(String host, int port) {
        return builder(ProxyType.HTTP, host, port);
    }

    /**
     * Returns a builder for a SOCKS5 proxy, without credentials.
     *
     * @param host the proxy's host name or IP address; not blank
     * @param port the proxy's port, 1..65,535
     * @return a new builder
     * @throws NullPointerException     if {@code host} is {@code null}
     * @throws IllegalArgumentException if {@code host} is blank or {@code port} out of range
     */
    public static Builder socks5(String host, int port) {
        return builder(ProxyType.SOCKS5, host, port);
    }

    /**
     * Returns a builder for a proxy of the given type, without credentials.
     *
     * @param type the proxy protocol
     * @param host the proxy's host name or IP address; not blank
     * @param port the proxy's port, 1..65,535
     * @return a new builder
     * @throws NullPointerException     if {@code type} or {@code host} is {@code null}
     * @throws IllegalArgumentException if {@code host} is blank or {@code port} out of range
     */
    public static Builder builder(ProxyType type, String host, int port) {
        return new Builder().type(type).host(host).port(port);
    }

    /**
     * Returns a builder holding the values of these options, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder mutate() {
        return new Builder(this);
    }

    /**
     * Returns the protocol spoken with the proxy.
     *
     * @return the type
     */
    public ProxyType type() {
        return type;
    }

    /**
     * Returns the proxy's host name or IP address.
     *
     * @return the host
     */
    public String host() {
        return host;
    }

    /**
     * Returns the proxy's port.
     *
     * @return the port, 1..65,535
     */
    public int port() {
        return port;
    }

    /**
     * Returns the user name the client authenticates with at the proxy.
     *
     * @return the user name, or empty when the proxy takes connections without credentials
     */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /**
     * Returns a copy of the password the client authenticates with at the proxy; present exactly when
     * {@link #username()} is.
     *
     * @return a new array, or empty
     */
    public Optional<char[]> password() {
        return password == null ? Optional.empty() : Optional.of(password.clone());
    }

    /**
     * Returns how long the proxy may take to open the tunnel, from the moment the TCP connection to the proxy is
     * open until the proxy reports the tunnel open; a proxy that takes longer fails the attempt. Opening the TCP
     * connection to the proxy and the whole connection attempt are bounded by
     * {@link io.mqttreactive.MqttClientOptions#connectTimeout()}, which stays in force.
     *
     * @return a positive duration; {@link #DEFAULT_HANDSHAKE_TIMEOUT} by default
     */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /**
     * Returns the patterns of broker hosts the client reaches directly, without the proxy, in the manner of the
     * JDK's {@code http.nonProxyHosts}: a host name or IP address, matched without regard to case, that may start
     * or end with {@code *} to match any prefix or suffix ({@code *.internal.example}, {@code 10.*}); {@code *}
     * alone matches every host.
     *
     * @return an unmodifiable list; empty by default, so every broker is reached through the proxy
     */
    public List<String> nonProxyHosts() {
        return nonProxyHosts;
    }

    /**
     * Tells whether a connection to {@code host} goes through this proxy: whether no pattern of
     * {@link #nonProxyHosts()} matches it.
     *
     * @param host a broker's host name or IP address, as in {@link io.mqttreactive.MqttClientOptions#serverHost()}
     * @return {@code true} to connect through the proxy, {@code false} to connect directly
     * @throws NullPointerException if {@code host} is {@code null}
     */
    public boolean appliesTo(String host) {
        Objects.requireNonNull(host, "host");
        String name = unbracketed(host.toLowerCase(Locale.ROOT));
        return nonProxyHosts.stream().noneMatch(pattern -> matches(pattern, name));
    }

    private static boolean matches(String pattern, String host) {
        String literal = unbracketed(pattern.toLowerCase(Locale.ROOT));
        boolean anyPrefix = literal.startsWith("*");
        boolean anySuffix = literal.length() > 1 && literal.endsWith("*");
        String fixed = literal.substring(anyPrefix ? 1 : 0, literal.length() - (anySuffix ? 1 : 0));
        if (anyPrefix && anySuffix) {
            return host.contains(fixed);
        }
        return anyPrefix ? host.endsWith(fixed) : anySuffix ? host.startsWith(fixed) : host.equals(fixed);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ProxyOptions that
                && type == that.type
                && host.equals(that.host)
                && port == that.port
                && Objects.equals(username, that.username)
                && Arrays.equals(password, that.password)
                && handshakeTimeout.equals(that.handshakeTimeout)
                && nonProxyHosts.equals(that.nonProxyHosts);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(type, host, port, username, handshakeTimeout, nonProxyHosts)
                + Arrays.hashCode(password);
    }

    /**
     * Describes the options; the password shows as {@code <redacted>} when set.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "ProxyOptions[type=" + type + ", host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? null : REDACTED) + ", handshakeTimeout=" + handshakeTimeout
                + ", nonProxyHosts=" + nonProxyHosts + "]";
    }

    /** Builds {@link ProxyOptions}; obtained from {@link #http}, {@link #socks5}, {@link #builder} or {@link #mutate()}. */
    public static final class Builder {

        private ProxyType type = ProxyType.HTTP;
        private String host = "";
        private int port;
        private @Nullable String username;
        private char @Nullable [] password;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private List<String> nonProxyHosts = List.of();

        private Builder() {
        }

        private Builder(ProxyOptions options) {
            this.type = options.type;
            this.host = options.host;
            this.port = options.port;
            this.username = options.username;
            this.password = options.password;
            this.handshakeTimeout = options.handshakeTimeout;
            this.nonProxyHosts = options.nonProxyHosts;
        }

        /**
         * Sets the protocol spoken with the proxy.
         *
         * @param type the type
         * @return this builder
         * @throws NullPointerException if {@code type} is {@code null}
         */
        public Builder type(ProxyType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets the proxy's host name or IP address.
         *
         * @param host the host; not blank
         * @return this builder
         * @throws NullPointerException     if {@code host} is {@code null}
         * @throws IllegalArgumentException if {@code host} is blank
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("proxy host must not be blank");
            }
            this.host = host;
            return this;
        }

        /**
         * Sets the proxy's port.
         *
         * @param port 1..65,535
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder port(int port) {
            this.port = Checks.requireRange(port, 1, Checks.MAX_TWO_BYTE_INTEGER, "proxy port");
            return this;
        }

        /**
         * Sets the credentials the client authenticates with at the proxy: HTTP Basic for {@link ProxyType#HTTP}
         * (the user name must not contain {@code ':'}), user name and password for {@link ProxyType#SOCKS5}
         * (each 1..{@value #MAX_SOCKS5_CREDENTIAL_LENGTH} US-ASCII characters; checked by {@link #build()}, since
         * the type may still change).
         *
         * @param username the user name; not empty
         * @param password the password, copied; the caller may clear its array afterwards
         * @return this builder
         * @throws NullPointerException     if an argument is {@code null}
         * @throws IllegalArgumentException if {@code username} is empty or either holds a control character
         */
        public Builder credentials(String username, char[] password) {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.isEmpty()) {
                throw new IllegalArgumentException("proxy user name must not be empty");
            }
            requireNoControlCharacters(username, "proxy user name");
            requireNoControlCharacters(CharBuffer.wrap(password), "proxy password");
            this.username = username;
            this.password = password.clone();
            return this;
        }

        /**
         * Sets the credentials, the password given as text; see {@link #credentials(String, char[])}.
         *
         * @param username the user name; not empty
         * @param password the password
         * @return this builder
         * @throws NullPointerException     if an argument is {@code null}
         * @throws IllegalArgumentException if {@code username} is empty or either holds a control character
         */
        public Builder credentials(String username, String password) {
            return credentials(username, Objects.requireNonNull(password, "password").toCharArray());
        }

        /**
         * Removes the credentials: the proxy is expected to take connections without authentication.
         *
         * @return this builder
         */
        public Builder noCredentials() {
            this.username = null;
            this.password = null;
            return this;
        }

        /**
         * Sets how long the proxy may take to open the tunnel; see {@link ProxyOptions#handshakeTimeout()}.
         *
         * @param handshakeTimeout a positive duration
         * @return this builder
         * @throws NullPointerException     if {@code handshakeTimeout} is {@code null}
         * @throws IllegalArgumentException if not positive
         */
        public Builder handshakeTimeout(Duration handshakeTimeout) {
            this.handshakeTimeout = Checks.requirePositive(handshakeTimeout, "proxy handshake timeout");
            return this;
        }

        /**
         * Sets the patterns of broker hosts reached directly; see {@link ProxyOptions#nonProxyHosts()}.
         *
         * @param patterns host names or IP addresses, each optionally starting or ending with {@code *}; none to
         *                 reach every broker through the proxy
         * @return this builder
         * @throws NullPointerException     if a pattern is {@code null}
         * @throws IllegalArgumentException if a pattern is blank, holds white space, or has {@code *} elsewhere
         *                                  than at its start or end
         */
        public Builder nonProxyHosts(String... patterns) {
            List<String> copy = List.of(patterns);
            for (String pattern : copy) {
                String inner = pattern.length() <= 1 ? "" : pattern.substring(1, pattern.length() - 1);
                if (pattern.isBlank() || pattern.chars().anyMatch(Character::isWhitespace) || inner.contains("*")) {
                    throw new IllegalArgumentException("a non-proxy host pattern is a host name or IP address that"
                            + " may start or end with '*', was '" + pattern + "'");
                }
            }
            this.nonProxyHosts = copy;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if the credentials do not suit the type: a user name with {@code ':'}
         *                                  for HTTP Basic (RFC 7617), or for SOCKS5 a user name or password that
         *                                  is empty, longer than {@value #MAX_SOCKS5_CREDENTIAL_LENGTH}
         *                                  characters or not US-ASCII (RFC 1929)
         */
        public ProxyOptions build() {
            if (username != null && password != null) {
                if (type == ProxyType.HTTP && username.indexOf(':') >= 0) {
                    throw new IllegalArgumentException(
                            "an HTTP proxy user name must not contain ':' (RFC 7617), was '" + username + "'");
                }
                if (type == ProxyType.SOCKS5) {
                    requireSocks5Credential(username, "user name");
                    requireSocks5Credential(CharBuffer.wrap(password), "password");
                }
            }
            return new ProxyOptions(this);
        }

        private static void requireNoControlCharacters(CharSequence text, String what) {
            if (text.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(what + " must not contain control characters");
            }
        }

        private static void requireSocks5Credential(CharSequence text, String what) {
            if (text.length() == 0 || text.length() > MAX_SOCKS5_CREDENTIAL_LENGTH
                    || text.chars().anyMatch(c -> c > 0x7f)) {
                throw new IllegalArgumentException("a SOCKS5 " + what + " must be 1 to "
                        + MAX_SOCKS5_CREDENTIAL_LENGTH + " US-ASCII characters (RFC 1929)");
            }
        }
    }
}
