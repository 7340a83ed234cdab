package io.mqttreactive.netty.it;

import io.mqttreactive.netty.testing.RequiresMosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link MessagingContract} (publishing and subscribing) against Eclipse Mosquitto 2, one broker for the class;
 * skipped with a printed reason when mosquitto is missing, failed instead when {@code MQTT_REQUIRE_MOSQUITTO=true}.
 */
@RequiresMosquitto
class MosquittoMessagingIT extends MessagingContract {

    private static PolicyBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = PolicyBroker.mosquitto();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    PolicyBroker broker() {
        return broker;
    }
}
