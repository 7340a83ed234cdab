package io.mqttreactive.netty.it;

import io.mqttreactive.netty.testing.MosquittoBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.RequiresMosquitto;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link FaultInjectionContract} (cut links) against Eclipse Mosquitto 2, kept short: 20,000 messages a run and a
 * cut every 50 to 150 ms, so a run still sees at least 20 cuts. Mosquitto runs without an in-flight window
 * ({@code max_inflight_messages 0}) and with room for the subscriber's queue: with its default window of 20,
 * mosquitto 2.0.11 loses QoS 2 messages queued for a persistent-session subscriber (see
 * {@link MosquittoRestartIT}). Skipped with a printed reason when mosquitto is missing, failed instead when
 * {@code MQTT_REQUIRE_MOSQUITTO=true}.
 *
 * <p>Both links are cut, the publisher's and the subscriber's. After a resumed session mosquitto 2.0.11 sends a
 * subscriber far more than its Receive Maximum at once (a PUBACK frees room for a thousand more), so one read
 * brings thousands of PUBLISH packets; the client's PUBACKs go out every few hundred packets during that read
 * ({@code MqttChannelFlushTest}), not at its end, or a link cut every 50 to 150 ms would lose them all and
 * mosquitto would re-send the same messages forever.
 */
@RequiresMosquitto
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
