package io.mqttreactive.netty.internal.session;

/** Checks the arguments the {@link io.mqttreactive.spi.SessionStore} methods share. */
final class StoreArguments {

    private StoreArguments() {
    }

    /**
     * Returns a packet identifier, checked to be 1 to 65,535 ([MQTT-2.3.1-1] 3.1.1, [MQTT-2.2.1-3] 5.0).
     *
     * @throws IllegalArgumentException if it is out of range
     */
    static int packetId(int packetId) {
        if (packetId < 1 || packetId > 65_535) {
            throw new IllegalArgumentException("packet identifier must be 1 to 65535, was " + packetId);
        }
        return packetId;
    }
}
