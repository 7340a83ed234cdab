package io.mqttreactive.exception;

import org.jspecify.annotations.Nullable;

/**
 * The client's {@link io.mqttreactive.spi.SessionStore} failed an operation with an error that is not itself an
 * {@link MqttException}: for example an I/O error of a durable store. A publish whose message could not be
 * stored before its PUBLISH was sent fails with this exception and is not sent; a connect whose unfinished
 * session could not be loaded fails with it. The cause is the store's error. A store that fails with an
 * {@link MqttException} of its own, such as an {@link MqttBufferFullException} for a full store, has that
 * exception signalled unchanged instead.
 */
public class MqttSessionStoreException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    /** The name of the session store method that failed. */
    private final String operation;

    /**
     * Creates the exception.
     *
     * @param operation the store operation that failed, as in {@code "storeOutbound"}
     * @param cause     the store's error, or {@code null}
     */
    public MqttSessionStoreException(String operation, @Nullable Throwable cause) {
        super("The session store failed " + operation + (cause == null ? "" : ": " + cause), cause);
        this.operation = operation;
    }

    /**
     * Returns the store operation that failed.
     *
     * @return the name of a {@link io.mqttreactive.spi.SessionStore} method, as in {@code "storeOutbound"}
     */
    public String operation() {
        return operation;
    }
}
