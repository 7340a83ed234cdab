package io.mqttreactive.netty.it;

import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;

/** {@link RequestResponseContract} against HiveMQ CE, the broker shared by this JVM. */
class HiveMqRequestResponseIT extends RequestResponseContract {

    @Override
    MqttTestBroker broker() {
        return HiveMqBroker.shared();
    }
}
