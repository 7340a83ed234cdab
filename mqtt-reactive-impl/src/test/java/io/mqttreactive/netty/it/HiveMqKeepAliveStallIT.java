package io.mqttreactive.netty.it;

import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;

/** {@link KeepAliveStallContract} (half-open link) against HiveMQ CE, the broker shared by this JVM. */
class HiveMqKeepAliveStallIT extends KeepAliveStallContract {

    @Override
    MqttTestBroker broker() {
        return HiveMqBroker.shared();
    }
}
