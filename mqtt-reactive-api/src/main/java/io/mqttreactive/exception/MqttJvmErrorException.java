package io.mqttreactive.exception;

/**
 * The JVM raised an {@link Error} while the client handled a connection, most often an
 * {@link OutOfMemoryError} while a large packet was read, or an error thrown by a subscriber on the event loop.
 * The {@link Error} is the {@linkplain #getCause() cause}. Non-transient: the client closes the connection and does
 * not reconnect, since a retry would fetch the same message and fail again, or fail in a JVM that can no longer be
 * trusted; connect waiters, publishes in flight and subscriptions fail with this exception, and
 * {@link io.mqttreactive.event.MqttClientEvent.ReconnectGaveUp} is emitted. Calling
 * {@link io.mqttreactive.MqttClient#connect()} again is the application's decision.
 */
public class MqttJvmErrorException extends MqttNonTransientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param context what the client was doing
     * @param error   the error the JVM raised
     */
    public MqttJvmErrorException(String context, Error error) {
        super(context + ": " + error, error);
    }

    /**
     * Returns the error the JVM raised.
     *
     * @return the cause, never {@code null}
     */
    public Error error() {
        return (Error) getCause();
    }
}
