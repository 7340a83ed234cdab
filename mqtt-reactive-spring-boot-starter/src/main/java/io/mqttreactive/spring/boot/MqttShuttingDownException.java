package io.mqttreactive.spring.boot;

import io.mqttreactive.exception.MqttNonTransientException;

/**
 * A publish was refused because the application is shutting down: the client is waiting for the publishes
 * already in flight before it disconnects, and takes no new ones.
 */
public class MqttShuttingDownException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public MqttShuttingDownException() {
        super("The application is shutting down: the MQTT client takes no new publishes", null);
    }
}
