package io.mqttreactive.netty.internal.client;

import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.options.RequesterOptions;
import io.mqttreactive.topic.MqttTopic;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chooses a requester's response topic (MQTT 5.0 sec 4.10.1): the configured one, else one built on the
 * CONNACK's Response Information (sec 3.2.2.3.15), else one built on the client identifier. See
 * {@link RequesterOptions} for the rule.
 */
final class ResponseTopics {

    private static final String LAST_LEVEL = "/responses";

    private final RequesterOptions options;
    private final String configuredClientId;
    private final String randomClientId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    ResponseTopics(RequesterOptions options, String configuredClientId) {
        this.options = options;
        this.configuredClientId = configuredClientId;
    }

    /** Returns the configured topic, if any: then no CONNACK is needed. */
    Optional<MqttTopic> configured() {
        return options.responseTopic();
    }

    /**
     * Returns the response topic for a connection.
     *
     * @throws io.mqttreactive.exception.InvalidTopicException if the Response Information makes no topic name
     */
    MqttTopic forConnection(ConnectResult connection) {
        Optional<MqttTopic> configured = options.responseTopic();
        if (configured.isPresent()) {
            return configured.get();
        }
        Optional<String> information = connection.responseInformation().filter(text -> !text.isEmpty());
        if (information.isPresent()) {
            String base = information.get();
            return MqttTopic.of((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + LAST_LEVEL);
        }
        String clientId = connection.assignedClientIdentifier().orElse(configuredClientId);
        return MqttTopic.of(options.responseTopicPrefix() + "/" + (isTopicLevel(clientId) ? clientId : randomClientId)
                + LAST_LEVEL);
    }

    private static boolean isTopicLevel(String clientId) {
        return !clientId.isEmpty() && clientId.chars().noneMatch(c -> c == '+' || c == '#' || c == '/');
    }
}
