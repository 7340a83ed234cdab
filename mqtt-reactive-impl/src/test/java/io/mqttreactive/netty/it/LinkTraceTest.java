package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttPacketEncoder;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.testing.LinkTraffic;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LinkTrace} tells a message's story from recorded links: its packet ids, each way, link by link. */
class LinkTraceTest {

    @Test
    void followsAMessageAcrossLinksByItsPacketIdAndStopsAtACutMidPacket() {
        byte[] firstLinkToClient = bytes(publish(7, false, 100), publish(8, false, 101));
        byte[] cutMidPacket = Arrays.copyOf(firstLinkToClient, firstLinkToClient.length - 3);
        LinkTraffic first = LinkTraffic.of(1, bytes(AckPacket.of(MqttPacketType.PUBREC, 7)), cutMidPacket);
        LinkTraffic second = LinkTraffic.of(2, bytes(AckPacket.of(MqttPacketType.PUBREC, 7),
                AckPacket.of(MqttPacketType.PUBCOMP, 7), AckPacket.of(MqttPacketType.PUBREC, 9)),
                bytes(publish(7, true, 100), AckPacket.of(MqttPacketType.PUBREL, 7), publish(9, false, 102)));

        String story = LinkTrace.decode(List.of(first, second)).story(List.of(100, 101));

        assertThat(story).isEqualTo("""
                message 100:
                  link 1 to client: [PUBLISH 7 #100]
                  link 1 to server: [PUBREC 7]
                  link 2 to client: [PUBLISH 7 dup #100, PUBREL 7]
                  link 2 to server: [PUBREC 7, PUBCOMP 7]
                message 101:
                  never on any recorded link
                """);
    }

    private static PublishPacket publish(int packetId, boolean dup, int number) {
        return PublishPacket.of("fault/trace", ByteBuffer.allocate(4).putInt(number).array(), MqttQos.EXACTLY_ONCE,
                false, dup, packetId);
    }

    private static byte[] bytes(MqttPacket... packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (MqttPacket packet : packets) {
            ByteBuf encoded = MqttPacketEncoder.encode(packet, ByteBufAllocator.DEFAULT,
                    EncodeContext.of(MqttVersion.MQTT_5_0));
            try {
                out.writeBytes(ByteBufUtil.getBytes(encoded));
            } finally {
                encoded.release();
            }
        }
        return out.toByteArray();
    }
}
