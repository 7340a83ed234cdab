package io.mqttreactive.netty;

import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;

/** {@link SubscriberCrashContract} against HiveMQ CE, the JVM-wide embedded broker. */
class HiveMqSubscriberCrashIT extends SubscriberCrashContract {

    @Override
    MqttTestBroker broker() {
        return HiveMqBroker.shared();
    }
}
