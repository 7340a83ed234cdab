package io.mqttreactive.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.Jackson2JsonCodecs;
import io.mqttreactive.netty.Jackson3JsonCodecs;
import io.mqttreactive.netty.MqttClientResources;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;
import io.mqttreactive.netty.FileSessionStore;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The auto-configuration's beans, without a broker: {@code mqtt.connect.on-startup=false} throughout. */
class MqttAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqttAutoConfiguration.class))
            .withPropertyValues("mqtt.connect.on-startup=false");

    @Test
    void propertiesBindIntoTheClientOptions() {
        runner.withPropertyValues("mqtt.uri=mqtt://broker.example.com:1884", "mqtt.client-id=gateway-1",
                "mqtt.username=gateway", "mqtt.password=s3cret", "mqtt.version=mqtt_3_1_1", "mqtt.keep-alive=15s",
                "mqtt.connect-timeout=3s", "mqtt.session.clean-start=false", "mqtt.session.expiry-interval=1h",
                "mqtt.reconnect.initial-delay=2s", "mqtt.reconnect.max-delay=30s", "mqtt.reconnect.max-attempts=7",
                "mqtt.flow-control.receive-maximum=64", "mqtt.flow-control.maximum-inflight-publishes=32",
                "mqtt.flow-control.offline-queue-size=100", "mqtt.flow-control.outgoing-topic-alias-maximum=0")
                .run(context -> {
                    MqttClientOptions options = context.getBean(MqttClientOptions.class);
                    assertThat(options.serverHost()).isEqualTo("broker.example.com");
                    assertThat(options.serverPort()).isEqualTo(1884);
                    assertThat(options.clientId()).isEqualTo("gateway-1");
                    assertThat(options.username()).contains("gateway");
                    assertThat(options.password()).hasValueSatisfying(
                            password -> assertThat(new String(password)).isEqualTo("s3cret"));
                    assertThat(options.version()).isEqualTo(MqttVersion.MQTT_3_1_1);
                    assertThat(options.keepAlive()).isEqualTo(Duration.ofSeconds(15));
                    assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(options.session().cleanStart()).isFalse();
                    assertThat(options.session().sessionExpiryInterval()).isEqualTo(Duration.ofHours(1));
                    assertThat(options.reconnect().maxAttempts()).isEqualTo(7);
                    assertThat(options.reconnect().delay().delay(1)).isBetween(Duration.ofMillis(1500),
                            Duration.ofMillis(2500));
                    assertThat(options.reconnect().delay().delay(20)).isBetween(Duration.ofMillis(22_500),
                            Duration.ofMillis(37_500));
                    assertThat(options.flowControl().receiveMaximum()).isEqualTo(64);
                    assertThat(options.flowControl().maximumInflightPublishes()).isEqualTo(32);
                    assertThat(options.flowControl().offlineQueueSize()).isEqualTo(100);
                    assertThat(options.flowControl().outgoingTopicAliasMaximum()).isZero();
                });
    }

    @Test
    void unsetPropertiesKeepTheClientDefaults() {
        runner.run(context -> {
            MqttClientOptions options = context.getBean(MqttClientOptions.class);
            MqttClientOptions defaults = MqttClientOptions.builder().uri("mqtt://localhost:1883").build();
            assertThat(options.keepAlive()).isEqualTo(defaults.keepAlive());
            assertThat(options.flowControl()).isEqualTo(defaults.flowControl());
            assertThat(options.session()).isEqualTo(defaults.session());
            assertThat(options.version()).isEqualTo(defaults.version());
        });
    }

    @Test
    void customizersRunInOrderAfterTheProperties() {
        runner.withPropertyValues("mqtt.client-id=from-properties")
                .withUserConfiguration(Customizers.class).run(context -> {
                    MqttClientOptions options = context.getBean(MqttClientOptions.class);
                    assertThat(options.clientId()).isEqualTo("from-properties-first-second");
                    assertThat(options.userProperties().asList()).hasSize(1);
                });
    }

    @Test
    void theClientIsAutoConfiguredWithItsLifecycleAndHealth() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(DrainableMqttClient.class).hasSingleBean(MqttClientLifecycle.class)
                    .hasSingleBean(MqttConnectionStatus.class).hasSingleBean(MqttHealthIndicator.class)
                    .doesNotHaveBean(MqttActuatorHealthIndicator.class);
            assertThat(context.getBean(MqttClient.class).connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
            assertThat(context.getBean(MqttConnectionStatus.class).details()).containsEntry("state", "DISCONNECTED")
                    .containsEntry("broker", "localhost:1883").doesNotContainKey("password");
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnClient() {
        runner.withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(MqttClient.class).doesNotHaveBean(DrainableMqttClient.class)
                    .doesNotHaveBean(MqttClientLifecycle.class);
            assertThat(context.getBean(MqttClient.class).options().clientId()).isEqualTo("own");
            assertThat(context.getBean(MqttConnectionStatus.class).details()).containsEntry("clientId", "own");
        });
    }

    @Test
    void aReactorResourceFactoryReplacesTheDefaultLoops() {
        runner.withUserConfiguration(OwnLoops.class).run(context -> assertThat(
                context.getBean(MqttClientResources.class)).isNotSameAs(MqttClientResources.global()));
    }

    @Test
    void theClientClosesBeforeTheLoopsItRunsOnAreDisposed() {
        runner.withUserConfiguration(OwnLoops.class).run(context -> {
            var beanFactory = context.getBeanFactory();
            assertThat(beanFactory.getDependentBeans("reactorResourceFactory")).contains("mqttClientResources");
            assertThat(beanFactory.getDependentBeans("mqttClientResources")).contains("mqttClient");
        });
    }

    @Test
    void withoutAReactorResourceFactoryTheDefaultLoopsAreUsed() {
        runner.run(context -> assertThat(context.getBean(MqttClientResources.class))
                .isSameAs(MqttClientResources.global()));
    }

    @Test
    void aStoreDirectoryOpensAFileSessionStoreClosedWithTheContext(@TempDir Path directory) {
        runner.withPropertyValues("mqtt.session.store-directory=" + directory, "mqtt.session.clean-start=false")
                .run(context -> {
                    FileSessionStore store = context.getBean(FileSessionStore.class);
                    assertThat(context.getBean(MqttClientOptions.class).session().store()).containsSame(store);
                });
        runner.withPropertyValues("mqtt.session.store-directory=" + directory).run(context ->
                assertThat(context).as("the store was closed, so it opens again").hasNotFailed()
                        .hasSingleBean(FileSessionStore.class));
    }

    @Test
    void jsonCodecsUseTheApplicationsJackson3Mapper() {
        runner.withUserConfiguration(SnakeCaseJsonMapper.class).run(context -> {
            PayloadCodec<Reading> codec = context.getBean(JsonCodecProvider.class).create(Reading.class);
            Reading reading = new Reading("sensor-7", Instant.parse("2026-12-07T10:15:30Z"));

            String json = new String(codec.encode(reading), StandardCharsets.UTF_8);

            assertThat(json).contains("\"device_id\":\"sensor-7\"").contains("2026-12-07T10:15:30Z");
            assertThat(codec.decode(codec.encode(reading))).isEqualTo(reading);
        });
    }

    @Test
    void genericTypesUseTheApplicationsJackson3MapperThroughATypeReference() {
        runner.withUserConfiguration(SnakeCaseJsonMapper.class).run(context -> {
            assertThat(context.getBean(JsonCodecProvider.class)).isSameAs(context.getBean(Jackson3JsonCodecs.class));
            PayloadCodec<List<Reading>> codec = context.getBean(Jackson3JsonCodecs.class)
                    .create(new tools.jackson.core.type.TypeReference<List<Reading>>() { });
            List<Reading> readings = List.of(new Reading("sensor-7", Instant.parse("2026-12-07T10:15:30Z")));

            assertThat(new String(codec.encode(readings), StandardCharsets.UTF_8))
                    .isEqualTo("[{\"device_id\":\"sensor-7\",\"at\":\"2026-12-07T10:15:30Z\"}]");
            assertThat(codec.decode(codec.encode(readings))).isEqualTo(readings);
        });
    }

    @Test
    void withoutJackson3AsUnderSpringBoot3JsonCodecsUseTheApplicationsJackson2Mapper() {
        runner.withClassLoader(new FilteredClassLoader("tools.jackson."))
                .withUserConfiguration(SnakeCaseObjectMapper.class).run(context -> {
                    assertThat(context).doesNotHaveBean(Jackson3JsonCodecs.class);
                    Jackson2JsonCodecs codecs = context.getBean(Jackson2JsonCodecs.class);
                    PayloadCodec<List<Reading>> codec = codecs.create(
                            new com.fasterxml.jackson.core.type.TypeReference<List<Reading>>() { });
                    List<Reading> readings = List.of(new Reading("sensor-9", Instant.parse("2026-12-07T10:15:30Z")));

                    assertThat(new String(codec.encode(readings), StandardCharsets.UTF_8))
                            .isEqualTo("[{\"device_id\":\"sensor-9\",\"at\":\"2026-12-07T10:15:30Z\"}]");
                    assertThat(codec.decode(codec.encode(readings))).isEqualTo(readings);
                });
    }

    @Test
    void withoutAMapperBeanJsonCodecsStillMapJavaTime() {
        runner.run(context -> {
            PayloadCodec<Reading> codec = context.getBean(JsonCodecProvider.class).create(Reading.class);
            Reading reading = new Reading("sensor-8", Instant.parse("2026-12-07T10:15:30.123Z"));

            assertThat(codec.decode(codec.encode(reading))).isEqualTo(reading);
        });
    }

    @Test
    void metersAreRegisteredOnlyWithARegistryAndRemovedWithTheContext() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> registry).withPropertyValues("mqtt.client-id=metered")
                .run(context -> {
                    assertThat(registry.find("mqtt.client.connection.state").tag("state", "disconnected")
                            .tag("client.id", "metered").gauge()).isNotNull()
                            .satisfies(gauge -> assertThat(gauge.value()).isEqualTo(1.0));
                    assertThat(registry.find("mqtt.client.publishes.inflight").gauge()).isNotNull();
                });
        assertThat(registry.getMeters()).as("meters removed when the context closed").isEmpty();

        runner.run(context -> assertThat(context.getBean("mqttClientMetrics", MqttClientBinding.class).isBound())
                .as("no registry, no binding").isFalse());
    }

    @Test
    void metricsCanBeTurnedOffAndTheClientIdTagDropped() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> registry).withPropertyValues("mqtt.metrics.enabled=false")
                .run(context -> assertThat(registry.getMeters()).isEmpty());
        runner.withBean(MeterRegistry.class, () -> registry).withPropertyValues("mqtt.client-id=untagged",
                "mqtt.metrics.client-id-tag=false").run(context -> assertThat(registry.getMeters())
                        .isNotEmpty().allSatisfy(meter -> assertThat(meter.getId().getTag("client.id")).isNull()));
    }

    @Test
    void observationsAreBoundOnlyWhenTracingIsEnabled() {
        ObservationRegistry observations = ObservationRegistry.create();
        runner.withBean(ObservationRegistry.class, () -> observations).run(context ->
                assertThat(context).doesNotHaveBean("mqttClientObservations"));
        runner.withBean(ObservationRegistry.class, () -> observations).withPropertyValues("mqtt.tracing.enabled=true")
                .run(context -> assertThat(context.getBean("mqttClientObservations", MqttClientBinding.class)
                        .isBound()).isTrue());
    }

    @Test
    void aMissingSslBundleFailsStartupNamingIt() {
        runner.withPropertyValues("mqtt.ssl-bundle=broker").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("broker"));
    }

    /** A telemetry reading, as a device gateway receives it. */
    record Reading(String deviceId, Instant at) {
    }

    @Configuration(proxyBeanMethods = false)
    static class SnakeCaseJsonMapper {

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        }
    }

    /** Spring Boot 3's mapper: Jackson 2, with the java.time module and ISO-8601 dates, in snake case. */
    @Configuration(proxyBeanMethods = false)
    static class SnakeCaseObjectMapper {

        @Bean
        com.fasterxml.jackson.databind.ObjectMapper objectMapper() {
            return com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .findAndAddModules()
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .propertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(2)
        MqttClientOptionsCustomizer second() {
            return builder -> builder.clientId(builder.build().clientId() + "-second");
        }

        @Bean
        @Order(1)
        MqttClientOptionsCustomizer first() {
            return builder -> builder.clientId(builder.build().clientId() + "-first")
                    .userProperties(UserProperties.of("app", "gateway"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {

        @Bean(destroyMethod = "close")
        MqttClient ownClient() {
            return MqttClients.create(MqttClientOptions.builder().uri("mqtt://localhost:1883").clientId("own").build());
        }
    }

    /** Spring's loop resources of its own, as WebFlux's are, on threads named {@code own-loops-*}. */
    @Configuration(proxyBeanMethods = false)
    static class OwnLoops {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            factory.setLoopResources(LoopResources.create("own-loops", 1, true));
            return factory;
        }
    }
}
