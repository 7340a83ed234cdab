package io.mqttreactive.samples;

/**
 * The quickstart could not do its job, for example connect to the broker; the message says what in words for
 * the console.
 */
public class QuickstartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and why
     * @param cause   the underlying error
     */
    public QuickstartException(String message, Throwable cause) {
        super(message, cause);
    }
}
