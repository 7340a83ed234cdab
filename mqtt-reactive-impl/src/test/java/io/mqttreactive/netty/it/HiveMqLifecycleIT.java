package io.mqttreactive.netty.it;

/**
 * {@link LifecycleContract} (will, session takeover and refused subscriptions) against HiveMQ CE, one broker
 * shared by the HiveMQ suites of this JVM ({@link PolicyBroker#hivemq()}).
 */
class HiveMqLifecycleIT extends LifecycleContract {

    @Override
    PolicyBroker broker() {
        return PolicyBroker.hivemq();
    }
}
