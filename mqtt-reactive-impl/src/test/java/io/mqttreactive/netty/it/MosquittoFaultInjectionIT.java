package io.mqttreactive.netty.it;

import io.mqttreactive.netty.testing.MosquittoBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.RequiresMosquitto;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;

/**
 * {@link FaultInjectionContract} (cut links) against Eclipse Mosquitto 2, kept short: 20,000 messages a run and a
 * cut every 50 to 150 ms, so a run still sees at least 20 cuts. Mosquitto runs without an in-flight window
 * ({@code max_inflight_messages 0}) and with room for the subscriber's queue: with its default window of 20,
 * mosquitto 2.0.11 loses QoS 2 messages queued for a persistent-session subscriber (see
 * {@link MosquittoRestartIT}). Skipped with a printed reason when mosquitto is missing, failed instead when
 * {@code MQTT_REQUIRE_MOSQUITTO=true}.
 */
@RequiresMosquitto
@Disabled("with mosquitto 2.0.11 every publish succeeds, but after the cuts the subscriber misses messages in 3 of "
        + "the 4 runs (QoS 1 with the subscriber's link cut, QoS 2 either way; QoS 1 with the publisher's link cut "
        + "passes in 12 s); not yet traced to the broker or the client")
class MosquittoFaultInjectionIT extends FaultInjectionContract {

    private static MosquittoBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = MosquittoBroker.builder()
                .extraConfig("max_queued_messages 1000000\nmax_inflight_messages 0").start();
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

    @Override
    Pace pace() {
        return new Pace(20_000, Duration.ofMillis(50), Duration.ofMillis(150));
    }
}
