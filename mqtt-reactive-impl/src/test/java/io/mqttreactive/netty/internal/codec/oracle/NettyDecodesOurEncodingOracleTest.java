package io.mqttreactive.netty.internal.codec.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttPacketEncoder;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Differential oracle, direction (a): what our {@link MqttPacketEncoder} writes, Netty's {@code MqttDecoder}
 * (netty-codec-mqtt 4.2.17) decodes into a message that converts back to the very packet we encoded (MQTT 3.1.1
 * chapter 3, MQTT 5.0 chapter 3). The conversion also fails if our encoder wrote an MQTT 5 property at its default
 * value, a boolean property other than 0 or 1, or a property the packet type does not allow.
 *
 * <p>One restriction beyond those of {@link PacketOracleProperties}: an MQTT 5 packet with a property section of
 * 128 bytes or more that holds a property no longer than the section's Property Length field is assumed away,
 * because Netty's decoder then stops reading properties early and takes the bytes of the last one for what follows
 * ({@link NettyPropertyLengthQuirk}, pinned by {@link NettyRoundTripOracleTest}).
 */
class NettyDecodesOurEncodingOracleTest extends PacketOracleProperties {

    @Override
    void check(VersionedPacket packet) {
        NettyPropertyLengthQuirk.assumeNettyReadsPropertiesOf(packet.packet());
        ByteBuf encoded = MqttPacketEncoder.encode(packet.packet(), ByteBufAllocator.DEFAULT,
                EncodeContext.of(packet.version()));
        MqttPacket decoded = NettyCodec.decode(encoded, packet.version());
        assertThat(encoded.refCnt()).as("our encoding was released by the decoding channel").isZero();
        assertThat(PacketSnapshot.of(decoded)).isEqualTo(PacketSnapshot.of(packet.packet()));
    }
}
