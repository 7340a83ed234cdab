package io.mqttreactive.netty.internal.codec.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;

/**
 * Checks the oracle itself: every generated packet, converted to Netty's message, encoded by Netty's
 * {@code MqttEncoder}, decoded by Netty's {@code MqttDecoder} and converted back, is the packet generated. This
 * shows that the generators stay within what netty-codec-mqtt 4.2.17 handles and that both converters are exact,
 * so a failure of the two differential directions points at our codec.
 */
class NettyRoundTripOracleTest extends PacketOracleProperties {

    @Override
    void check(VersionedPacket packet) {
        ByteBuf encoded = NettyCodec.encode(packet.packet(), packet.version());
        MqttPacket decoded = NettyCodec.decode(encoded, packet.version());
        assertThat(PacketSnapshot.of(decoded)).isEqualTo(PacketSnapshot.of(packet.packet()));
    }
}
