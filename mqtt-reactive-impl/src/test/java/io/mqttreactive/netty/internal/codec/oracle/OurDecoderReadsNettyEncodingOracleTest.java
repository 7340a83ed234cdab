package io.mqttreactive.netty.internal.codec.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttPacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;

/**
 * Differential oracle, direction (b): a packet converted to Netty's message type and encoded by Netty's
 * {@code MqttEncoder} (netty-codec-mqtt 4.2.17) decodes with our {@link MqttPacketDecoder} to an equal packet, and
 * the decoder consumes the whole encoding (MQTT 3.1.1 chapter 3, MQTT 5.0 chapter 3).
 */
class OurDecoderReadsNettyEncodingOracleTest extends PacketOracleProperties {

    @Override
    void check(VersionedPacket packet) {
        ByteBuf encoded = NettyCodec.encode(packet.packet(), packet.version());
        try {
            MqttPacket decoded = MqttPacketDecoder.decode(encoded, DecodeContext.of(packet.version()));
            assertThat(encoded.isReadable()).as("bytes left after the packet").isFalse();
            assertThat(PacketSnapshot.of(decoded)).isEqualTo(PacketSnapshot.of(packet.packet()));
        } finally {
            encoded.release();
        }
    }
}
