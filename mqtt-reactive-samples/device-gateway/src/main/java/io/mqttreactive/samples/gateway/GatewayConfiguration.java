package io.mqttreactive.samples.gateway;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.samples.Telemetry;
import io.mqttreactive.spi.JsonCodecProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The shared subscriptions the API streams from, and the simulated devices. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    static final String TELEMETRY = "devices/+/telemetry";
    static final String COMMAND_RESULTS = "devices/+/command-results";
    private static final int EMBEDDED_MODE_DEVICES = 3;

    @Bean
    SharedSubscription<Telemetry> telemetry(MqttClient client, JsonCodecProvider json, GatewayProperties gateway) {
        return new SharedSubscription<>(client, TELEMETRY, json.create(Telemetry.class), gateway.getClientBuffer());
    }

    @Bean
    SharedSubscription<Messages.CommandResult> commandResults(MqttClient client, JsonCodecProvider json,
            GatewayProperties gateway) {
        return new SharedSubscription<>(client, COMMAND_RESULTS, json.create(Messages.CommandResult.class),
                gateway.getClientBuffer());
    }

    @Bean
    DeviceSimulation deviceSimulation(MqttClientOptions options, JsonCodecProvider json, GatewayProperties gateway,
            Environment environment) {
        int devices = gateway.getSimulatedDevices() != null ? gateway.getSimulatedDevices()
                : environment.containsProperty("mqtt.uri") ? 0 : EMBEDDED_MODE_DEVICES;
        return new DeviceSimulation(options, devices, gateway.getTelemetryPeriod(), json.create(Telemetry.class),
                json.create(Messages.DeviceCommand.class), json.create(Messages.CommandResult.class));
    }
}
