package io.mqttreactive.netty.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link HiveMqBroker} starts on Netty 4.2 and serves every listener kind. */
class HiveMqBrokerIT extends BrokerSmokeContract {

    private static HiveMqBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = HiveMqBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    MqttTestBroker broker() {
        return broker;
    }
}
