package io.mqttreactive.netty.it;

import io.mqttreactive.netty.testing.MosquittoBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.RequiresMosquitto;
import io.mqttreactive.netty.testing.RunningBroker;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link TopicAliasContract} against Eclipse Mosquitto 2, one broker for the class, with its default
 * {@code max_topic_alias} of 10, which mosquitto 2.0.11 grants in its CONNACK; skipped with a printed reason when
 * mosquitto is missing, failed instead when {@code MQTT_REQUIRE_MOSQUITTO=true}.
 */
@RequiresMosquitto
class MosquittoTopicAliasIT extends TopicAliasContract {

    @RegisterExtension
    static final RunningBroker<MosquittoBroker> BROKER = new RunningBroker<>(() -> MosquittoBroker.builder().start());

    @Override
    MqttTestBroker broker() {
        return BROKER.get();
    }

    @Override
    int brokersTopicAliasMaximum() {
        return 10;
    }
}
