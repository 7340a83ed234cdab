package io.mqttreactive.netty;

import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;

/** {@link ClientCrashContract} against HiveMQ CE, the JVM-wide embedded broker. */
class HiveMqClientCrashIT extends ClientCrashContract {

    @Override
    MqttTestBroker broker() {
        return HiveMqBroker.shared();
    }
}
