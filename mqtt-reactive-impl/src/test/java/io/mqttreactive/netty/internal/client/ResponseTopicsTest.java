package io.mqttreactive.netty.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.exception.InvalidTopicException;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.options.RequesterOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The response topic rule of {@link RequesterOptions}: configured, else Response Information, else client id. */
class ResponseTopicsTest {

    private static final ConnectResult PLAIN = ConnectResult.builder().build();

    @Test
    void theConfiguredTopicWinsOverEverything() {
        ResponseTopics topics = new ResponseTopics(RequesterOptions.DEFAULT.withResponseTopic("mine"), "c1");
        assertThat(topics.configured()).get().extracting(topic -> topic.value()).isEqualTo("mine");
        assertThat(topics.forConnection(ConnectResult.builder().responseInformation("info").build()).value())
                .isEqualTo("mine");
    }

    @Test
    @DisplayName("sec 4.10.1: Response Information is the base of the topic, with or without a trailing slash")
    void responseInformationIsTheBase() {
        ResponseTopics topics = new ResponseTopics(RequesterOptions.DEFAULT, "c1");
        assertThat(topics.configured()).isEmpty();
        assertThat(topics.forConnection(ConnectResult.builder().responseInformation("r/c1").build()).value())
                .isEqualTo("r/c1/responses");
        assertThat(topics.forConnection(ConnectResult.builder().responseInformation("r/c1/").build()).value())
                .isEqualTo("r/c1/responses");
        assertThat(topics.forConnection(ConnectResult.builder().responseInformation("").build()).value())
                .as("empty Response Information is none").isEqualTo("clients/c1/responses");
    }

    @Test
    void theClientIdentifierIsTheMiddleLevelAndAnAssignedOneWins() {
        ResponseTopics topics = new ResponseTopics(RequesterOptions.DEFAULT.withResponseTopicPrefix("site/7"), "c1");
        assertThat(topics.forConnection(PLAIN).value()).isEqualTo("site/7/c1/responses");
        assertThat(topics.forConnection(ConnectResult.builder().assignedClientIdentifier("auto-9").build()).value())
                .isEqualTo("site/7/auto-9/responses");
    }

    @Test
    @DisplayName("[MQTT-3.3.2-14] (5.0) a client identifier that is empty or not one topic level is replaced by a "
            + "random one, the same for every connection")
    void anUnusableClientIdentifierIsReplacedByARandomOne() {
        for (String clientId : new String[] {"", "a+b", "a#", "a/b"}) {
            ResponseTopics topics = new ResponseTopics(RequesterOptions.DEFAULT, clientId);
            String topic = topics.forConnection(PLAIN).value();
            assertThat(topic).as(clientId).matches("clients/[0-9a-f]{16}/responses");
            assertThat(topics.forConnection(PLAIN).value()).isEqualTo(topic);
        }
    }

    @Test
    @DisplayName("[MQTT-3.3.2-14] (5.0) Response Information with a wildcard makes no topic name")
    void responseInformationWithAWildcardIsRejected() {
        ResponseTopics topics = new ResponseTopics(RequesterOptions.DEFAULT, "c1");
        assertThatThrownBy(() -> topics.forConnection(ConnectResult.builder().responseInformation("r/#").build()))
                .isInstanceOf(InvalidTopicException.class);
    }
}
