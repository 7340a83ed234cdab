package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertSameBytes;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertSamePacket;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.decode;
import static io.mqttreactive.netty.internal.codec.CodecTestSupport.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PingReqPacket;
import io.mqttreactive.netty.internal.packet.PingRespPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import io.mqttreactive.netty.internal.packet.WillPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Netty's netty-codec-mqtt as an independent oracle (DESIGN section 5): what we encode Netty decodes to the same
 * fields, Netty encodes what it decoded back to our exact bytes, and we decode those bytes to the original packet.
 */
class Mqtt311NettyOracleTest {

    private static final MqttVersion V311 = MqttVersion.MQTT_3_1_1;

    @ParameterizedTest
    @EnumSource(value = MqttVersion.class, names = {"MQTT_3_1", "MQTT_3_1_1"})
    void connect(MqttVersion version) {
        WillPacket will = WillPacket.of("w/t", new byte[] {0, 1}, MqttQos.EXACTLY_ONCE, true);
        ConnectPacket packet = Mqtt311ConnectCodecTest.connect(version, "client-1", false, 90, "user",
                new byte[] {'p', 'w'}, will);
        agreeWithNetty(packet, version, message -> {
            MqttConnectMessage connect = (MqttConnectMessage) message;
            assertThat(connect.variableHeader().name()).isEqualTo(version.protocolName());
            assertThat(connect.variableHeader().version()).isEqualTo(version.protocolLevel());
            assertThat(connect.variableHeader().isCleanSession()).isFalse();
            assertThat(connect.variableHeader().keepAliveTimeSeconds()).isEqualTo(90);
            assertThat(connect.variableHeader().isWillFlag()).isTrue();
            assertThat(connect.variableHeader().willQos()).isEqualTo(2);
            assertThat(connect.variableHeader().isWillRetain()).isTrue();
            assertThat(connect.payload().clientIdentifier()).isEqualTo("client-1");
            assertThat(connect.payload().willTopic()).isEqualTo("w/t");
            assertThat(connect.payload().willMessageInBytes()).containsExactly(0, 1);
            assertThat(connect.payload().userName()).isEqualTo("user");
            assertThat(connect.payload().passwordInBytes()).containsExactly('p', 'w');
        });
    }

    @Test
    void connAck() {
        agreeWithNetty(ConnAckPacket.of(true, 0), V311, message -> {
            MqttConnAckMessage connAck = (MqttConnAckMessage) message;
            assertThat(connAck.variableHeader().isSessionPresent()).isTrue();
            assertThat(connAck.variableHeader().connectReturnCode()).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
        });
        agreeWithNetty(ConnAckPacket.of(false, 5), V311, message -> assertThat(
                ((MqttConnAckMessage) message).variableHeader().connectReturnCode())
                .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED));
    }

    @Test
    void publish() {
        byte[] payload = new byte[300];
        payload[299] = 42;
        agreeWithNetty(PublishPacket.of("a/b/c", payload, MqttQos.EXACTLY_ONCE, true, true, 65_535), V311, message -> {
            MqttPublishMessage publish = (MqttPublishMessage) message;
            assertThat(publish.fixedHeader().isDup()).isTrue();
            assertThat(publish.fixedHeader().isRetain()).isTrue();
            assertThat(publish.fixedHeader().qosLevel().value()).isEqualTo(2);
            assertThat(publish.variableHeader().topicName()).isEqualTo("a/b/c");
            assertThat(publish.variableHeader().packetId()).isEqualTo(65_535);
            assertThat(ByteBufUtil.getBytes(publish.payload())).isEqualTo(payload);
        });
        agreeWithNetty(PublishPacket.of("t", new byte[0], MqttQos.AT_MOST_ONCE, false, false, 0), V311,
                message -> assertThat(((MqttPublishMessage) message).fixedHeader().qosLevel().value()).isZero());
    }

    @ParameterizedTest
    @EnumSource(value = MqttPacketType.class, names = {"PUBACK", "PUBREC", "PUBREL", "PUBCOMP"})
    void acks(MqttPacketType type) {
        agreeWithNetty(AckPacket.of(type, 4_242), V311, message -> {
            assertThat(message.fixedHeader().messageType().value()).isEqualTo(type.code());
            assertThat(((MqttMessageIdVariableHeader) message.variableHeader()).messageId()).isEqualTo(4_242);
        });
    }

    @Test
    void subscribe() {
        SubscribePacket packet = SubscribePacket.of(7, List.of(SubscriptionRequest.of("a/#", MqttQos.AT_MOST_ONCE),
                SubscriptionRequest.of("+/b", MqttQos.EXACTLY_ONCE)));
        agreeWithNetty(packet, V311, message -> {
            MqttSubscribeMessage subscribe = (MqttSubscribeMessage) message;
            assertThat(subscribe.idAndPropertiesVariableHeader().messageId()).isEqualTo(7);
            assertThat(subscribe.payload().topicSubscriptions()).extracting(MqttTopicSubscription::topicFilter,
                    s -> s.qualityOfService().value()).containsExactly(
                            tuple("a/#", 0), tuple("+/b", 2));
        });
    }

    @Test
    void subAck() {
        agreeWithNetty(SubAckPacket.of(8, List.of(0, 1, 2, 0x80)), V311, message -> {
            MqttSubAckMessage subAck = (MqttSubAckMessage) message;
            assertThat(subAck.idAndPropertiesVariableHeader().messageId()).isEqualTo(8);
            assertThat(subAck.payload().reasonCodes()).containsExactly(0, 1, 2, 0x80);
        });
    }

    @Test
    void unsubscribe() {
        agreeWithNetty(UnsubscribePacket.of(9, List.of("a/b", "c/#")), V311, message -> {
            MqttUnsubscribeMessage unsubscribe = (MqttUnsubscribeMessage) message;
            assertThat(unsubscribe.idAndPropertiesVariableHeader().messageId()).isEqualTo(9);
            assertThat(unsubscribe.payload().topics()).containsExactly("a/b", "c/#");
        });
    }

    @Test
    void unsubAck() {
        agreeWithNetty(UnsubAckPacket.of(10, List.of()), V311, message -> {
            assertThat(message.fixedHeader().messageType()).isEqualTo(MqttMessageType.UNSUBACK);
            assertThat(((MqttMessageIdVariableHeader) message.variableHeader()).messageId()).isEqualTo(10);
        });
    }

    @Test
    void emptyPackets() {
        agreeWithNetty(PingReqPacket.INSTANCE, V311,
                message -> assertThat(message.fixedHeader().messageType()).isEqualTo(MqttMessageType.PINGREQ));
        agreeWithNetty(PingRespPacket.INSTANCE, V311,
                message -> assertThat(message.fixedHeader().messageType()).isEqualTo(MqttMessageType.PINGRESP));
        agreeWithNetty(DisconnectPacket.NORMAL, V311,
                message -> assertThat(message.fixedHeader().messageType()).isEqualTo(MqttMessageType.DISCONNECT));
    }

    private static void agreeWithNetty(MqttPacket packet, MqttVersion version, Consumer<MqttMessage> fieldChecks) {
        byte[] ours = encode(packet, version);
        MqttMessage message = nettyDecode(ours);
        try {
            fieldChecks.accept(message);
        } catch (AssertionError e) {
            ReferenceCountUtil.release(message);
            throw e;
        }
        byte[] nettys = nettyEncode(message);
        assertSameBytes(nettys, ours);
        assertSamePacket(decode(nettys, version), packet);
    }

    private static MqttMessage nettyDecode(byte[] bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder());
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
            MqttMessage message = channel.readInbound();
            assertThat(message).as("Netty decoded a message").isNotNull();
            assertThat(message.decoderResult().isSuccess()).as("Netty decoder result %s", message.decoderResult())
                    .isTrue();
            return message;
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static byte[] nettyEncode(MqttMessage message) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        try {
            channel.writeOutbound(message);
            ByteBuf out = channel.readOutbound();
            try {
                return ByteBufUtil.getBytes(out);
            } finally {
                out.release();
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
