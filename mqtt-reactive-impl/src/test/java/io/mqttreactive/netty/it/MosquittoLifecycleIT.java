package io.mqttreactive.netty.it;

import io.mqttreactive.netty.testing.RequiresMosquitto;
import io.mqttreactive.netty.testing.RunningBroker;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link LifecycleContract} (will, session takeover and refused subscriptions) against Eclipse Mosquitto 2, one
 * broker for the class; skipped with a printed reason when mosquitto is missing, failed instead when
 * {@code MQTT_REQUIRE_MOSQUITTO=true}.
 */
@RequiresMosquitto
class MosquittoLifecycleIT extends LifecycleContract {

    @RegisterExtension
    static final RunningBroker<PolicyBroker> BROKER =
            new RunningBroker<>(() -> PolicyBroker.mosquittoDenyingSubscriptions());

    @Override
    PolicyBroker broker() {
        return BROKER.get();
    }
}
