package io.mqttreactive.netty.internal.telemetry;

import io.mqttreactive.MqttQos;

/**
 * Hears about the per-message traffic of one client: each publish's outcome and each PUBLISH received. Called on
 * the client's event loop; must not block and should not allocate.
 */
public interface ClientProbe {

    /**
     * A publish ended.
     *
     * @param elapsedNanos the time from the publish reaching the client's event loop to its outcome
     */
    void publishFinished(MqttQos qos, PublishOutcome outcome, long elapsedNanos);

    /** A PUBLISH packet arrived from the broker. */
    void received(MqttQos qos);
}
