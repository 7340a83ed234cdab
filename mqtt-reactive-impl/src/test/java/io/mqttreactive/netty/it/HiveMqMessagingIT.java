package io.mqttreactive.netty.it;

/**
 * {@link MessagingContract} (publishing and subscribing) against HiveMQ CE, one broker shared by the HiveMQ suites of
 * this JVM ({@link PolicyBroker#hivemq()}).
 */
class HiveMqMessagingIT extends MessagingContract {

    @Override
    PolicyBroker broker() {
        return PolicyBroker.hivemq();
    }
}
