package io.mqttreactive.netty.internal.codec.oracle;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.MqttPacket;

/** A generated packet with the protocol version of the connection that carries it. */
record VersionedPacket(MqttVersion version, MqttPacket packet) {

    @Override
    public String toString() {
        return version + " " + packet;
    }
}
