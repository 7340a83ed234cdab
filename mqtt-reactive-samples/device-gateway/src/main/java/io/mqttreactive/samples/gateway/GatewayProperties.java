package io.mqttreactive.samples.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's own {@code gateway.*} settings; the MQTT client is configured under {@code mqtt.*}.
 */
@ConfigurationProperties("gateway")
public class GatewayProperties {

    /** Simulated devices to run; unset: 3 with the embedded broker, none with a broker of {@code mqtt.uri}. */
    private Integer simulatedDevices;

    /** The time between two readings of a simulated device. */
    private Duration telemetryPeriod = Duration.ofMillis(500);

    /** Readings kept for one slow Server-Sent Events client before the oldest are dropped. */
    private int clientBuffer = 256;

    /** How long a command may wait for the broker's PUBACK before the request fails with 503. */
    private Duration commandTimeout = Duration.ofSeconds(10);

    public Integer getSimulatedDevices() {
        return simulatedDevices;
    }

    public void setSimulatedDevices(Integer simulatedDevices) {
        this.simulatedDevices = simulatedDevices;
    }

    public Duration getTelemetryPeriod() {
        return telemetryPeriod;
    }

    public void setTelemetryPeriod(Duration telemetryPeriod) {
        this.telemetryPeriod = telemetryPeriod;
    }

    public int getClientBuffer() {
        return clientBuffer;
    }

    public void setClientBuffer(int clientBuffer) {
        this.clientBuffer = clientBuffer;
    }

    public Duration getCommandTimeout() {
        return commandTimeout;
    }

    public void setCommandTimeout(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }
}
