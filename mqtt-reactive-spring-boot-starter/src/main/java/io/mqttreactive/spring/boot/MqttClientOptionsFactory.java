package io.mqttreactive.spring.boot;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.options.FlowControlOptions;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.ReconnectOptions;
import io.mqttreactive.options.SessionOptions;
import io.mqttreactive.options.TlsOptions;
import io.mqttreactive.spi.SessionStore;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * Builds {@link MqttClientOptions} from {@link MqttProperties}, an optional SSL bundle, an optional session store
 * and the customizers.
 */
final class MqttClientOptionsFactory {

    private static final double RECONNECT_JITTER = 0.25;

    private MqttClientOptionsFactory() {
    }

    static MqttClientOptions create(MqttProperties properties, SslBundles sslBundles, SessionStore store,
            List<MqttClientOptionsCustomizer> customizers) {
        MqttClientOptions.Builder builder = MqttClientOptions.builder().uri(properties.getUri())
                .version(properties.getVersion())
                .keepAlive(properties.getKeepAlive())
                .connectTimeout(properties.getConnectTimeout())
                .session(session(properties.getSession(), store))
                .reconnect(reconnect(properties.getReconnect()))
                .flowControl(flowControl(properties.getFlowControl()));
        if (!properties.getClientId().isEmpty()) {
            builder.clientId(properties.getClientId());
        }
        if (properties.getUsername() != null) {
            builder.username(properties.getUsername());
        }
        if (properties.getPassword() != null) {
            builder.password(properties.getPassword());
        }
        if (properties.getSslBundle() != null) {
            builder.tls(tls(sslBundles, properties.getSslBundle()));
        }
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    private static SessionOptions session(MqttProperties.Session session, SessionStore store) {
        return SessionOptions.DEFAULT.withCleanStart(session.isCleanStart())
                .withSessionExpiryInterval(session.getExpiryInterval()).withStore(store);
    }

    private static ReconnectOptions reconnect(MqttProperties.Reconnect reconnect) {
        ReconnectOptions options = ReconnectOptions.DEFAULT.withEnabled(reconnect.isEnabled()).withDelay(
                ReconnectDelay.exponential(reconnect.getInitialDelay(), reconnect.getMaxDelay(), RECONNECT_JITTER));
        return reconnect.getMaxAttempts() == null ? options : options.withMaxAttempts(reconnect.getMaxAttempts());
    }

    private static FlowControlOptions flowControl(MqttProperties.FlowControl flow) {
        FlowControlOptions.Builder builder = FlowControlOptions.builder();
        setIfPresent(flow.getReceiveMaximum(), builder::receiveMaximum);
        setIfPresent(flow.getMaximumInflightPublishes(), builder::maximumInflightPublishes);
        setIfPresent(flow.getMaximumPacketSize(), builder::maximumPacketSize);
        setIfPresent(flow.getOfflineQueueSize(), builder::offlineQueueSize);
        setIfPresent(flow.getOutgoingTopicAliasMaximum(), builder::outgoingTopicAliasMaximum);
        return builder.build();
    }

    private static TlsOptions tls(SslBundles sslBundles, String bundleName) {
        if (sslBundles == null) {
            throw new IllegalStateException("mqtt.ssl-bundle is set to '" + bundleName
                    + "' but the application has no SslBundles bean");
        }
        SslBundle bundle = sslBundles.getBundle(bundleName);
        TlsOptions.Builder builder = TlsOptions.builder()
                .trustManagerFactory(bundle.getManagers().getTrustManagerFactory())
                .keyManagerFactory(bundle.getManagers().getKeyManagerFactory());
        if (bundle.getOptions().getEnabledProtocols() != null) {
            builder.protocols(bundle.getOptions().getEnabledProtocols());
        }
        if (bundle.getOptions().getCiphers() != null) {
            builder.ciphers(bundle.getOptions().getCiphers());
        }
        return builder.build();
    }

    private static <T> void setIfPresent(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
