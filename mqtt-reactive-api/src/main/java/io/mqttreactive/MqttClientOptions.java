package io.mqttreactive;

import io.mqttreactive.auth.EnhancedAuthenticator;
import io.mqttreactive.internal.Checks;
import io.mqttreactive.internal.MqttStrings;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.options.FailoverOptions;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.MaximumQosPolicy;
import io.mqttreactive.options.ProxyOptions;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import io.mqttreactive.options.TlsOptions;
import io.mqttreactive.options.Transport;
import io.mqttreactive.options.WebSocketOptions;
import io.mqttreactive.options.WillMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Everything a client needs to connect: where the broker is and how to reach it, who the client is, and how
 * it behaves. Immutable and thread-safe; {@link #toString()} never shows the password or authentication data.
 *
 * <p>Create options with {@link #builder()} or from a URI with {@link #parse(String)}, and derive changed
 * copies with {@link #mutate()}. Nested option objects group related settings and name their defaults in
 * {@code DEFAULT} and {@code DEFAULT_*} constants. Settings that only exist in MQTT 5.0 (session expiry, user
 * properties, flow control properties, problem and response information) are not sent with MQTT 3.1 and 3.1.1.
 */
public final class MqttClientOptions {

    /** The default of {@link #serverHost()}. */
    public static final String DEFAULT_SERVER_HOST = "localhost";

    /** The default port of MQTT over TCP ({@code mqtt://}). */
    public static final int DEFAULT_TCP_PORT = 1883;

    /** The default port of MQTT over TCP with TLS ({@code mqtts://}). */
    public static final int DEFAULT_TLS_PORT = 8883;

    /** The default port of MQTT over WebSocket ({@code ws://}). */
    public static final int DEFAULT_WEBSOCKET_PORT = 80;

    /** The default port of MQTT over WebSocket with TLS ({@code wss://}). */
    public static final int DEFAULT_WEBSOCKET_TLS_PORT = 443;

    /** The default of {@link #version()}. */
    public static final MqttVersion DEFAULT_VERSION = MqttVersion.MQTT_5_0;

    /** The default of {@link #clientId()}: empty, so that an MQTT 5.0 broker assigns one. */
    public static final String DEFAULT_CLIENT_ID = "";

    /** The default of {@link #keepAlive()}. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(60);

    /** The default of {@link #connectTimeout()}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The default of {@link #requestResponseInformation()}. */
    public static final boolean DEFAULT_REQUEST_RESPONSE_INFORMATION = false;

    /** The default of {@link #automaticSubscriptionIdentifiers()}. */
    public static final boolean DEFAULT_AUTOMATIC_SUBSCRIPTION_IDENTIFIERS = true;

    /** The default of {@link #requestProblemInformation()}, as in the MQTT 5.0 specification. */
    public static final boolean DEFAULT_REQUEST_PROBLEM_INFORMATION = true;

    private static final String REDACTED = "<redacted>";

    private final String serverHost;
    private final int serverPort;
    private final Transport transport;
    private final @Nullable TlsOptions tls;
    private final WebSocketOptions webSocket;
    private final @Nullable ProxyOptions proxy;
    private final MqttVersion version;
    private final String clientId;
    private final @Nullable String username;
    private final byte @Nullable [] password;
    private final Duration keepAlive;
    private final SessionOptions session;
    private final @Nullable WillMessage will;
    private final ReconnectOptions reconnect;
    private final FlowControlOptions flowControl;
    private final Duration connectTimeout;
    private final boolean requestResponseInformation;
    private final boolean requestProblemInformation;
    private final MaximumQosPolicy maximumQosPolicy;
    private final boolean automaticSubscriptionIdentifiers;
    private final FailoverOptions failover;
    private final @Nullable EnhancedAuthenticator enhancedAuthentication;
    private final UserProperties userProperties;
    private final @Nullable String authenticationMethod;
    private final byte @Nullable [] authenticationData;

    private MqttClientOptions(Builder builder) {
        this.serverHost = builder.serverHost;
        this.serverPort = builder.serverPort;
        this.transport = builder.transport;
        this.tls = builder.tls;
        this.webSocket = builder.webSocket;
        this.proxy = builder.proxy;
        this.version = builder.version;
        this.clientId = builder.clientId;
        this.username = builder.username;
        this.password = builder.password;
        this.keepAlive = builder.keepAlive;
        this.session = builder.session;
        this.will = builder.will;
        this.reconnect = builder.reconnect;
        this.flowControl = builder.flowControl;
        this.connectTimeout = builder.connectTimeout;
        this.requestResponseInformation = builder.requestResponseInformation;
        this.requestProblemInformation = builder.requestProblemInformation;
        this.maximumQosPolicy = builder.maximumQosPolicy;
        this.automaticSubscriptionIdentifiers = builder.automaticSubscriptionIdentifiers;
        this.failover = builder.failover;
        this.enhancedAuthentication = builder.enhancedAuthentication;
        this.userProperties = builder.userProperties;
        this.authenticationMethod = builder.authenticationMethod;
        this.authenticationData = builder.authenticationData;
    }

    /**
     * Returns a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns options parsed from a broker URI, with defaults for everything else; see
     * {@link Builder#uri(String)} for the format.
     *
     * @param uri the URI, for example {@code mqtts://user:secret@broker.example.com:8883?clientId=sensor-7}
     * @return the options
     * @throws IllegalArgumentException if the URI is not valid; the message never shows the password
     */
    public static MqttClientOptions parse(String uri) {
        return builder().uri(uri).build();
    }

    /**
     * Returns a builder holding every value of these options, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder mutate() {
        return new Builder(this);
    }

    /**
     * Returns the broker's host name or IP address.
     *
     * @return the host; {@value #DEFAULT_SERVER_HOST} by default
     */
    public String serverHost() {
        return serverHost;
    }

    /**
     * Returns the broker's port: the one set, or the default of the transport (1883 for TCP, 8883 for TCP with
     * TLS, 80 for WebSocket, 443 for WebSocket with TLS).
     *
     * @return the port, 1..65,535
     */
    public int serverPort() {
        if (serverPort != 0) {
            return serverPort;
        }
        if (transport == Transport.TCP) {
            return tls == null ? DEFAULT_TCP_PORT : DEFAULT_TLS_PORT;
        }
        return tls == null ? DEFAULT_WEBSOCKET_PORT : DEFAULT_WEBSOCKET_TLS_PORT;
    }

    /**
     * Returns the network transport.
     *
     * @return {@link Transport#TCP} by default
     */
    public Transport transport() {
        return transport;
    }

    /**
     * Returns the TLS options.
     *
     * @return the TLS options, or empty for a plain connection (the default)
     */
    public Optional<TlsOptions> tls() {
        return Optional.ofNullable(tls);
    }

    /**
     * Returns the WebSocket options, used with {@link Transport#WEBSOCKET}.
     *
     * @return the options; {@link WebSocketOptions#DEFAULT} by default
     */
    public WebSocketOptions webSocket() {
        return webSocket;
    }

    /**
     * Returns the proxy the client reaches the broker through, over every transport and on every reconnect.
     *
     * @return the proxy options, or empty to connect directly (the default)
     */
    public Optional<ProxyOptions> proxy() {
        return Optional.ofNullable(proxy);
    }

    /**
     * Returns the MQTT version to speak.
     *
     * @return the version; {@link MqttVersion#MQTT_5_0} by default
     */
    public MqttVersion version() {
        return version;
    }

    /**
     * Returns the client identifier.
     *
     * @return the identifier; empty by default, to have an MQTT 5.0 broker assign one
     */
    public String clientId() {
        return clientId;
    }

    /**
     * Returns the user name.
     *
     * @return the user name, or empty
     */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /**
     * Returns a copy of the password.
     *
     * @return a new array, or empty
     */
    public Optional<byte[]> password() {
        return password == null ? Optional.empty() : Optional.of(password.clone());
    }

    /**
     * Returns the keep alive: the longest time between two packets the client sends; zero turns it off.
     *
     * @return whole seconds, 0..65,535; {@link #DEFAULT_KEEP_ALIVE} by default
     */
    public Duration keepAlive() {
        return keepAlive;
    }

    /**
     * Returns the session options.
     *
     * @return the options; {@link SessionOptions#DEFAULT} by default
     */
    public SessionOptions session() {
        return session;
    }

    /**
     * Returns the will.
     *
     * @return the will, or empty (the default)
     */
    public Optional<WillMessage> will() {
        return Optional.ofNullable(will);
    }

    /**
     * Returns the reconnect options.
     *
     * @return the options; {@link ReconnectOptions#DEFAULT} by default
     */
    public ReconnectOptions reconnect() {
        return reconnect;
    }

    /**
     * Returns the flow control options.
     *
     * @return the options; {@link FlowControlOptions#DEFAULT} by default
     */
    public FlowControlOptions flowControl() {
        return flowControl;
    }

    /**
     * Returns how long a connection attempt may take, from opening the network connection to the CONNACK.
     *
     * @return the timeout; {@link #DEFAULT_CONNECT_TIMEOUT} by default
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Tells whether the client asks an MQTT 5.0 broker for Response Information in the CONNACK.
     *
     * @return {@value #DEFAULT_REQUEST_RESPONSE_INFORMATION} by default
     */
    public boolean requestResponseInformation() {
        return requestResponseInformation;
    }

    /**
     * Tells whether an MQTT 5.0 broker may send reason strings and user properties on failures.
     *
     * @return {@value #DEFAULT_REQUEST_PROBLEM_INFORMATION} by default
     */
    public boolean requestProblemInformation() {
        return requestProblemInformation;
    }

    /**
     * Returns what happens to a message above the Maximum QoS an MQTT 5.0 broker announced.
     *
     * @return {@link MaximumQosPolicy#FAIL} by default
     */
    public MaximumQosPolicy maximumQosPolicy() {
        return maximumQosPolicy;
    }

    /**
     * Tells whether the client gives each SUBSCRIBE without a Subscription Identifier of its own one it chooses,
     * when the MQTT 5.0 broker takes them (CONNACK Subscription Identifiers Available). A broker may send a
     * message once per overlapping subscription; the identifiers tell the client which copy belongs to which
     * subscription, so each subscriber gets the message once. Automatic identifiers count down from 268,435,455
     * and never take one in use; received messages show them in
     * {@link io.mqttreactive.message.MqttMessage#subscriptionIdentifiers()}.
     *
     * @return {@value #DEFAULT_AUTOMATIC_SUBSCRIPTION_IDENTIFIERS} by default
     */
    public boolean automaticSubscriptionIdentifiers() {
        return automaticSubscriptionIdentifiers;
    }

    /**
     * Returns the other servers to fail over to and how redirects by a broker are followed.
     *
     * @return {@link FailoverOptions#DEFAULT} by default
     */
    public FailoverOptions failover() {
        return failover;
    }

    /**
     * Returns the enhanced authentication the client runs on every connection and re-authentication (MQTT 5.0).
     *
     * @return the authenticator; empty by default
     */
    public Optional<EnhancedAuthenticator> enhancedAuthentication() {
        return Optional.ofNullable(enhancedAuthentication);
    }

    /**
     * Returns the user properties sent in an MQTT 5.0 CONNECT.
     *
     * @return the user properties; empty by default
     */
    public UserProperties userProperties() {
        return userProperties;
    }

    /**
     * Returns the MQTT 5.0 Authentication Method for enhanced authentication.
     *
     * @return the method, or empty
     */
    public Optional<String> authenticationMethod() {
        return Optional.ofNullable(authenticationMethod);
    }

    /**
     * Returns a copy of the MQTT 5.0 Authentication Data sent in CONNECT.
     *
     * @return a new array, or empty
     */
    public Optional<byte[]> authenticationData() {
        return authenticationData == null ? Optional.empty() : Optional.of(authenticationData.clone());
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MqttClientOptions that
                && serverHost.equals(that.serverHost)
                && serverPort == that.serverPort
                && transport == that.transport
                && Objects.equals(tls, that.tls)
                && webSocket.equals(that.webSocket)
                && Objects.equals(proxy, that.proxy)
                && version == that.version
                && clientId.equals(that.clientId)
                && Objects.equals(username, that.username)
                && Arrays.equals(password, that.password)
                && keepAlive.equals(that.keepAlive)
                && session.equals(that.session)
                && Objects.equals(will, that.will)
                && reconnect.equals(that.reconnect)
                && flowControl.equals(that.flowControl)
                && connectTimeout.equals(that.connectTimeout)
                && requestResponseInformation == that.requestResponseInformation
                && requestProblemInformation == that.requestProblemInformation
                && maximumQosPolicy == that.maximumQosPolicy
                && automaticSubscriptionIdentifiers == that.automaticSubscriptionIdentifiers
                && failover.equals(that.failover)
                && Objects.equals(enhancedAuthentication, that.enhancedAuthentication)
                && userProperties.equals(that.userProperties)
                && Objects.equals(authenticationMethod, that.authenticationMethod)
                && Arrays.equals(authenticationData, that.authenticationData);
    }

    @Override
    public int hashCode() {
        int result = Objects.hash(serverHost, serverPort, transport, tls, webSocket, proxy, version, clientId,
                username, keepAlive, session, will, reconnect, flowControl, connectTimeout, requestResponseInformation,
                requestProblemInformation, maximumQosPolicy, automaticSubscriptionIdentifiers, failover,
                enhancedAuthentication, userProperties, authenticationMethod);
        return 31 * (31 * result + Arrays.hashCode(password)) + Arrays.hashCode(authenticationData);
    }

    /**
     * Describes the options; the password, the proxy's password and authentication data show as
     * {@code <redacted>} when set.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "MqttClientOptions{serverHost=" + serverHost
                + ", serverPort=" + serverPort()
                + ", transport=" + transport
                + ", tls=" + tls
                + ", webSocket=" + webSocket
                + ", proxy=" + proxy
                + ", version=" + version
                + ", clientId='" + clientId + '\''
                + ", username=" + username
                + ", password=" + (password == null ? null : REDACTED)
                + ", keepAlive=" + keepAlive
                + ", session=" + session
                + ", will=" + will
                + ", reconnect=" + reconnect
                + ", flowControl=" + flowControl
                + ", connectTimeout=" + connectTimeout
                + ", requestResponseInformation=" + requestResponseInformation
                + ", requestProblemInformation=" + requestProblemInformation
                + ", maximumQosPolicy=" + maximumQosPolicy
                + ", automaticSubscriptionIdentifiers=" + automaticSubscriptionIdentifiers
                + ", failover=" + failover
                + ", enhancedAuthentication=" + enhancedAuthentication
                + ", userProperties=" + userProperties
                + ", authenticationMethod=" + authenticationMethod
                + ", authenticationData=" + (authenticationData == null ? null : REDACTED) + '}';
    }

    /**
     * Builds {@link MqttClientOptions}. Setters validate their argument at once; {@link #build()} checks the
     * rules that involve several settings. Not thread-safe.
     */
    public static final class Builder {

        private String serverHost = DEFAULT_SERVER_HOST;
        private int serverPort;
        private Transport transport = Transport.TCP;
        private @Nullable TlsOptions tls;
        private WebSocketOptions webSocket = WebSocketOptions.DEFAULT;
        private @Nullable ProxyOptions proxy;
        private MqttVersion version = DEFAULT_VERSION;
        private String clientId = DEFAULT_CLIENT_ID;
        private @Nullable String username;
        private byte @Nullable [] password;
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;
        private SessionOptions session = SessionOptions.DEFAULT;
        private @Nullable WillMessage will;
        private ReconnectOptions reconnect = ReconnectOptions.DEFAULT;
        private FlowControlOptions flowControl = FlowControlOptions.DEFAULT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private boolean requestResponseInformation = DEFAULT_REQUEST_RESPONSE_INFORMATION;
        private boolean requestProblemInformation = DEFAULT_REQUEST_PROBLEM_INFORMATION;
        private MaximumQosPolicy maximumQosPolicy = MaximumQosPolicy.FAIL;
        private boolean automaticSubscriptionIdentifiers = DEFAULT_AUTOMATIC_SUBSCRIPTION_IDENTIFIERS;
        private FailoverOptions failover = FailoverOptions.DEFAULT;
        private @Nullable EnhancedAuthenticator enhancedAuthentication;
        private UserProperties userProperties = UserProperties.empty();
        private @Nullable String authenticationMethod;
        private byte @Nullable [] authenticationData;

        private Builder() {
        }

        private Builder(MqttClientOptions options) {
            this.serverHost = options.serverHost;
            this.serverPort = options.serverPort;
            this.transport = options.transport;
            this.tls = options.tls;
            this.webSocket = options.webSocket;
            this.proxy = options.proxy;
            this.version = options.version;
            this.clientId = options.clientId;
            this.username = options.username;
            this.password = options.password;
            this.keepAlive = options.keepAlive;
            this.session = options.session;
            this.will = options.will;
            this.reconnect = options.reconnect;
            this.flowControl = options.flowControl;
            this.connectTimeout = options.connectTimeout;
            this.requestResponseInformation = options.requestResponseInformation;
            this.requestProblemInformation = options.requestProblemInformation;
            this.maximumQosPolicy = options.maximumQosPolicy;
            this.automaticSubscriptionIdentifiers = options.automaticSubscriptionIdentifiers;
            this.failover = options.failover;
            this.enhancedAuthentication = options.enhancedAuthentication;
            this.userProperties = options.userProperties;
            this.authenticationMethod = options.authenticationMethod;
            this.authenticationData = options.authenticationData;
        }

        /**
         * Sets the broker address, transport, TLS, credentials and options from a URI of the form
         * {@code scheme://[user[:password]@]host[:port][/path][?name=value&...]}.
         *
         * <ul>
         *   <li>{@code mqtt} and {@code mqtts} select {@link Transport#TCP}, {@code ws} and {@code wss}
         *       {@link Transport#WEBSOCKET}. {@code mqtts} and {@code wss} turn TLS on, keeping TLS options
         *       already set or else using {@link TlsOptions#DEFAULT}; {@code mqtt} and {@code ws} turn it off.</li>
         *   <li>Without a port, the transport's default applies (1883, 8883, 80, 443). IPv6 addresses go in
         *       brackets: {@code mqtt://[::1]:1883}.</li>
         *   <li>User name and password are percent-decoded; if absent, those already set are kept.</li>
         *   <li>For {@code ws} and {@code wss} the path is the WebSocket path, {@value WebSocketOptions#DEFAULT_PATH}
         *       if absent; {@code mqtt} and {@code mqtts} take no path.</li>
         *   <li>Query parameters: {@code clientId}, {@code version} ({@code 3.1}, {@code 3.1.1} or {@code 5}),
         *       {@code keepAlive} and {@code sessionExpiryInterval} (seconds), {@code cleanStart}
         *       ({@code true} or {@code false}). Other names are rejected.</li>
         * </ul>
         *
         * @param uri the URI
         * @return this builder
         * @throws IllegalArgumentException if the URI is not valid; the message never shows the password
         */
        public Builder uri(String uri) {
            Objects.requireNonNull(uri, "uri");
            MqttUri parsed = MqttUri.parse(uri);
            try {
                transport(parsed.transport());
                tls(parsed.tls() ? Objects.requireNonNullElse(tls, TlsOptions.DEFAULT) : null);
                serverHost(parsed.host());
                serverPort(parsed.port());
                if (parsed.username() != null) {
                    username(parsed.username());
                }
                if (parsed.password() != null) {
                    password(parsed.password());
                }
                if (parsed.transport() == Transport.WEBSOCKET) {
                    String path = Objects.requireNonNullElse(parsed.path(), WebSocketOptions.DEFAULT_PATH);
                    webSocket(webSocket.withPath(path));
                }
                parsed.query().forEach(this::queryParameter);
            } catch (IllegalArgumentException e) {
                throw MqttUri.invalid(uri, e.getMessage());
            }
            return this;
        }

        private void queryParameter(String name, String value) {
            switch (name) {
                case "clientId" -> clientId(value);
                case "version" -> version(MqttUri.version(value));
                case "keepAlive" -> keepAlive(MqttUri.seconds(name, value));
                case "cleanStart" -> session(session.withCleanStart(MqttUri.bool(name, value)));
                case "sessionExpiryInterval" ->
                        session(session.withSessionExpiryInterval(MqttUri.seconds(name, value)));
                default -> throw new IllegalArgumentException("unknown query parameter '" + name + "'");
            }
        }

        /**
         * Sets the broker's host name or IP address.
         *
         * @param serverHost the host; not blank
         * @return this builder
         * @throws IllegalArgumentException if {@code serverHost} is blank
         */
        public Builder serverHost(String serverHost) {
            Objects.requireNonNull(serverHost, "serverHost");
            if (serverHost.isBlank()) {
                throw new IllegalArgumentException("server host must not be blank");
            }
            this.serverHost = serverHost;
            return this;
        }

        /**
         * Sets the broker's port.
         *
         * @param serverPort 1..65,535, or 0 for the default port of the transport
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder serverPort(int serverPort) {
            this.serverPort = Checks.requireRange(serverPort, 0, 65_535, "server port");
            return this;
        }

        /**
         * Sets the network transport.
         *
         * @param transport TCP or WebSocket
         * @return this builder
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Turns TLS on with the given options, or off.
         *
         * @param tls the TLS options, or {@code null} for a plain connection
         * @return this builder
         */
        public Builder tls(@Nullable TlsOptions tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Sets the WebSocket options.
         *
         * @param webSocket the options
         * @return this builder
         */
        public Builder webSocket(WebSocketOptions webSocket) {
            this.webSocket = Objects.requireNonNull(webSocket, "webSocket");
            return this;
        }

        /**
         * Connects through a proxy, or directly. Every connection, reconnects included, then opens a tunnel to
         * {@link MqttClientOptions#serverHost()} and {@link MqttClientOptions#serverPort()} through the proxy;
         * TLS and WebSocket run through the tunnel, TLS end to end with the broker.
         *
         * @param proxy the proxy, or {@code null} to connect directly
         * @return this builder
         */
        public Builder proxy(@Nullable ProxyOptions proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * Sets the MQTT version.
         *
         * @param version the version
         * @return this builder
         */
        public Builder version(MqttVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Sets the client identifier.
         *
         * @param clientId a valid MQTT UTF-8 string, possibly empty (see {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if {@code clientId} is not a valid MQTT UTF-8 string
         */
        public Builder clientId(String clientId) {
            this.clientId = MqttStrings.requireValid(clientId, "client identifier");
            return this;
        }

        /**
         * Sets the user name.
         *
         * @param username a valid MQTT UTF-8 string, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if {@code username} is not a valid MQTT UTF-8 string
         */
        public Builder username(@Nullable String username) {
            this.username = username == null ? null : MqttStrings.requireValid(username, "user name");
            return this;
        }

        /**
         * Sets the password.
         *
         * @param password at most 65,535 bytes, copied; or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if longer than 65,535 bytes
         */
        public Builder password(byte @Nullable [] password) {
            this.password = binary(password, "password");
            return this;
        }

        /**
         * Sets the password to the UTF-8 encoding of a text.
         *
         * @param password the password, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if it encodes to more than 65,535 bytes
         */
        public Builder password(@Nullable String password) {
            return password(password == null ? null : password.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Sets the keep alive.
         *
         * @param keepAlive whole seconds, 0..65,535; zero turns keep alive off
         * @return this builder
         * @throws IllegalArgumentException if out of range or not whole seconds
         */
        public Builder keepAlive(Duration keepAlive) {
            this.keepAlive = Checks.requireSeconds(keepAlive, Checks.MAX_TWO_BYTE_INTEGER, "keep alive");
            return this;
        }

        /**
         * Sets the session options.
         *
         * @param session the options
         * @return this builder
         */
        public Builder session(SessionOptions session) {
            this.session = Objects.requireNonNull(session, "session");
            return this;
        }

        /**
         * Sets the will.
         *
         * @param will the will, or {@code null} for none
         * @return this builder
         */
        public Builder will(@Nullable WillMessage will) {
            this.will = will;
            return this;
        }

        /**
         * Sets the reconnect options.
         *
         * @param reconnect the options
         * @return this builder
         */
        public Builder reconnect(ReconnectOptions reconnect) {
            this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
            return this;
        }

        /**
         * Sets the flow control options.
         *
         * @param flowControl the options
         * @return this builder
         */
        public Builder flowControl(FlowControlOptions flowControl) {
            this.flowControl = Objects.requireNonNull(flowControl, "flowControl");
            return this;
        }

        /**
         * Sets how long a connection attempt may take.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Checks.requirePositive(connectTimeout, "connect timeout");
            return this;
        }

        /**
         * Sets whether to ask an MQTT 5.0 broker for Response Information.
         *
         * @param request whether to ask
         * @return this builder
         */
        public Builder requestResponseInformation(boolean request) {
            this.requestResponseInformation = request;
            return this;
        }

        /**
         * Sets whether an MQTT 5.0 broker may send reason strings and user properties on failures.
         *
         * @param request whether to allow them
         * @return this builder
         */
        public Builder requestProblemInformation(boolean request) {
            this.requestProblemInformation = request;
            return this;
        }

        /**
         * Sets what happens to a message above the Maximum QoS an MQTT 5.0 broker announced: it fails, or goes
         * out at the broker's maximum.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder maximumQosPolicy(MaximumQosPolicy policy) {
            this.maximumQosPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets whether SUBSCRIBE packets without a Subscription Identifier of their own get one the client chooses,
         * where the MQTT 5.0 broker takes them; see {@link MqttClientOptions#automaticSubscriptionIdentifiers()}.
         *
         * @param automatic whether to choose identifiers
         * @return this builder
         */
        public Builder automaticSubscriptionIdentifiers(boolean automatic) {
            this.automaticSubscriptionIdentifiers = automatic;
            return this;
        }

        /**
         * Sets the enhanced authentication to run on every connection and on
         * {@link MqttClient#reauthenticate()} (MQTT 5.0 section 4.12). Its method replaces
         * {@link #authenticationMethod(String)}, which must then be unset.
         *
         * @param authenticator the authenticator, or {@code null} for none
         * @return this builder
         */
        public Builder enhancedAuthentication(@Nullable EnhancedAuthenticator authenticator) {
            this.enhancedAuthentication = authenticator;
            return this;
        }

        /**
         * Sets the other servers to fail over to and how redirects are followed.
         *
         * @param failover the failover options
         * @return this builder
         * @throws IllegalArgumentException if a server is not a broker URI ({@code mqtt}, {@code mqtts}, {@code ws}
         *                                  or {@code wss}) or carries a user, a password or query parameters, which
         *                                  are the client's alone
         */
        public Builder failover(FailoverOptions failover) {
            Objects.requireNonNull(failover, "failover");
            for (String server : failover.servers()) {
                MqttUri parsed = MqttUri.parse(server);
                if (parsed.username() != null || parsed.password() != null || !parsed.query().isEmpty()) {
                    throw MqttUri.invalid(server, "a failover server takes no user, password or query parameters");
                }
            }
            this.failover = failover;
            return this;
        }

        /**
         * Sets the user properties of an MQTT 5.0 CONNECT.
         *
         * @param userProperties the user properties
         * @return this builder
         */
        public Builder userProperties(UserProperties userProperties) {
            this.userProperties = Objects.requireNonNull(userProperties, "userProperties");
            return this;
        }

        /**
         * Sets the MQTT 5.0 Authentication Method.
         *
         * @param method a valid MQTT UTF-8 string, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if {@code method} is not a valid MQTT UTF-8 string
         */
        public Builder authenticationMethod(@Nullable String method) {
            this.authenticationMethod = method == null ? null
                    : MqttStrings.requireValid(method, "authentication method");
            return this;
        }

        /**
         * Sets the MQTT 5.0 Authentication Data sent in CONNECT.
         *
         * @param data at most 65,535 bytes, copied; or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if longer than 65,535 bytes
         */
        public Builder authenticationData(byte @Nullable [] data) {
            this.authenticationData = binary(data, "authentication data");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if the settings contradict each other: an empty client identifier
         *                                  with MQTT 3.1, or with MQTT 3.1.1 without clean start
         *                                  [MQTT-3.1.3-7] (3.1.1); a password without user name before MQTT 5.0
         *                                  [MQTT-3.1.2-22] (3.1.1); enhanced authentication before MQTT 5.0;
         *                                  authentication data without authentication method
         */
        public MqttClientOptions build() {
            if (clientId.isEmpty() && version == MqttVersion.MQTT_3_1) {
                throw new IllegalArgumentException("MQTT 3.1 requires a client identifier of 1 to 23 characters");
            }
            if (clientId.isEmpty() && version == MqttVersion.MQTT_3_1_1 && !session.cleanStart()) {
                throw new IllegalArgumentException(
                        "an empty client identifier requires clean start with MQTT 3.1.1 [MQTT-3.1.3-7] (3.1.1)");
            }
            if (password != null && username == null && !version.isMqtt5()) {
                throw new IllegalArgumentException(
                        "a password requires a user name before MQTT 5.0 [MQTT-3.1.2-22] (3.1.1)");
            }
            if (authenticationMethod != null && !version.isMqtt5()) {
                throw new IllegalArgumentException("enhanced authentication requires MQTT 5.0, version is " + version);
            }
            if (enhancedAuthentication != null && (!version.isMqtt5() || authenticationMethod != null)) {
                throw new IllegalArgumentException("an enhanced authenticator requires MQTT 5.0 and no "
                        + "authenticationMethod of its own, version is " + version);
            }
            if (authenticationData != null && authenticationMethod == null) {
                throw new IllegalArgumentException("authentication data requires an authentication method");
            }
            return new MqttClientOptions(this);
        }

        private static byte @Nullable [] binary(byte @Nullable [] data, String what) {
            if (data == null) {
                return null;
            }
            Checks.requireRange(data.length, 0, Checks.MAX_TWO_BYTE_INTEGER, what + " length");
            return data.clone();
        }
    }
}
