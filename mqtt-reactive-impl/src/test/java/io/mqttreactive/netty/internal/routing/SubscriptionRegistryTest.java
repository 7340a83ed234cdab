package io.mqttreactive.netty.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.topic.MqttTopicFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Routing of received messages to subscribers, with and without MQTT 5.0 Subscription Identifiers. */
class SubscriptionRegistryTest {

    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final Recorder everything = new Recorder();
    private final Recorder onlyX = new Recorder();

    @Test
    void withoutIdentifiersEveryMatchingSubscriberGetsTheMessageOnce() {
        subscribe(everything, "a/#", OptionalInt.empty());
        subscribe(onlyX, "a/+/x", OptionalInt.empty());
        registry.add(List.of(MqttTopicFilter.of("a/1/#")), everything);

        assertThat(registry.route(message("a/1/x"), null)).isEqualTo(2);
        assertThat(everything.topics).containsExactly("a/1/x");
        assertThat(onlyX.topics).containsExactly("a/1/x");
    }

    @Test
    void aCopyPerOverlappingSubscriptionReachesOnlyItsSubscription() {
        subscribe(everything, "a/#", OptionalInt.of(1));
        subscribe(onlyX, "a/+/x", OptionalInt.of(2));

        registry.route(message("a/1/x", 1), null);
        registry.route(message("a/1/x", 2), null);

        assertThat(everything.identifiers).as("[MQTT-3.3.4-5] (5.0): one copy per subscription")
                .containsExactly(List.of(1));
        assertThat(onlyX.identifiers).containsExactly(List.of(2));
    }

    @Test
    void aSingleCopyForOverlappingSubscriptionsReachesAllOfThem() {
        subscribe(everything, "a/#", OptionalInt.of(1));
        subscribe(onlyX, "a/+/x", OptionalInt.of(2));

        assertThat(registry.route(message("a/1/x", 2, 1), null)).as("[MQTT-3.3.4-4] (5.0)").isEqualTo(2);
        assertThat(registry.route(message("a/2/y", 1), null)).isEqualTo(1);
        assertThat(everything.topics).containsExactly("a/1/x", "a/2/y");
        assertThat(onlyX.topics).containsExactly("a/1/x");
    }

    @Test
    void aSubscriberWithoutIdentifierGetsEveryCopyThatMatches() {
        subscribe(everything, "a/#", OptionalInt.empty());
        subscribe(onlyX, "a/+/x", OptionalInt.of(2));

        registry.route(message("a/1/x", 2), null);

        assertThat(everything.topics).containsExactly("a/1/x");
        assertThat(onlyX.topics).containsExactly("a/1/x");
    }

    @Test
    void theIdentifierLastSentForAFilterDecides() {
        subscribe(everything, "a/#", OptionalInt.of(1));
        Recorder sameFilter = new Recorder();
        registry.add(List.of(MqttTopicFilter.of("a/#")), sameFilter);
        registry.identify(List.of(MqttTopicFilter.of("a/#")), OptionalInt.of(3));

        assertThat(registry.route(message("a/b", 3), null)).isEqualTo(2);
    }

    @Test
    void aCopyWhoseIdentifiersNoMatchingSubscriptionHoldsReachesEveryMatchingSubscriber() {
        subscribe(everything, "a/#", OptionalInt.of(1));
        subscribe(onlyX, "a/+/x", OptionalInt.of(2));
        registry.identify(List.of(MqttTopicFilter.of("a/#")), OptionalInt.of(3));

        assertThat(registry.route(message("a/b", 1), null))
                .as("matched under identifier 1 before a/# was subscribed again: delivered, not lost").isEqualTo(1);
        assertThat(registry.route(message("a/1/x", 9), null)).as("an identifier nobody holds").isEqualTo(2);
        assertThat(registry.route(message("a/1/x", 1, 2), null)).as("2 is held: only its subscriber").isEqualTo(1);
        assertThat(everything.topics).containsExactly("a/b", "a/1/x");
        assertThat(onlyX.topics).containsExactly("a/1/x", "a/1/x");
    }

    @Test
    void theIdentifierIsForgottenWithTheFiltersLastSubscriber() {
        subscribe(everything, "a/#", OptionalInt.of(1));
        registry.remove(List.of(MqttTopicFilter.of("a/#")), everything);

        subscribe(onlyX, "a/#", OptionalInt.empty());

        assertThat(registry.route(message("a/b", 7), null)).isEqualTo(1);
    }

    private void subscribe(Recorder subscriber, String filter, OptionalInt identifier) {
        List<MqttTopicFilter> filters = List.of(MqttTopicFilter.of(filter));
        assertThat(registry.add(filters, subscriber)).containsExactlyElementsOf(filters);
        registry.identify(filters, identifier);
    }

    private static MqttMessage message(String topic, Integer... identifiers) {
        return MqttMessage.builder().topic(topic).payload(new byte[0]).qos(MqttQos.AT_MOST_ONCE)
                .subscriptionIdentifiers(List.of(identifiers)).build();
    }

    private static final class Recorder implements MessageSubscriber {
        final List<String> topics = new ArrayList<>();
        final List<List<Integer>> identifiers = new ArrayList<>();

        @Override
        public void deliver(MqttMessage message, InboundDelivery delivery) {
            topics.add(message.topic().toString());
            identifiers.add(message.subscriptionIdentifiers());
        }
    }
}
