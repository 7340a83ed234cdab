package io.mqttreactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.exception.InvalidTopicException;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.SubscribeRequest;
import io.mqttreactive.message.Subscription;
import io.mqttreactive.options.AcknowledgeMode;
import io.mqttreactive.options.DisconnectOptions;
import io.mqttreactive.options.RequesterOptions;
import io.mqttreactive.topic.MqttTopicFilter;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class MqttClientDefaultMethodsTest {

    private final StubMqttClient client = new StubMqttClient(MqttClientOptions.builder().build());

    @Test
    void subscribeOverloadsBuildOneRequestAcknowledgedOnDelivery() {
        client.subscribe("a/+", MqttQos.AT_LEAST_ONCE);
        client.subscribe(MqttTopicFilter.of("b/#"), MqttQos.EXACTLY_ONCE);
        client.subscribe(List.of(Subscription.of("c", MqttQos.AT_MOST_ONCE), Subscription.of("d", MqttQos.AT_MOST_ONCE)));
        client.subscription(SubscribeRequest.of(Subscription.of("f", MqttQos.AT_LEAST_ONCE)));
        client.subscribeAcknowledged("e", MqttQos.AT_LEAST_ONCE);
        assertThat(client.requests).containsExactly(
                SubscribeRequest.of(Subscription.of("a/+", MqttQos.AT_LEAST_ONCE)), AcknowledgeMode.ON_DELIVERY,
                SubscribeRequest.of(Subscription.of("b/#", MqttQos.EXACTLY_ONCE)), AcknowledgeMode.ON_DELIVERY,
                SubscribeRequest.of(Subscription.of("c", MqttQos.AT_MOST_ONCE), Subscription.of("d", MqttQos.AT_MOST_ONCE)),
                AcknowledgeMode.ON_DELIVERY,
                SubscribeRequest.of(Subscription.of("f", MqttQos.AT_LEAST_ONCE)), AcknowledgeMode.ON_DELIVERY,
                SubscribeRequest.of(Subscription.of("e", MqttQos.AT_LEAST_ONCE)));
    }

    @Test
    void invalidArgumentsAreRejectedWhenCalled() {
        assertThatThrownBy(() -> client.subscribe("a/#/b", MqttQos.AT_LEAST_ONCE)).isInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> client.subscribe(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.disconnect(DisconnectReasonCode.SERVER_SHUTTING_DOWN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(client.requests).isEmpty();
    }

    @Test
    void disconnectOverloadsDelegateWithOptions() {
        StepVerifier.create(client.disconnect().then(client.disconnect(DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE)))
                .verifyComplete();
        assertThat(client.requests).containsExactly(DisconnectOptions.DEFAULT,
                DisconnectOptions.of(DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE));
    }

    @Test
    void requesterAndResponderOverloadsDelegateWithDefaults() {
        assertThatThrownBy(client::requester).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> client.responder("svc/+", MqttQos.AT_LEAST_ONCE, Mono::just))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(client.requests).containsExactly(RequesterOptions.DEFAULT,
                SubscribeRequest.of(Subscription.of("svc/+", MqttQos.AT_LEAST_ONCE)));
    }
}
