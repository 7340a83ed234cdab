package io.mqttreactive.netty.it;

/** {@link LifecycleContract} (will, session takeover and refused subscriptions) against HiveMQ CE, shared by the HiveMQ suites of this JVM. */
class HiveMqLifecycleIT extends LifecycleContract {

    @Override
    PolicyBroker broker() {
        return PolicyBroker.hivemq();
    }
}
