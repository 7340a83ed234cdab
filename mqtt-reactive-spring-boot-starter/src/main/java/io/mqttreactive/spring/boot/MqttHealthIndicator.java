package io.mqttreactive.spring.boot;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/** The client's health under Spring Boot 4: up when connected, with {@link MqttConnectionStatus#details()}. */
public class MqttHealthIndicator extends AbstractReactiveHealthIndicator {

    private final MqttConnectionStatus status;

    /**
     * Creates the indicator.
     *
     * @param status the status it reports
     */
    public MqttHealthIndicator(MqttConnectionStatus status) {
        super("MQTT health check failed");
        this.status = status;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.fromSupplier(() -> (status.isUp() ? builder.up() : builder.down())
                .withDetails(status.details()).build());
    }
}
