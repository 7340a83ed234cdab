package io.mqttreactive.exception;

/**
 * An operation was attempted on, or interrupted by, a client that was closed with
 * {@link io.mqttreactive.MqttClient#close()}. A closed client stays closed.
 */
public class MqttClientClosedException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public MqttClientClosedException() {
        super("The MQTT client is closed", null);
    }
}
