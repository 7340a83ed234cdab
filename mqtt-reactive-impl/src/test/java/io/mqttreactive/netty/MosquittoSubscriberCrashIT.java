package io.mqttreactive.netty;

import io.mqttreactive.netty.testing.MosquittoBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.RequiresMosquitto;
import io.mqttreactive.netty.testing.RunningBroker;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link SubscriberCrashContract} against Eclipse Mosquitto 2, one broker for the class, without an in-flight
 * window ({@code max_inflight_messages 0}): with its default of 20, mosquitto 2.0.11 loses QoS 2 messages
 * queued for a persistent-session subscriber (see {@code MosquittoRestartIT}). Skipped with a printed reason
 * when mosquitto is missing, failed instead when {@code MQTT_REQUIRE_MOSQUITTO=true}.
 */
@RequiresMosquitto
class MosquittoSubscriberCrashIT extends SubscriberCrashContract {

    @RegisterExtension
    static final RunningBroker<MosquittoBroker> BROKER = new RunningBroker<>(() -> MosquittoBroker.builder()
            .extraConfig("max_inflight_messages 0").start());

    @Override
    MqttTestBroker broker() {
        return BROKER.get();
    }
}
