package io.mqttreactive.samples.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A device gateway on Spring WebFlux and the mqtt-reactive Spring Boot starter: device telemetry as Server-Sent
 * Events, commands to devices, the connection status, and a live dashboard at {@code /}.
 *
 * <p>Without {@code mqtt.uri} it starts an embedded HiveMQ CE broker and a few simulated devices
 * ({@link EmbeddedBrokerConfiguration}, {@link DeviceSimulation}).
 */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    /**
     * Runs the gateway.
     *
     * @param args Spring Boot's command-line arguments, for example {@code --mqtt.uri=mqtt://localhost:1883}
     */
    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
