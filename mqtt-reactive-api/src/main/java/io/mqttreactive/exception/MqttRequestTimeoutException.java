package io.mqttreactive.exception;

import java.time.Duration;

/**
 * A request of an {@link io.mqttreactive.MqttRequester} got no response in time. The request is no longer
 * pending when this is signalled: a response that arrives later is counted as unmatched and dropped.
 */
public class MqttRequestTimeoutException extends MqttTimeoutException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param requestTopic the topic the request was published to
     * @param timeout      the time limit that passed
     */
    public MqttRequestTimeoutException(String requestTopic, Duration timeout) {
        super("request to " + requestTopic, timeout);
    }
}
