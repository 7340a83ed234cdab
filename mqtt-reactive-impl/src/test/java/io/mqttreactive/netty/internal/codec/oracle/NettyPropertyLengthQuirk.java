package io.mqttreactive.netty.internal.codec.oracle;

import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttConnAckVariableHeader;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;

/**
 * Recognises the packets that Netty 4.2.17's {@code MqttDecoder.decodeProperties} misreads. It counts the bytes of
 * the Property Length variable byte integer (MQTT 5.0 section 2.2.2.1) against the Property Length itself, so when
 * that integer takes L bytes (a property section of 128 bytes or more) it stops L bytes early: a last property of
 * at most L bytes, such as a one-byte property (Payload Format Indicator, Maximum QoS, the availability flags) or a
 * Subscription Identifier below 128, is dropped and its bytes are taken for what follows. Whether the last property
 * is such a one depends on the encoder's property order (Netty's own writes subscription identifiers and user
 * properties last), so the oracle leaves every packet out that has such a property in a section of 128 bytes or
 * more.
 */
final class NettyPropertyLengthQuirk {

    private NettyPropertyLengthQuirk() {
    }

    /** Assumes, for jqwik, that Netty's decoder reads the properties of {@code packet} correctly. */
    static void assumeNettyReadsPropertiesOf(MqttPacket packet) {
        MqttMessage message = NettyMessages.OMITTING_DEFAULTS.from(packet);
        try {
            Assume.that(!affects(message));
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    static boolean affects(MqttMessage message) {
        return sections(message).stream().anyMatch(NettyPropertyLengthQuirk::affects);
    }

    private static boolean affects(MqttProperties properties) {
        int length = 0;
        int shortest = Integer.MAX_VALUE;
        for (MqttProperty<?> property : properties.listAll()) {
            int size = size(property);
            length += size;
            shortest = Math.min(shortest, size);
        }
        return shortest <= variableByteIntegerSize(length) && variableByteIntegerSize(length) > 1;
    }

    private static List<MqttProperties> sections(MqttMessage message) {
        List<MqttProperties> sections = new ArrayList<>();
        Object header = message.variableHeader();
        if (header instanceof MqttConnectVariableHeader connect) {
            sections.add(connect.properties());
            sections.add(((MqttConnectPayload) message.payload()).willProperties());
        } else if (header instanceof MqttConnAckVariableHeader connAck) {
            sections.add(connAck.properties());
        } else if (header instanceof MqttPublishVariableHeader publish) {
            sections.add(publish.properties());
        } else if (header instanceof MqttPubReplyMessageVariableHeader reply) {
            sections.add(reply.properties());
        } else if (header instanceof MqttMessageIdAndPropertiesVariableHeader idAndProperties) {
            sections.add(idAndProperties.properties());
        } else if (header instanceof MqttReasonCodeAndPropertiesVariableHeader reasonCode) {
            sections.add(reasonCode.properties());
        }
        return sections;
    }

    private static int size(MqttProperty<?> property) {
        Object value = property.value();
        if (value instanceof String string) {
            return 3 + ByteBufUtil.utf8Bytes(string);
        }
        if (value instanceof byte[] bytes) {
            return 3 + bytes.length;
        }
        if (value instanceof List<?> pairs) {
            return pairs.stream().mapToInt(pair -> 5 + ByteBufUtil.utf8Bytes(((MqttProperties.StringPair) pair).key)
                    + ByteBufUtil.utf8Bytes(((MqttProperties.StringPair) pair).value)).sum();
        }
        int integer = (Integer) value;
        return 1 + switch (MqttPropertyType.valueOf(property.propertyId())) {
            case SERVER_KEEP_ALIVE, RECEIVE_MAXIMUM, TOPIC_ALIAS_MAXIMUM, TOPIC_ALIAS -> 2;
            case PUBLICATION_EXPIRY_INTERVAL, SESSION_EXPIRY_INTERVAL, WILL_DELAY_INTERVAL, MAXIMUM_PACKET_SIZE -> 4;
            case SUBSCRIPTION_IDENTIFIER -> variableByteIntegerSize(integer);
            default -> 1;
        };
    }

    private static int variableByteIntegerSize(int value) {
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }
}
