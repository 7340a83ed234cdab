package io.mqttreactive.netty.it;

/** {@link ConnectContract} (connecting) against HiveMQ CE, shared by the HiveMQ suites of this JVM. */
class HiveMqConnectIT extends ConnectContract {

    @Override
    PolicyBroker broker() {
        return PolicyBroker.hivemq();
    }
}
