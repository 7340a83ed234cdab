package io.mqttreactive.exception;

/**
 * A publish was made while the client is disconnected with no connection coming: the connection ended (lost
 * without automatic reconnect, reconnecting gave up, or {@code disconnect()}) and {@code connect()} has not been
 * called since. Nothing was queued or sent. Transient: it may succeed once the client is connected again.
 */
public class MqttNotConnectedException extends MqttTransientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the description
     */
    public MqttNotConnectedException(String message) {
        super(message, null);
    }
}
