package io.mqttreactive.netty.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link MosquittoBroker} serves every listener kind; skipped with a reason when mosquitto is missing. */
@RequiresMosquitto
class MosquittoBrokerIT extends BrokerSmokeContract {

    private static MosquittoBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = MosquittoBroker.builder().start();
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
