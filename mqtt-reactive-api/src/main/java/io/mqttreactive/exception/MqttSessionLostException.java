package io.mqttreactive.exception;

/**
 * The broker lost the session while a QoS 1 or 2 message was in flight, and
 * {@link io.mqttreactive.options.SessionLossPolicy#FAIL} is in force: the message may or may not have reached the
 * broker. Transient: publishing it again may succeed, but may deliver it twice.
 */
public class MqttSessionLostException extends MqttTransientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the description
     */
    public MqttSessionLostException(String message) {
        super(message, null);
    }
}
