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

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public MqttVersion getVersion() {
        return version;
    }

    public void setVersion(MqttVersion version) {
        this.version = version;
    }

    public Duration getKeepAlive() {
        return keepAlive;
    }

    public void setKeepAlive(Duration keepAlive) {
        this.keepAlive = keepAlive;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getSslBundle() {
        return sslBundle;
    }

    public void setSslBundle(String sslBundle) {
        this.sslBundle = sslBundle;
    }

    public Session getSession() {
        return session;
    }

    public Reconnect getReconnect() {
        return reconnect;
    }

    public FlowControl getFlowControl() {
        return flowControl;
    }

    public Connect getConnect() {
        return connect;
    }

    public Shutdown getShutdown() {
        return shutdown;
    }

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

        public boolean isCleanStart() {
            return cleanStart;
        }

        public void setCleanStart(boolean cleanStart) {
            this.cleanStart = cleanStart;
        }

        public Duration getExpiryInterval() {
            return expiryInterval;
        }

        public void setExpiryInterval(Duration expiryInterval) {
            this.expiryInterval = expiryInterval;
        }

        public Path getStoreDirectory() {
            return storeDirectory;
        }

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

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInitialDelay() {
            return initialDelay;
        }

        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        public Long getMaxAttempts() {
            return maxAttempts;
        }

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

        public Integer getReceiveMaximum() {
            return receiveMaximum;
        }

        public void setReceiveMaximum(Integer receiveMaximum) {
            this.receiveMaximum = receiveMaximum;
        }

        public Integer getMaximumInflightPublishes() {
            return maximumInflightPublishes;
        }

        public void setMaximumInflightPublishes(Integer maximumInflightPublishes) {
            this.maximumInflightPublishes = maximumInflightPublishes;
        }

        public Integer getMaximumPacketSize() {
            return maximumPacketSize;
        }

        public void setMaximumPacketSize(Integer maximumPacketSize) {
            this.maximumPacketSize = maximumPacketSize;
        }

        public Integer getOfflineQueueSize() {
            return offlineQueueSize;
        }

        public void setOfflineQueueSize(Integer offlineQueueSize) {
            this.offlineQueueSize = offlineQueueSize;
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

        public boolean isOnStartup() {
            return onStartup;
        }

        public void setOnStartup(boolean onStartup) {
            this.onStartup = onStartup;
        }

        public boolean isFailFast() {
            return failFast;
        }

        public void setFailFast(boolean failFast) {
            this.failFast = failFast;
        }
    }

    /** Stopping when the application stops, after the web server's graceful shutdown. */
    public static class Shutdown {

        /** How long to wait for the acknowledgements of publishes in flight before disconnecting. */
        private Duration timeout = Duration.ofSeconds(30);

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Micrometer meters, registered when the application has a {@code MeterRegistry}. */
    public static class Metrics {

        /** Whether meters are registered at all. */
        private boolean enabled = true;

        /** Whether meters carry the client identifier as a tag. */
        private boolean clientIdTag = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isClientIdTag() {
            return clientIdTag;
        }

        public void setClientIdTag(boolean clientIdTag) {
            this.clientIdTag = clientIdTag;
        }
    }
}
