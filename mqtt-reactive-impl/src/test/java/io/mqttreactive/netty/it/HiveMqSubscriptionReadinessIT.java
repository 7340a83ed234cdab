package io.mqttreactive.netty.it;

import io.mqttreactive.netty.testing.MqttTestBroker;

/** {@link SubscriptionReadinessContract} against HiveMQ CE, shared by the HiveMQ suites of this JVM. */
class HiveMqSubscriptionReadinessIT extends SubscriptionReadinessContract {

    @Override
    MqttTestBroker broker() {
        return PolicyBroker.hivemq().broker();
    }
}
