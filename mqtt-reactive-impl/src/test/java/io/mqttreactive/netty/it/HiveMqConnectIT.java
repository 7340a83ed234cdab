package io.mqttreactive.netty.it;

/**
 * {@link ConnectContract} (connecting) against HiveMQ CE, one broker shared by the HiveMQ suites of
 * this JVM ({@link PolicyBroker#hivemq()}).
 */
class HiveMqConnectIT extends ConnectContract {

    @Override
    PolicyBroker broker() {
        return PolicyBroker.hivemq();
    }
}
