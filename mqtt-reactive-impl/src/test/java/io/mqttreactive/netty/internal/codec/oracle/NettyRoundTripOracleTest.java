package io.mqttreactive.netty.internal.codec.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import net.jqwik.api.Example;

/**
 * Checks the oracle itself: every generated packet, converted to Netty's message, encoded by Netty's
 * {@code MqttEncoder}, decoded by Netty's {@code MqttDecoder} and converted back, is the packet generated. This
 * shows that the generators stay within what netty-codec-mqtt 4.2.17 handles and that both converters are exact,
 * so a failure of the two differential directions points at our codec. Like direction (a) it leaves out the packets
 * whose properties Netty's decoder misreads ({@link NettyPropertyLengthQuirk}), and it pins that defect, so that
 * the restriction is lifted once Netty no longer has it.
 */
class NettyRoundTripOracleTest extends PacketOracleProperties {

    @Override
    void check(VersionedPacket packet) {
        NettyPropertyLengthQuirk.assumeNettyReadsPropertiesOf(packet.packet());
        ByteBuf encoded = NettyCodec.encode(NettyMessages.OMITTING_DEFAULTS.from(packet.packet()), packet.version());
        MqttPacket decoded = NettyCodec.decode(encoded, packet.version());
        assertThat(PacketSnapshot.of(decoded)).isEqualTo(PacketSnapshot.of(packet.packet()));
    }

    @Example
    void nettyDropsAShortLastPropertyAfterATwoByteLength() {
        String userPropertyOf131Bytes = "26 0001 61 007D" + "78".repeat(125);
        String publish = "30 8C01 | 0001 74 | 8501 " + userPropertyOf131Bytes + " 0101 | 6869";
        ByteBuf bytes = ByteBufAllocator.DEFAULT.buffer();
        bytes.writeBytes(ByteBufUtil.decodeHexDump(publish.replace("|", "").replace(" ", "")));

        PublishPacket decoded = (PublishPacket) NettyCodec.decode(bytes, MqttVersion.MQTT_5_0);

        assertThat(decoded.payloadFormatUtf8()).as("the Payload Format Indicator was dropped").isFalse();
        assertThat(ByteBufUtil.hexDump(decoded.payload())).as("its two bytes went into the payload")
                .isEqualTo("01016869");
    }
}
