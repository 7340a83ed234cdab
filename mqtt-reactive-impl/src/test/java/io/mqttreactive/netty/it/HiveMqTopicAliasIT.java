package io.mqttreactive.netty.it;

import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;

/**
 * {@link TopicAliasContract} against HiveMQ CE, the broker shared by this JVM ({@link HiveMqBroker#shared()}),
 * which grants each client 5 topic aliases by default ({@code topic-alias-max-per-client}).
 */
class HiveMqTopicAliasIT extends TopicAliasContract {

    @Override
    MqttTestBroker broker() {
        return HiveMqBroker.shared();
    }

    @Override
    int brokersTopicAliasMaximum() {
        return 5;
    }
}
