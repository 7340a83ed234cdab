package io.mqttreactive.netty.it;

import io.mqttreactive.netty.testing.MosquittoBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.RequiresMosquitto;
import io.mqttreactive.netty.testing.RunningBroker;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link RequestResponseContract} against Eclipse Mosquitto 2, one broker for the class; skipped with a printed
 * reason when mosquitto is missing, failed instead when {@code MQTT_REQUIRE_MOSQUITTO=true}.
 */
@RequiresMosquitto
class MosquittoRequestResponseIT extends RequestResponseContract {

    @RegisterExtension
    static final RunningBroker<MosquittoBroker> BROKER = new RunningBroker<>(() -> MosquittoBroker.builder().start());

    @Override
    MqttTestBroker broker() {
        return BROKER.get();
    }
}
