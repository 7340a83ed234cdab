package io.mqttreactive.netty.it;

import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.RunningBroker;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FaultInjectionContract} (cut links) against HiveMQ CE with 100,000 messages a run, a cut every 150 to
 * 450 ms, on a broker of its own with room for the subscriber's queue and a Receive Maximum of 500.
 */
class FaultInjectionIT extends FaultInjectionContract {

    private static final String BROKER_CONFIG = "<mqtt><queued-messages><max-queue-size>500000</max-queue-size>"
            + "</queued-messages><receive-maximum><server-receive-maximum>500</server-receive-maximum>"
            + "</receive-maximum></mqtt>";

    @RegisterExtension
    static final RunningBroker<HiveMqBroker> BROKER =
            new RunningBroker<>(() -> HiveMqBroker.builder().extraConfig(BROKER_CONFIG).start());

    @Override
    MqttTestBroker broker() {
        return BROKER.get();
    }

    @Override
    Pace pace() {
        return new Pace(100_000, Duration.ofMillis(150), Duration.ofMillis(450));
    }
}
