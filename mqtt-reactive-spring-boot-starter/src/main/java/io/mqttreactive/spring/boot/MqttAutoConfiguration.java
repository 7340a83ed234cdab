package io.mqttreactive.spring.boot;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.netty.FileSessionStore;
import io.mqttreactive.netty.Jackson2JsonCodecs;
import io.mqttreactive.netty.Jackson3JsonCodecs;
import io.mqttreactive.netty.JacksonCodecs;
import io.mqttreactive.netty.MqttClientMetrics;
import io.mqttreactive.netty.MqttClientObservations;
import io.mqttreactive.netty.MqttClientResources;
import io.mqttreactive.netty.ReactorNettyMqttClientProvider;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.SessionStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Auto-configuration of an {@link MqttClient} from the {@code mqtt.*} properties ({@link MqttProperties}).
 *
 * <ul>
 *   <li>a {@link FileSessionStore} in {@code mqtt.session.store-directory} when that is set;</li>
 *   <li>{@link MqttClientOptions}, from the properties, an SSL bundle ({@code mqtt.ssl-bundle}) and every
 *       {@link MqttClientOptionsCustomizer} bean, unless the application defines its own options bean;</li>
 *   <li>the client ({@link DrainableMqttClient}), unless the application defines an {@link MqttClient} bean: on
 *       the event loops of Spring's {@link ReactorResourceFactory} when there is one, which Spring WebFlux's
 *       server and {@code WebClient} run on, else on the SDK's default loops;</li>
 *   <li>{@link MqttClientLifecycle}: connect on startup, graceful shutdown after the web server;</li>
 *   <li>a {@link JsonCodecProvider} for JSON payloads on the application's own Jackson mapper, with its modules
 *       and settings: {@link Jackson3JsonCodecs} on Jackson 3's {@code JsonMapper} when Jackson 3 is on the class
 *       path (Spring Boot 4), else {@link Jackson2JsonCodecs} on Jackson 2's {@code ObjectMapper}; inject it and
 *       call {@code create(Type.class)}, or, for a generic type, inject it by its class and call
 *       {@code create(new TypeReference<List<Type>>() {})};</li>
 *   <li>Micrometer meters ({@code mqtt.client.*}) of the auto-configured client when the application has a
 *       {@code MeterRegistry} ({@code mqtt.metrics.enabled}, on by default), and observations of its publishes
 *       and receipts with W3C trace context when {@code mqtt.tracing.enabled} is set;</li>
 *   <li>{@link MqttConnectionStatus} and a reactive health indicator named {@code mqtt} when Spring Boot's health
 *       support is on the class path (Spring Boot 4 and 3 alike).</li>
 * </ul>
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration"})
@ConditionalOnClass({MqttClient.class, ReactorNettyMqttClientProvider.class})
@EnableConfigurationProperties(MqttProperties.class)
@Import({MqttAutoConfiguration.SharedLoopsConfiguration.class, MqttAutoConfiguration.ClientConfiguration.class,
        MqttAutoConfiguration.Jackson3CodecsConfiguration.class, MqttAutoConfiguration.Jackson2CodecsConfiguration.class,
        MqttAutoConfiguration.MetricsConfiguration.class, MqttAutoConfiguration.ObservationConfiguration.class,
        MqttAutoConfiguration.HealthConfiguration.class, MqttAutoConfiguration.ActuatorHealthConfiguration.class})
public class MqttAutoConfiguration {

    /** Creates the auto-configuration; Spring calls this. */
    public MqttAutoConfiguration() {
    }

    /**
     * The client options.
     *
     * @param properties  the {@code mqtt.*} properties
     * @param sslBundles  Spring Boot's SSL bundles, for {@code mqtt.ssl-bundle}
     * @param store       the session store, if there is one
     * @param customizers the customizers, applied in order
     * @return the options
     */
    @Bean
    @ConditionalOnMissingBean
    public MqttClientOptions mqttClientOptions(MqttProperties properties, ObjectProvider<SslBundles> sslBundles,
            ObjectProvider<SessionStore> store, ObjectProvider<MqttClientOptionsCustomizer> customizers) {
        return MqttClientOptionsFactory.create(properties, sslBundles.getIfAvailable(), store.getIfAvailable(),
                customizers.orderedStream().toList());
    }

    /**
     * The client's side of the session on disk, in {@code mqtt.session.store-directory}, so that messages in
     * flight survive a restart; closed after the client.
     *
     * @param properties the {@code mqtt.*} properties
     * @return the open store
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("mqtt.session.store-directory")
    @ConditionalOnMissingBean(SessionStore.class)
    public FileSessionStore mqttSessionStore(MqttProperties properties) {
        return FileSessionStore.open(properties.getSession().getStoreDirectory());
    }

    /**
     * The connection status the health indicators report.
     *
     * @param client the client, the application's own or the auto-configured one
     * @return the status
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public MqttConnectionStatus mqttConnectionStatus(MqttClient client) {
        return new MqttConnectionStatus(client);
    }

    /**
     * Records that bean {@code dependent} uses the beans of {@code type} it looks up lazily, so that the context
     * destroys it first: the client must close (and its connection end) before the event loops it runs on are
     * shut down.
     */
    private static void closedBefore(ConfigurableListableBeanFactory beanFactory, Class<?> type, String dependent) {
        for (String name : beanFactory.getBeanNamesForType(type, false, false)) {
            beanFactory.registerDependentBean(name, dependent);
        }
    }

    /** The client and its lifecycle, unless the application defines its own {@link MqttClient}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(MqttClient.class)
    static class ClientConfiguration {

        @Bean(destroyMethod = "close")
        DrainableMqttClient mqttClient(MqttClientOptions options, ObjectProvider<MqttClientResources> resources,
                ConfigurableListableBeanFactory beanFactory) {
            closedBefore(beanFactory, MqttClientResources.class, "mqttClient");
            MqttClient client = MqttClients.create(options, resources.getIfAvailable(MqttClientResources::global));
            return new DrainableMqttClient(client);
        }

        @Bean
        MqttClientLifecycle mqttClientLifecycle(DrainableMqttClient client, MqttProperties properties) {
            return new MqttClientLifecycle(client, properties);
        }
    }

    /** Shares the event loops of Spring's {@link ReactorResourceFactory}, Spring WebFlux's, when there is one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactorResourceFactory.class)
    static class SharedLoopsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MqttClientResources mqttClientResources(ObjectProvider<ReactorResourceFactory> factory,
                ConfigurableListableBeanFactory beanFactory) {
            closedBefore(beanFactory, ReactorResourceFactory.class, "mqttClientResources");
            ReactorResourceFactory shared = factory.getIfAvailable();
            return shared == null ? MqttClientResources.global() : MqttClientResources.of(shared.getLoopResources());
        }
    }

    /** JSON codecs on the application's Jackson 3 {@code JsonMapper} (Spring Boot 4), or Jackson 3's defaults. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "tools.jackson.databind.json.JsonMapper")
    static class Jackson3CodecsConfiguration {

        @Bean
        @ConditionalOnMissingBean(JsonCodecProvider.class)
        Jackson3JsonCodecs mqttJsonCodecs(ObjectProvider<tools.jackson.databind.json.JsonMapper> mapper) {
            tools.jackson.databind.json.JsonMapper shared = mapper.getIfAvailable();
            return shared == null ? JacksonCodecs.jackson3() : JacksonCodecs.jackson3(shared);
        }
    }

    /**
     * JSON codecs on the application's Jackson 2 {@code ObjectMapper} (Spring Boot 3), or Jackson 2's defaults;
     * only without Jackson 3.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.fasterxml.jackson.databind.ObjectMapper")
    @ConditionalOnMissingClass("tools.jackson.databind.json.JsonMapper")
    static class Jackson2CodecsConfiguration {

        @Bean
        @ConditionalOnMissingBean(JsonCodecProvider.class)
        Jackson2JsonCodecs mqttJsonCodecs(ObjectProvider<com.fasterxml.jackson.databind.ObjectMapper> mapper) {
            com.fasterxml.jackson.databind.ObjectMapper shared = mapper.getIfAvailable();
            return shared == null ? JacksonCodecs.jackson2() : JacksonCodecs.jackson2(shared);
        }
    }

    /** Micrometer meters of the auto-configured client, when the application has a {@code MeterRegistry}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnProperty(name = "mqtt.metrics.enabled", matchIfMissing = true)
    static class MetricsConfiguration {

        @Bean(destroyMethod = "dispose")
        MqttClientBinding mqttClientMetrics(ObjectProvider<DrainableMqttClient> client,
                ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry, MqttProperties properties) {
            return MqttClientBinding.of(client, registry, (mqttClient, meters) -> MqttClientMetrics.of(meters)
                    .clientIdTag(properties.getMetrics().isClientIdTag()).bindTo(mqttClient));
        }
    }

    /**
     * Micrometer observations of the auto-configured client's publishes and receipts, with W3C trace context in
     * MQTT 5 user properties, when {@code mqtt.tracing.enabled} is set and the application has an
     * {@code ObservationRegistry}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
    @ConditionalOnProperty(name = "mqtt.tracing.enabled")
    static class ObservationConfiguration {

        @Bean(destroyMethod = "dispose")
        MqttClientBinding mqttClientObservations(ObjectProvider<DrainableMqttClient> client,
                ObjectProvider<io.micrometer.observation.ObservationRegistry> registry) {
            return MqttClientBinding.of(client, registry,
                    (mqttClient, observations) -> MqttClientObservations.of(observations).bindTo(mqttClient));
        }
    }

    /** The health indicator of Spring Boot 4 ({@code spring-boot-health}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.ReactiveHealthIndicator")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "mqttHealthIndicator")
        MqttHealthIndicator mqttHealthIndicator(MqttConnectionStatus status) {
            return new MqttHealthIndicator(status);
        }
    }

    /** The health indicator of Spring Boot 3 ({@code spring-boot-actuator}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.ReactiveHealthIndicator")
    @ConditionalOnMissingClass("org.springframework.boot.health.contributor.ReactiveHealthIndicator")
    static class ActuatorHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "mqttHealthIndicator")
        MqttActuatorHealthIndicator mqttHealthIndicator(MqttConnectionStatus status) {
            return new MqttActuatorHealthIndicator(status);
        }
    }
}
