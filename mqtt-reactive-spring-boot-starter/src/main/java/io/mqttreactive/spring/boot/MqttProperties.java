package io.mqttreactive.spring.boot;

import io.mqttreactive.MqttVersion;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code mqtt.*} configuration properties: where the broker is, who the client is, and how it connects,
 * reconnects, keeps its session and shuts down. Unset values keep the defaults of
 * {@link io.mqttreactive.MqttClientOptions}; anything not covered here is set with an
 * {@link MqttClientOptionsCustomizer} bean.
 */
@ConfigurationProperties("mqtt")
public class MqttProperties {

    /** The broker, as a URI: mqtt://, mqtts://, ws:// or wss://, host, port and for WebSocket the path. */
    private String uri = "mqtt://localhost:1883";

    /** The client identifier; empty lets the broker assign one (MQTT 5.0) or uses a random one. */
    private String clientId = "";

    /** The user name sent in CONNECT. */
    private String username;

    /** The password sent in CONNECT. Never logged. */
    private String password;

    /** The protocol version. */
    private MqttVersion version = MqttVersion.MQTT_5_0;

    /** The keep-alive interval; zero turns keep-alive off. */
    private Duration keepAlive = Duration.ofSeconds(60);

    /** How long connecting (TCP, TLS, WebSocket, CONNECT to CONNACK) may take. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** The name of a Spring Boot SSL bundle whose trust and key material secure the connection. */
    private String sslBundle;

    private final Session session = new Session();
    private final Reconnect reconnect = new Reconnect();
    private final FlowControl flowControl = new FlowControl();
    private final Connect connect = new Connect();
    private final Shutdown shutdown = new Shutdown();
    private final Metrics metrics = new Metrics();
    private final Tracing tracing = new Tracing();

    /**
     * Returns: the broker, as a URI: mqtt://, mqtts://, ws:// or wss://, host, port and for WebSocket the path.
     *
     * @return the value
     */
    public String getUri() {
        return uri;
    }

    /**
     * Sets: the broker, as a URI: mqtt://, mqtts://, ws:// or wss://, host, port and for WebSocket the path.
     *
     * @param uri the value
     */
    public void setUri(String uri) {
        this.uri = uri;
    }

    /**
     * Returns: the client identifier; empty lets the broker assign one (MQTT 5.0) or uses a random one.
     *
     * @return the value
     */
    public String getClientId() {
        return clientId;
    }

    /**
     * Sets: the client identifier; empty lets the broker assign one (MQTT 5.0) or uses a random one.
     *
     * @param clientId the value
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /**
     * Returns: the user name sent in CONNECT.
     *
     * @return the value
     */
    public String getUsername() {
        return username;
    }

    /**
     * Sets: the user name sent in CONNECT.
     *
     * @param username the value
     */
    public void setUsername(String username) {
        this.username = username;
    }

    /**
     * Returns: the password sent in CONNECT. Never logged.
     *
     * @return the value
     */
    public String getPassword() {
        return password;
    }

    /**
     * Sets: the password sent in CONNECT. Never logged.
     *
     * @param password the value
     */
    public void setPassword(String password) {
        this.password = password;
    }

    /**
     * Returns: the protocol version.
     *
     * @return the value
     */
    public MqttVersion getVersion() {
        return version;
    }

    /**
     * Sets: the protocol version.
     *
     * @param version the value
     */
    public void setVersion(MqttVersion version) {
        this.version = version;
    }

    /**
     * Returns: the keep-alive interval; zero turns keep-alive off.
     *
     * @return the value
     */
    public Duration getKeepAlive() {
        return keepAlive;
    }

    /**
     * Sets: the keep-alive interval; zero turns keep-alive off.
     *
     * @param keepAlive the value
     */
    public void setKeepAlive(Duration keepAlive) {
        this.keepAlive = keepAlive;
    }

    /**
     * Returns: how long connecting (TCP, TLS, WebSocket, CONNECT to CONNACK) may take.
     *
     * @return the value
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets: how long connecting (TCP, TLS, WebSocket, CONNECT to CONNACK) may take.
     *
     * @param connectTimeout the value
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * Returns: the name of a Spring Boot SSL bundle whose trust and key material secure the connection.
     *
     * @return the value
     */
    public String getSslBundle() {
        return sslBundle;
    }

    /**
     * Sets: the name of a Spring Boot SSL bundle whose trust and key material secure the connection.
     *
     * @param sslBundle the value
     */
    public void setSslBundle(String sslBundle) {
        this.sslBundle = sslBundle;
    }

    /**
     * Returns: the session settings.
     *
     * @return the value
     */
    public Session getSession() {
        return session;
    }

    /**
     * Returns: the reconnect settings.
     *
     * @return the value
     */
    public Reconnect getReconnect() {
        return reconnect;
    }

    /**
     * Returns: the flow-control bounds.
     *
     * @return the value
     */
    public FlowControl getFlowControl() {
        return flowControl;
    }

    /**
     * Returns: the startup connect settings.
     *
     * @return the value
     */
    public Connect getConnect() {
        return connect;
    }

    /**
     * Returns: the shutdown settings.
     *
     * @return the value
     */
    public Shutdown getShutdown() {
        return shutdown;
    }

    /**
     * Returns: the metrics settings.
     *
     * @return the value
     */
    public Metrics getMetrics() {
        return metrics;
    }

    /** The session the client keeps with the broker. */
    public static class Session {

        /** Whether to start a new session on every connect instead of resuming the broker's. */
        private boolean cleanStart = true;

        /** How long the broker keeps the session after a disconnect (MQTT 5.0); zero ends it at once. */
        private Duration expiryInterval = Duration.ZERO;

        /** A directory for the client's side of the session, so that in-flight messages survive a restart. */
        private Path storeDirectory;

        /**
         * Returns: whether to start a new session on every connect instead of resuming the broker's.
         *
         * @return the value
         */
        public boolean isCleanStart() {
            return cleanStart;
        }

        /**
         * Sets: whether to start a new session on every connect instead of resuming the broker's.
         *
         * @param cleanStart the value
         */
        public void setCleanStart(boolean cleanStart) {
            this.cleanStart = cleanStart;
        }

        /**
         * Returns: how long the broker keeps the session after a disconnect (MQTT 5.0); zero ends it at once.
         *
         * @return the value
         */
        public Duration getExpiryInterval() {
            return expiryInterval;
        }

        /**
         * Sets: how long the broker keeps the session after a disconnect (MQTT 5.0); zero ends it at once.
         *
         * @param expiryInterval the value
         */
        public void setExpiryInterval(Duration expiryInterval) {
            this.expiryInterval = expiryInterval;
        }

        /**
         * Returns: a directory for the client's side of the session, so that in-flight messages survive a restart.
         *
         * @return the value
         */
        public Path getStoreDirectory() {
            return storeDirectory;
        }

        /**
         * Sets: a directory for the client's side of the session, so that in-flight messages survive a restart.
         *
         * @param storeDirectory the value
         */
        public void setStoreDirectory(Path storeDirectory) {
            this.storeDirectory = storeDirectory;
        }
    }

    /** Reconnecting after the connection is lost. */
    public static class Reconnect {

        /** Whether the client reconnects on its own. */
        private boolean enabled = true;

        /** The delay before the first attempt; it doubles up to the maximum delay, with ±25 % jitter. */
        private Duration initialDelay = Duration.ofSeconds(1);

        /** The longest delay between attempts. */
        private Duration maxDelay = Duration.ofMinutes(2);

        /** How many attempts to make in a row before giving up; unset for no limit. */
        private Long maxAttempts;

        /**
         * Returns: whether meters are registered at all.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets: whether meters are registered at all.
         *
         * @param enabled the value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns: the delay before the first attempt; it doubles up to the maximum delay, with ±25 % jitter.
         *
         * @return the value
         */
        public Duration getInitialDelay() {
            return initialDelay;
        }

        /**
         * Sets: the delay before the first attempt; it doubles up to the maximum delay, with ±25 % jitter.
         *
         * @param initialDelay the value
         */
        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        /**
         * Returns: the longest delay between attempts.
         *
         * @return the value
         */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /**
         * Sets: the longest delay between attempts.
         *
         * @param maxDelay the value
         */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        /**
         * Returns: how many attempts to make in a row before giving up; unset for no limit.
         *
         * @return the value
         */
        public Long getMaxAttempts() {
            return maxAttempts;
        }

        /**
         * Sets: how many attempts to make in a row before giving up; unset for no limit.
         *
         * @param maxAttempts the value
         */
        public void setMaxAttempts(Long maxAttempts) {
            this.maxAttempts = maxAttempts;
        }
    }

    /** Bounds on what is in flight and queued; unset values keep the client's defaults. */
    public static class FlowControl {

        /** The most unacknowledged QoS 1 and 2 messages the broker may send at once. */
        private Integer receiveMaximum;

        /** The most QoS 1 and 2 publishes in flight to the broker at once. */
        private Integer maximumInflightPublishes;

        /** The largest packet the client accepts, in bytes. */
        private Integer maximumPacketSize;

        /** The most publishes waiting while the client is not connected. */
        private Integer offlineQueueSize;

        /** The most MQTT 5.0 topic aliases the client sends on a connection, within the broker's; 0 for none. */
        private Integer outgoingTopicAliasMaximum;

        /**
         * Returns: the most unacknowledged QoS 1 and 2 messages the broker may send at once.
         *
         * @return the value
         */
        public Integer getReceiveMaximum() {
            return receiveMaximum;
        }

        /**
         * Sets: the most unacknowledged QoS 1 and 2 messages the broker may send at once.
         *
         * @param receiveMaximum the value
         */
        public void setReceiveMaximum(Integer receiveMaximum) {
            this.receiveMaximum = receiveMaximum;
        }

        /**
         * Returns: the most QoS 1 and 2 publishes in flight to the broker at once.
         *
         * @return the value
         */
        public Integer getMaximumInflightPublishes() {
            return maximumInflightPublishes;
        }

        /**
         * Sets: the most QoS 1 and 2 publishes in flight to the broker at once.
         *
         * @param maximumInflightPublishes the value
         */
        public void setMaximumInflightPublishes(Integer maximumInflightPublishes) {
            this.maximumInflightPublishes = maximumInflightPublishes;
        }

        /**
         * Returns: the largest packet the client accepts, in bytes.
         *
         * @return the value
         */
        public Integer getMaximumPacketSize() {
            return maximumPacketSize;
        }

        /**
         * Sets: the largest packet the client accepts, in bytes.
         *
         * @param maximumPacketSize the value
         */
        public void setMaximumPacketSize(Integer maximumPacketSize) {
            this.maximumPacketSize = maximumPacketSize;
        }

        /**
         * Returns: the most publishes waiting while the client is not connected.
         *
         * @return the value
         */
        public Integer getOfflineQueueSize() {
            return offlineQueueSize;
        }

        /**
         * Sets: the most publishes waiting while the client is not connected.
         *
         * @param offlineQueueSize the value
         */
        public void setOfflineQueueSize(Integer offlineQueueSize) {
            this.offlineQueueSize = offlineQueueSize;
        }

        /**
         * Returns: the most MQTT 5.0 topic aliases the client sends on a connection, within the broker's; 0 for
         * none.
         *
         * @return the value
         */
        public Integer getOutgoingTopicAliasMaximum() {
            return outgoingTopicAliasMaximum;
        }

        /**
         * Sets: the most MQTT 5.0 topic aliases the client sends on a connection, within the broker's; 0 for none.
         *
         * @param outgoingTopicAliasMaximum the value
         */
        public void setOutgoingTopicAliasMaximum(Integer outgoingTopicAliasMaximum) {
            this.outgoingTopicAliasMaximum = outgoingTopicAliasMaximum;
        }
    }

    /** Connecting when the application starts. */
    public static class Connect {

        /** Whether to connect when the application context starts. */
        private boolean onStartup = true;

        /**
         * Whether startup waits for the first connection and fails if it fails; otherwise startup goes on at
         * once and the client keeps trying with its reconnect settings.
         */
        private boolean failFast = false;

        /**
         * Returns: whether to connect when the application context starts.
         *
         * @return the value
         */
        public boolean isOnStartup() {
            return onStartup;
        }

        /**
         * Sets: whether to connect when the application context starts.
         *
         * @param onStartup the value
         */
        public void setOnStartup(boolean onStartup) {
            this.onStartup = onStartup;
        }

        /**
         * Returns: whether startup waits for the first connection and fails if it fails; otherwise startup goes on
         * at once and the client keeps trying with its reconnect settings.
         *
         * @return the value
         */
        public boolean isFailFast() {
            return failFast;
        }

        /**
         * Sets: whether startup waits for the first connection and fails if it fails; otherwise startup goes on at
         * once and the client keeps trying with its reconnect settings.
         *
         * @param failFast the value
         */
        public void setFailFast(boolean failFast) {
            this.failFast = failFast;
        }
    }

    /** Stopping when the application stops, after the web server's graceful shutdown. */
    public static class Shutdown {

        /** How long to wait for the acknowledgements of publishes in flight before disconnecting. */
        private Duration timeout = Duration.ofSeconds(30);

        /**
         * Returns: how long to wait for the acknowledgements of publishes in flight before disconnecting.
         *
         * @return the value
         */
        public Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets: how long to wait for the acknowledgements of publishes in flight before disconnecting.
         *
         * @param timeout the value
         */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /**
     * Returns: the tracing settings.
     *
     * @return the value
     */
    public Tracing getTracing() {
        return tracing;
    }

    /** Micrometer observations of publishes and receipts, with W3C trace context in MQTT 5 user properties. */
    public static class Tracing {

        /** Whether to observe publishes and receipts when the application has an {@code ObservationRegistry}. */
        private boolean enabled;

        /**
         * Returns: whether to observe publishes and receipts when the application has an
         * {@code ObservationRegistry}.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets: whether to observe publishes and receipts when the application has an {@code ObservationRegistry}.
         *
         * @param enabled the value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Micrometer meters, registered when the application has a {@code MeterRegistry}. */
    public static class Metrics {

        /** Whether meters are registered at all. */
        private boolean enabled = true;

        /** Whether meters carry the client identifier as a tag. */
        private boolean clientIdTag = true;

        /**
         * Returns: whether meters are registered at all.
         *
         * @return the value
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets: whether meters are registered at all.
         *
         * @param enabled the value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Returns: whether meters carry the client identifier as a tag.
         *
         * @return the value
         */
        public boolean isClientIdTag() {
            return clientIdTag;
        }

        /**
         * Sets: whether meters carry the client identifier as a tag.
         *
         * @param clientIdTag the value
         */
        public void setClientIdTag(boolean clientIdTag) {
            this.clientIdTag = clientIdTag;
        }
    }
}
