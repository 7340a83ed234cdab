package io.mqttreactive.netty.internal.codec.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.netty.internal.codec.DecodeContext;
import io.mqttreactive.netty.internal.codec.MqttPacketDecoder;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;

/**
 * Differential oracle, direction (b): a packet converted to Netty's message type and encoded by Netty's
 * {@code MqttEncoder} (netty-codec-mqtt 4.2.17) decodes with our {@link MqttPacketDecoder} to an equal packet, and
 * the decoder consumes the whole encoding (MQTT 3.1.1 chapter 3, MQTT 5.0 chapter 3). Each packet is encoded twice:
 * with the properties at their default left out, as the model's convention has it, and with every such property
 * written out where the standard allows it, which must decode to the same packet (MQTT 5.0 section 2.2.2.2).
 */
class OurDecoderReadsNettyEncodingOracleTest extends PacketOracleProperties {

    @Override
    void check(VersionedPacket packet) {
        checkDecodes(NettyMessages.OMITTING_DEFAULTS, packet);
        checkDecodes(NettyMessages.WRITING_DEFAULTS, packet);
    }

    private static void checkDecodes(NettyMessages converter, VersionedPacket packet) {
        ByteBuf encoded = NettyCodec.encode(converter.from(packet.packet()), packet.version());
        try {
            MqttPacket decoded = MqttPacketDecoder.decode(encoded, DecodeContext.of(packet.version()));
            assertThat(encoded.isReadable()).as("bytes left after the packet").isFalse();
            assertThat(PacketSnapshot.of(decoded)).isEqualTo(PacketSnapshot.of(packet.packet()));
        } finally {
            encoded.release();
        }
    }
}
