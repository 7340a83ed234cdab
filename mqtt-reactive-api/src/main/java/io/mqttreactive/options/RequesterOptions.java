package io.mqttreactive.options;

import io.mqttreactive.MqttQos;
import io.mqttreactive.topic.MqttTopic;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link io.mqttreactive.MqttRequester} sends requests and receives their responses (MQTT 5.0,
 * sec 4.10). Immutable; start from {@link #DEFAULT} and change what differs with the {@code with..} methods.
 *
 * <p><b>Response topic.</b> All requests of a requester share one response topic and one subscription to it.
 * It is, in this order: {@link #responseTopic()} when set; else, when the broker's CONNACK carries Response
 * Information (ask for it with {@link io.mqttreactive.MqttClientOptions#requestResponseInformation()}),
 * {@code <responseInformation>/responses}; else {@code <responseTopicPrefix>/<clientId>/responses}, where
 * {@code clientId} is the client identifier of the connection (the one the broker assigned, if it did), or a
 * random one when that identifier is empty or holds a character not allowed in a topic level.
 *
 * @param responseTopic          the response topic to use whatever the broker says, or empty to derive it
 * @param responseTopicPrefix    the first levels of the derived response topic; a valid topic name
 * @param timeout                how long a request waits for its response, from its subscription; positive
 * @param maximumPendingRequests how many requests may wait for their response at once; at least 1
 * @param responseQos            the maximum QoS of the response subscription
 */
public record RequesterOptions(Optional<MqttTopic> responseTopic, String responseTopicPrefix, Duration timeout,
        int maximumPendingRequests, MqttQos responseQos) {

    /** The default of {@link #responseTopicPrefix()}. */
    public static final String DEFAULT_RESPONSE_TOPIC_PREFIX = "clients";

    /** The default of {@link #timeout()}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** The default of {@link #maximumPendingRequests()}. */
    public static final int DEFAULT_MAXIMUM_PENDING_REQUESTS = 16_384;

    /** The default of {@link #responseQos()}. */
    public static final MqttQos DEFAULT_RESPONSE_QOS = MqttQos.AT_LEAST_ONCE;

    /** The defaults: a derived response topic, 30 s, 16,384 pending requests, responses at QoS 1. */
    public static final RequesterOptions DEFAULT = new RequesterOptions(Optional.empty(),
            DEFAULT_RESPONSE_TOPIC_PREFIX, DEFAULT_TIMEOUT, DEFAULT_MAXIMUM_PENDING_REQUESTS, DEFAULT_RESPONSE_QOS);

    /**
     * Creates requester options.
     *
     * @param responseTopic          the response topic to use whatever the broker says, or empty to derive it
     * @param responseTopicPrefix    the first levels of the derived response topic
     * @param timeout                how long a request waits for its response
     * @param maximumPendingRequests how many requests may wait for their response at once
     * @param responseQos            the maximum QoS of the response subscription
     * @throws NullPointerException                                if an argument is {@code null}
     * @throws io.mqttreactive.exception.InvalidTopicException if {@code responseTopicPrefix} is not a valid topic
     *                                                             name [MQTT-3.3.2-14] (5.0)
     * @throws IllegalArgumentException                            if {@code timeout} is not positive or
     *                                                             {@code maximumPendingRequests} is below 1
     */
    public RequesterOptions {
        Objects.requireNonNull(responseTopic, "responseTopic");
        MqttTopic.of(Objects.requireNonNull(responseTopicPrefix, "responseTopicPrefix"));
        requirePositive(Objects.requireNonNull(timeout, "timeout"));
        if (maximumPendingRequests < 1) {
            throw new IllegalArgumentException("maximumPendingRequests must be at least 1: " + maximumPendingRequests);
        }
        Objects.requireNonNull(responseQos, "responseQos");
    }

    /**
     * Returns these options with a fixed response topic.
     *
     * @param topic a topic name without wildcards [MQTT-3.3.2-14] (5.0)
     * @return the new options
     * @throws io.mqttreactive.exception.InvalidTopicException if {@code topic} is not a valid topic name
     */
    public RequesterOptions withResponseTopic(String topic) {
        return new RequesterOptions(Optional.of(MqttTopic.of(topic)), responseTopicPrefix, timeout,
                maximumPendingRequests, responseQos);
    }

    /**
     * Returns these options with another prefix for the derived response topic.
     *
     * @param prefix a valid topic name, such as {@code "site-7/clients"}
     * @return the new options
     * @throws io.mqttreactive.exception.InvalidTopicException if {@code prefix} is not a valid topic name
     */
    public RequesterOptions withResponseTopicPrefix(String prefix) {
        return new RequesterOptions(responseTopic, prefix, timeout, maximumPendingRequests, responseQos);
    }

    /**
     * Returns these options with another default timeout.
     *
     * @param requestTimeout how long a request waits for its response; positive
     * @return the new options
     * @throws IllegalArgumentException if {@code requestTimeout} is not positive
     */
    public RequesterOptions withTimeout(Duration requestTimeout) {
        return new RequesterOptions(responseTopic, responseTopicPrefix, requestTimeout, maximumPendingRequests,
                responseQos);
    }

    /**
     * Returns these options with another bound on pending requests.
     *
     * @param maximum how many requests may wait for their response at once; at least 1
     * @return the new options
     * @throws IllegalArgumentException if {@code maximum} is below 1
     */
    public RequesterOptions withMaximumPendingRequests(int maximum) {
        return new RequesterOptions(responseTopic, responseTopicPrefix, timeout, maximum, responseQos);
    }

    /**
     * Returns these options with another maximum QoS for the response subscription.
     *
     * @param qos the maximum QoS
     * @return the new options
     */
    public RequesterOptions withResponseQos(MqttQos qos) {
        return new RequesterOptions(responseTopic, responseTopicPrefix, timeout, maximumPendingRequests, qos);
    }

    private static Duration requirePositive(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("a request timeout must be positive: " + timeout);
        }
        return timeout;
    }
}
