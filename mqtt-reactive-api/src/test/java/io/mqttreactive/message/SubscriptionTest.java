package io.mqttreactive.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.topic.MqttTopicFilter;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    @Test
    void defaultOptions() {
        Subscription subscription = Subscription.of("a/+", MqttQos.AT_LEAST_ONCE);
        assertThat(subscription.filter()).isEqualTo(MqttTopicFilter.of("a/+"));
        assertThat(subscription.options()).isEqualTo(new SubscriptionOptions(MqttQos.AT_LEAST_ONCE, false, false,
                RetainHandling.SEND));
        assertThat(SubscriptionOptions.DEFAULT.maxQos()).isEqualTo(MqttQos.EXACTLY_ONCE);
    }

    @Test
    void withersChangeOneOption() {
        SubscriptionOptions options = SubscriptionOptions.of(MqttQos.AT_MOST_ONCE).withNoLocal(true)
                .withRetainAsPublished(true).withRetainHandling(RetainHandling.DO_NOT_SEND)
                .withMaxQos(MqttQos.EXACTLY_ONCE);
        assertThat(options).isEqualTo(new SubscriptionOptions(MqttQos.EXACTLY_ONCE, true, true, RetainHandling.DO_NOT_SEND));
    }

    @Test
    @DisplayName("[MQTT-3.8.3-4] (5.0) No Local on a shared subscription is rejected")
    void noLocalOnSharedSubscriptionIsRejected() {
        MqttTopicFilter shared = MqttTopicFilter.of("$share/group/a");
        SubscriptionOptions noLocal = SubscriptionOptions.DEFAULT.withNoLocal(true);
        assertThatThrownBy(() -> new Subscription(shared, noLocal))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[MQTT-3.8.3-4] (5.0)")
                .hasMessageContaining("$share/group/a");
        assertThat(new Subscription(MqttTopicFilter.of("a"), noLocal).options().noLocal()).isTrue();
        assertThat(new Subscription(shared, SubscriptionOptions.DEFAULT).filter().isShared()).isTrue();
    }

    @Test
    @DisplayName("[MQTT-3.8.3-3] (3.1.1) / [MQTT-3.8.3-2] (5.0) a SUBSCRIBE carries at least one subscription")
    void requestNeedsASubscription() {
        assertThatThrownBy(() -> SubscribeRequest.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MQTT-3.8.3-3 (3.1.1), MQTT-3.8.3-2 (5.0)");
    }

    @Test
    void requestSubscriptionIdentifierRange() {
        SubscribeRequest request = SubscribeRequest.of(Subscription.of("a", MqttQos.AT_MOST_ONCE));
        assertThat(request.subscriptionIdentifier()).isEmpty();
        assertThat(request.withSubscriptionIdentifier(1).subscriptionIdentifier()).hasValue(1);
        assertThat(request.withSubscriptionIdentifier(268_435_455).subscriptionIdentifier()).hasValue(268_435_455);
        assertThatThrownBy(() -> request.withSubscriptionIdentifier(0))
                .hasMessage("subscription identifier must be between 1 and 268435455, was 0");
        assertThatThrownBy(() -> request.withSubscriptionIdentifier(268_435_456)).isInstanceOf(IllegalArgumentException.class);
        assertThat(request.withUserProperties(UserProperties.of("k", "v")).userProperties().first("k")).contains("v");
    }

    @Test
    void requestKeepsOrderAndIsImmutable() {
        Subscription a = Subscription.of("a", MqttQos.AT_MOST_ONCE);
        Subscription b = Subscription.of("b", MqttQos.AT_LEAST_ONCE);
        SubscribeRequest request = SubscribeRequest.of(b, a, b);
        assertThat(request.subscriptions()).containsExactly(b, a, b);
        assertThatThrownBy(() -> request.subscriptions().add(a)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new SubscribeRequest(List.of(a), OptionalInt.empty(), UserProperties.empty())).isEqualTo(SubscribeRequest.of(a));
    }

    @Test
    void subscribeResultPairsCodesWithSubscriptions() {
        Subscription a = Subscription.of("a", MqttQos.EXACTLY_ONCE);
        Subscription b = Subscription.of("b/#", MqttQos.AT_LEAST_ONCE);
        SubscribeResult granted = new SubscribeResult(List.of(a, b),
                List.of(SubscribeReasonCode.GRANTED_QOS_1, SubscribeReasonCode.GRANTED_QOS_1), Optional.empty(),
                UserProperties.empty());
        assertThat(granted.isSuccess()).isTrue();
        assertThat(granted.grantedQos(0)).contains(MqttQos.AT_LEAST_ONCE);
        SubscribeResult partial = new SubscribeResult(List.of(a, b),
                List.of(SubscribeReasonCode.GRANTED_QOS_2, SubscribeReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED),
                Optional.of("no wildcards"), UserProperties.empty());
        assertThat(partial.isSuccess()).isFalse();
        assertThat(partial.grantedQos(1)).isEmpty();
        assertThatThrownBy(() -> new SubscribeResult(List.of(a, b), List.of(SubscribeReasonCode.GRANTED_QOS_0),
                Optional.empty(), UserProperties.empty()))
                .hasMessage("the SUBACK has 1 reason codes for 2 subscriptions [MQTT-3.9.3-1]");
    }

    @Test
    void publishResultNeverCarriesAnErrorCode() {
        MqttMessage message = MqttMessage.of("a", new byte[0], MqttQos.AT_LEAST_ONCE);
        assertThat(PublishResult.success(message).reasonCode()).isEqualTo(PublishReasonCode.SUCCESS);
        assertThat(new PublishResult(message, PublishReasonCode.NO_MATCHING_SUBSCRIBERS, Optional.of("nobody"),
                UserProperties.empty()).reasonString()).contains("nobody");
        assertThatThrownBy(() -> new PublishResult(message, PublishReasonCode.NOT_AUTHORIZED, Optional.empty(),
                UserProperties.empty()))
                .hasMessage("a publish result cannot carry the error code NOT_AUTHORIZED");
    }

    @Test
    void connectResultDefaultsAreTheAbsentPropertyValues() {
        ConnectResult result = ConnectResult.builder().build();
        assertThat(result.sessionPresent()).isFalse();
        assertThat(result.receiveMaximum()).isEqualTo(65_535);
        assertThat(result.maximumQos()).isEqualTo(MqttQos.EXACTLY_ONCE);
        assertThat(result.retainAvailable()).isTrue();
        assertThat(result.maximumPacketSize()).isEqualTo(268_435_460);
        assertThat(result.topicAliasMaximum()).isZero();
        assertThat(result.wildcardSubscriptionAvailable()).isTrue();
        assertThat(result.subscriptionIdentifiersAvailable()).isTrue();
        assertThat(result.sharedSubscriptionAvailable()).isTrue();
        assertThat(result.assignedClientIdentifier()).isEmpty();
        assertThat(result.serverKeepAlive()).isEmpty();
        assertThat(result.sessionExpiryInterval()).isEmpty();
        assertThat(result.responseInformation()).isEmpty();
        assertThat(result.serverReference()).isEmpty();
        assertThat(result.reasonString()).isEmpty();
        assertThat(result.userProperties().isEmpty()).isTrue();
    }

    @Test
    void connectResultCarriesServerLimits() {
        ConnectResult result = ConnectResult.builder().sessionPresent(true).assignedClientIdentifier("auto-1")
                .sessionExpiryInterval(Duration.ofMinutes(5)).serverKeepAlive(Duration.ofSeconds(20))
                .receiveMaximum(10).maximumQos(MqttQos.AT_LEAST_ONCE).retainAvailable(false).maximumPacketSize(1024)
                .topicAliasMaximum(8).wildcardSubscriptionAvailable(false).subscriptionIdentifiersAvailable(false)
                .sharedSubscriptionAvailable(false).responseInformation("resp/").serverReference("other:1883")
                .reasonString("welcome").userProperties(UserProperties.of("k", "v")).build();
        assertThat(result.assignedClientIdentifier()).contains("auto-1");
        assertThat(result.serverKeepAlive()).contains(Duration.ofSeconds(20));
        assertThat(result.maximumQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(result.maximumPacketSize()).isEqualTo(1024);
        assertThat(result).isNotEqualTo(ConnectResult.builder().build());
        assertThat(result.toString()).contains("receiveMaximum=10", "assignedClientIdentifier=auto-1");
        assertThatThrownBy(() -> ConnectResult.builder().receiveMaximum(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectResult.builder().maximumPacketSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectResult.builder().serverKeepAlive(Duration.ofSeconds(65_536)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
