package io.mqttreactive.netty.it;

import io.mqttreactive.netty.testing.MosquittoBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.RequiresMosquitto;
import io.mqttreactive.netty.testing.RunningBroker;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FaultInjectionContract} (cut links) against Eclipse Mosquitto 2: 100,000 messages a run and a cut every
 * 50 to 250 ms, at least 20 cuts a run. Mosquitto runs without an in-flight window
 * ({@code max_inflight_messages 0}) and with room for the subscriber's queue: with its default window of 20,
 * mosquitto 2.0.11 loses QoS 2 messages queued for a persistent-session subscriber (see
 * {@link MosquittoRestartIT}). Skipped with a printed reason when mosquitto is missing, failed instead when
 * {@code MQTT_REQUIRE_MOSQUITTO=true}.
 *
 * <p>Both links are cut, the publisher's and the subscriber's. On every resumed session mosquitto 2.0.11
 * re-sends everything it holds for the subscriber at once, whatever the client's Receive Maximum, and reads no
 * packet from that client until the burst is written; a link cut before then moves nothing forward. So one read
 * brings thousands of PUBLISH packets, and the client's PUBACKs must leave while that read is decoded, within a
 * bounded time however slowly it goes ({@code MqttChannelFlushTest}), or every cut would lose them all and
 * mosquitto would re-send the same messages forever. With the subscriber's link cut, the publisher leads the
 * subscriber by at most what the broker delivers in half the shortest link life at this machine's measured pace
 * (see {@link FaultInjectionContract}), so the burst stays shorter than a link.
 *
 * <p>With the subscriber's link cut, mosquitto 2.0.11 breaks exactly once: when reconnects follow each other
 * quickly it re-sends a QoS 2 PUBLISH (DUP 1, same packet id) after it has sent the PUBREL for it, against
 * [MQTT-4.3.3-6]. A client trace of one run: PUBLISH id 820 delivered, PUBREC re-sent for each DUP copy on eleven
 * connections, PUBREL 820 answered with PUBCOMP, then on the next connection PUBLISH id 820 DUP 1 with the same
 * payload. After PUBREL the id is free, so the client must take that PUBLISH for a new message ([MQTT-4.3.3-12])
 * and delivers it again. Here the QoS 2 runs with the subscriber's link cut assert that nothing is lost and
 * first deliveries are in order, and print the duplicates; HiveMQ CE ({@link FaultInjectionIT}) is held to
 * exactly once on both sides.
 */
@RequiresMosquitto
class MosquittoFaultInjectionIT extends FaultInjectionContract {

    @RegisterExtension
    static final RunningBroker<MosquittoBroker> BROKER = new RunningBroker<>(() -> MosquittoBroker.builder()
                .extraConfig("max_queued_messages 1000000\nmax_inflight_messages 0").start());

    @Override
    boolean brokerKeepsExactlyOnce(Side side) {
        return side == Side.PUBLISHER;
    }

    @Override
    MqttTestBroker broker() {
        return BROKER.get();
    }

    @Override
    Pace pace() {
        return new Pace(100_000, Duration.ofMillis(50), Duration.ofMillis(250));
    }
}
