package io.mqttreactive.netty.internal.codec.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttPacketEncoder;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.util.ReferenceCountUtil;
import net.jqwik.api.Assume;

/**
 * Differential oracle, direction (a): what our {@link MqttPacketEncoder} writes, Netty's {@code MqttDecoder}
 * (netty-codec-mqtt 4.2.17) decodes into a message that converts back to the very packet we encoded (MQTT 3.1.1
 * chapter 3, MQTT 5.0 chapter 3). The conversion also fails if our encoder wrote an MQTT 5 property at its default
 * value, a boolean property other than 0 or 1, or a property the packet type does not allow.
 *
 * <p>Restrictions, each because of what Netty's decoder does, verified in its 4.2.17 byte code (the stored source of
 * {@code MqttDecoder.java} and {@code MqttCodecUtil.java} in netty/netty is older but the same on these points):
 * <ul>
 *   <li>MQTT 5 packets with a property section of 128 bytes or more that holds a property of one or two bytes
 *       after its identifier... more precisely of at most as many bytes as the Property Length takes, are assumed
 *       away: Netty then stops reading properties early ({@link NettyPropertyLengthQuirk}).</li>
 *   <li>The shared generator restrictions of {@link NettyRoundTripOracleTest} apply too.</li>
 * </ul>
 */
class NettyDecodesOurEncodingOracleTest extends PacketOracleProperties {

    @Override
    void check(VersionedPacket packet) {
        MqttMessage nettyMessage = NettyMessages.from(packet.packet());
        try {
            Assume.that(!NettyPropertyLengthQuirk.affects(nettyMessage));
        } finally {
            ReferenceCountUtil.release(nettyMessage);
        }
        ByteBuf encoded = MqttPacketEncoder.encode(packet.packet(), ByteBufAllocator.DEFAULT,
                EncodeContext.of(packet.version()));
        MqttPacket decoded = NettyCodec.decode(encoded, packet.version());
        assertThat(encoded.refCnt()).as("our encoding was released by the decoding channel").isZero();
        assertThat(PacketSnapshot.of(decoded)).isEqualTo(PacketSnapshot.of(packet.packet()));
    }
}
