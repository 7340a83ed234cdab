package io.mqttreactive.samples.gateway;

import io.mqttreactive.samples.EmbeddedBroker;
import io.mqttreactive.spring.boot.MqttClientOptionsCustomizer;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Embedded mode: when {@code mqtt.uri} is not set, an embedded HiveMQ CE broker starts on a free loopback port
 * while the context is built, before the client's options are, and the client connects to it. It stops when the
 * context closes, after the client and the simulated devices have disconnected (they stop with the context's
 * lifecycle, before any bean is destroyed).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedBrokerConfiguration.NoBrokerUri.class)
class EmbeddedBrokerConfiguration {

    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(60);

    @Bean(destroyMethod = "close")
    EmbeddedBroker embeddedBroker() {
        return EmbeddedBroker.start(BROKER_TIMEOUT);
    }

    @Bean
    MqttClientOptionsCustomizer embeddedBrokerUri(EmbeddedBroker broker) {
        return options -> options.uri(broker.uri());
    }

    /** Matches when the application names no broker. */
    static class NoBrokerUri implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("mqtt.uri");
        }
    }
}
