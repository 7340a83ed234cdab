package io.mqttreactive.netty.it;

/** {@link MessagingContract} (publishing and subscribing) against HiveMQ CE, shared by the HiveMQ suites of this JVM. */
class HiveMqMessagingIT extends MessagingContract {

    @Override
    PolicyBroker broker() {
        return PolicyBroker.hivemq();
    }
}
