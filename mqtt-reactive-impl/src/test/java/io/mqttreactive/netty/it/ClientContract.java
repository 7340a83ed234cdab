package io.mqttreactive.netty.it;

import org.junit.jupiter.api.AfterEach;

/**
 * The base of the client contracts: each contract is written once against {@link PolicyBroker} and
 * {@link MqttProfile}, and each broker gets a concrete {@code *IT} class that supplies the broker. So every
 * contract test runs in the matrix {HiveMQ, mosquitto} × {3.1.1, 5.0} × {TCP, TLS} without repeating its code.
 */
abstract class ClientContract {

    private TestClients clients;

    /** @return the broker of the concrete class, started in its {@code @BeforeAll} */
    abstract PolicyBroker broker();

    /** @return the clients of this test for {@code profile}, closed after the test */
    TestClients clients(MqttProfile profile) {
        if (clients != null) {
            clients.close();
        }
        clients = new TestClients(broker().broker(), profile);
        return clients;
    }

    @AfterEach
    void closeClients() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }
}
