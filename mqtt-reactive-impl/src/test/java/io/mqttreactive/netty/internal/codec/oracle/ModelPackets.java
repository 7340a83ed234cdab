package io.mqttreactive.netty.internal.codec.oracle;

import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.ASSIGNED_CLIENT_IDENTIFIER;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.AUTHENTICATION_DATA;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.AUTHENTICATION_METHOD;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.CONTENT_TYPE;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.CORRELATION_DATA;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.MAXIMUM_PACKET_SIZE;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.MAXIMUM_QOS;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.PAYLOAD_FORMAT_INDICATOR;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.REQUEST_PROBLEM_INFORMATION;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.REQUEST_RESPONSE_INFORMATION;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.RESPONSE_INFORMATION;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.RESPONSE_TOPIC;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.RETAIN_AVAILABLE;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.SERVER_KEEP_ALIVE;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.SERVER_REFERENCE;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.SESSION_EXPIRY_INTERVAL;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.SHARED_SUBSCRIPTION_AVAILABLE;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.SUBSCRIPTION_IDENTIFIER_AVAILABLE;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.TOPIC_ALIAS;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.TOPIC_ALIAS_MAXIMUM;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.WILDCARD_SUBSCRIPTION_AVAILABLE;
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.WILL_DELAY_INTERVAL;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.AuthPacket;
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
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;

/**
 * Converts the {@link MqttMessage} Netty's {@code MqttDecoder} produced into model packets (MQTT 3.1.1 chapter 3,
 * MQTT 5.0 chapter 3). Missing MQTT 5 properties become the model's absent or default values; through
 * {@link ModelPropertiesReader} a property present at its default or not allowed in the packet fails the test.
 */
final class ModelPackets {

    private ModelPackets() {
    }

    static MqttPacket from(MqttMessage message) {
        MqttPacketType type = MqttPacketType.fromCode(message.fixedHeader().messageType().value());
        return switch (type) {
            case CONNECT -> connect((MqttConnectMessage) message);
            case CONNACK -> connAck((MqttConnAckMessage) message);
            case PUBLISH -> publish((MqttPublishMessage) message);
            case PUBACK, PUBREC, PUBREL, PUBCOMP -> ack(type, (MqttPubReplyMessageVariableHeader) message.variableHeader());
            case SUBSCRIBE -> subscribe((MqttSubscribeMessage) message);
            case SUBACK -> subAck((MqttSubAckMessage) message);
            case UNSUBSCRIBE -> unsubscribe((MqttUnsubscribeMessage) message);
            case UNSUBACK -> unsubAck((MqttUnsubAckMessage) message);
            case PINGREQ -> PingReqPacket.INSTANCE;
            case PINGRESP -> PingRespPacket.INSTANCE;
            case DISCONNECT -> disconnect((MqttReasonCodeAndPropertiesVariableHeader) message.variableHeader());
            case AUTH -> auth((MqttReasonCodeAndPropertiesVariableHeader) message.variableHeader());
        };
    }

    private static ConnectPacket connect(MqttConnectMessage message) {
        MqttConnectVariableHeader header = message.variableHeader();
        MqttConnectPayload payload = message.payload();
        MqttVersion version = MqttVersion.fromProtocolLevel(header.version());
        ModelPropertiesReader properties = new ModelPropertiesReader(header.properties(), "CONNECT");
        ConnectPacket connect = new ConnectPacket(version, payload.clientIdentifier(), header.isCleanSession(),
                header.keepAliveTimeSeconds(), header.hasUserName() ? payload.userName() : null,
                header.hasPassword() ? payload.passwordInBytes() : null, header.isWillFlag() ? will(message) : null,
                properties.fourByteInteger(SESSION_EXPIRY_INTERVAL, 0),
                properties.twoByteInteger(RECEIVE_MAXIMUM, ConnectPacket.DEFAULT_RECEIVE_MAXIMUM),
                properties.fourByteInteger(MAXIMUM_PACKET_SIZE, ConnectPacket.NO_MAXIMUM_PACKET_SIZE),
                properties.twoByteInteger(TOPIC_ALIAS_MAXIMUM, 0),
                properties.flag(REQUEST_RESPONSE_INFORMATION, false),
                properties.flag(REQUEST_PROBLEM_INFORMATION, true),
                properties.userProperties(),
                properties.string(AUTHENTICATION_METHOD),
                properties.binary(AUTHENTICATION_DATA));
        properties.checkAllRead();
        return connect;
    }

    private static WillPacket will(MqttConnectMessage message) {
        MqttConnectPayload payload = message.payload();
        ModelPropertiesReader properties = new ModelPropertiesReader(payload.willProperties(), "CONNECT will");
        WillPacket will = new WillPacket(payload.willTopic(), payload.willMessageInBytes(),
                MqttQos.fromCode(message.variableHeader().willQos()), message.variableHeader().isWillRetain(),
                properties.fourByteInteger(WILL_DELAY_INTERVAL, 0),
                properties.fourByteInteger(PUBLICATION_EXPIRY_INTERVAL, PublishPacket.NO_MESSAGE_EXPIRY),
                properties.flag(PAYLOAD_FORMAT_INDICATOR, false),
                properties.string(CONTENT_TYPE),
                properties.string(RESPONSE_TOPIC),
                properties.binary(CORRELATION_DATA),
                properties.userProperties());
        properties.checkAllRead();
        return will;
    }

    private static ConnAckPacket connAck(MqttConnAckMessage message) {
        ModelPropertiesReader properties = new ModelPropertiesReader(message.variableHeader().properties(), "CONNACK");
        ConnAckPacket connAck = new ConnAckPacket(message.variableHeader().isSessionPresent(),
                message.variableHeader().connectReturnCode().byteValue() & 0xFF,
                properties.fourByteInteger(SESSION_EXPIRY_INTERVAL, ConnAckPacket.ABSENT_SESSION_EXPIRY),
                properties.twoByteInteger(RECEIVE_MAXIMUM, ConnectPacket.DEFAULT_RECEIVE_MAXIMUM),
                properties.twoByteInteger(MAXIMUM_QOS, 2),
                properties.flag(RETAIN_AVAILABLE, true),
                properties.fourByteInteger(MAXIMUM_PACKET_SIZE, ConnectPacket.NO_MAXIMUM_PACKET_SIZE),
                properties.string(ASSIGNED_CLIENT_IDENTIFIER),
                properties.twoByteInteger(TOPIC_ALIAS_MAXIMUM, 0),
                properties.reasonString(),
                properties.userProperties(),
                properties.flag(WILDCARD_SUBSCRIPTION_AVAILABLE, true),
                properties.flag(SUBSCRIPTION_IDENTIFIER_AVAILABLE, true),
                properties.flag(SHARED_SUBSCRIPTION_AVAILABLE, true),
                properties.twoByteInteger(SERVER_KEEP_ALIVE, ConnAckPacket.ABSENT_SERVER_KEEP_ALIVE),
                properties.string(RESPONSE_INFORMATION),
                properties.string(SERVER_REFERENCE),
                properties.string(AUTHENTICATION_METHOD),
                properties.binary(AUTHENTICATION_DATA));
        properties.checkAllRead();
        return connAck;
    }

    private static PublishPacket publish(MqttPublishMessage message) {
        ModelPropertiesReader properties = new ModelPropertiesReader(message.variableHeader().properties(), "PUBLISH");
        MqttQos qos = MqttQos.fromCode(message.fixedHeader().qosLevel().value());
        PublishPacket publish = new PublishPacket(message.variableHeader().topicName(),
                ByteBufUtil.getBytes(message.payload()), qos, message.fixedHeader().isRetain(),
                message.fixedHeader().isDup(), qos == MqttQos.AT_MOST_ONCE ? 0 : message.variableHeader().packetId(),
                properties.fourByteInteger(PUBLICATION_EXPIRY_INTERVAL, PublishPacket.NO_MESSAGE_EXPIRY),
                properties.flag(PAYLOAD_FORMAT_INDICATOR, false),
                properties.string(CONTENT_TYPE),
                properties.string(RESPONSE_TOPIC),
                properties.binary(CORRELATION_DATA),
                properties.userProperties(),
                properties.twoByteInteger(TOPIC_ALIAS, 0),
                properties.subscriptionIdentifiers());
        properties.checkAllRead();
        return publish;
    }

    private static AckPacket ack(MqttPacketType type, MqttPubReplyMessageVariableHeader header) {
        ModelPropertiesReader properties = new ModelPropertiesReader(header.properties(), type.name());
        AckPacket ack = new AckPacket(type, header.messageId(), header.reasonCode() & 0xFF,
                properties.reasonString(), properties.userProperties());
        properties.checkAllRead();
        return ack;
    }

    private static SubscribePacket subscribe(MqttSubscribeMessage message) {
        MqttMessageIdAndPropertiesVariableHeader header = message.idAndPropertiesVariableHeader();
        ModelPropertiesReader properties = new ModelPropertiesReader(header.properties(), "SUBSCRIBE");
        SubscribePacket subscribe = new SubscribePacket(header.messageId(),
                message.payload().topicSubscriptions().stream().map(subscription -> {
                    MqttSubscriptionOption option = subscription.option();
                    return new SubscriptionRequest(subscription.topicFilter(), MqttQos.fromCode(option.qos().value()),
                            option.isNoLocal(), option.isRetainAsPublished(), option.retainHandling().value());
                }).toList(),
                properties.singleSubscriptionIdentifier(),
                properties.userProperties());
        properties.checkAllRead();
        return subscribe;
    }

    private static SubAckPacket subAck(MqttSubAckMessage message) {
        MqttMessageIdAndPropertiesVariableHeader header = message.idAndPropertiesVariableHeader();
        ModelPropertiesReader properties = new ModelPropertiesReader(header.properties(), "SUBACK");
        SubAckPacket subAck = new SubAckPacket(header.messageId(), message.payload().reasonCodes(),
                properties.reasonString(), properties.userProperties());
        properties.checkAllRead();
        return subAck;
    }

    private static UnsubscribePacket unsubscribe(MqttUnsubscribeMessage message) {
        MqttMessageIdAndPropertiesVariableHeader header = message.idAndPropertiesVariableHeader();
        ModelPropertiesReader properties = new ModelPropertiesReader(header.properties(), "UNSUBSCRIBE");
        UnsubscribePacket unsubscribe = new UnsubscribePacket(header.messageId(), message.payload().topics(),
                properties.userProperties());
        properties.checkAllRead();
        return unsubscribe;
    }

    private static UnsubAckPacket unsubAck(MqttUnsubAckMessage message) {
        MqttMessageIdAndPropertiesVariableHeader header = message.idAndPropertiesVariableHeader();
        ModelPropertiesReader properties = new ModelPropertiesReader(header.properties(), "UNSUBACK");
        UnsubAckPacket unsubAck = new UnsubAckPacket(header.messageId(),
                message.payload().unsubscribeReasonCodes().stream().map(code -> code & 0xFF).toList(),
                properties.reasonString(), properties.userProperties());
        properties.checkAllRead();
        return unsubAck;
    }

    private static DisconnectPacket disconnect(MqttReasonCodeAndPropertiesVariableHeader header) {
        ModelPropertiesReader properties = new ModelPropertiesReader(header.properties(), "DISCONNECT");
        DisconnectPacket disconnect = new DisconnectPacket(header.reasonCode() & 0xFF,
                properties.fourByteInteger(SESSION_EXPIRY_INTERVAL, ConnAckPacket.ABSENT_SESSION_EXPIRY),
                properties.reasonString(), properties.userProperties(), properties.string(SERVER_REFERENCE));
        properties.checkAllRead();
        return disconnect;
    }

    private static AuthPacket auth(MqttReasonCodeAndPropertiesVariableHeader header) {
        ModelPropertiesReader properties = new ModelPropertiesReader(header.properties(), "AUTH");
        AuthPacket auth = new AuthPacket(header.reasonCode() & 0xFF, properties.string(AUTHENTICATION_METHOD),
                properties.binary(AUTHENTICATION_DATA), properties.reasonString(), properties.userProperties());
        properties.checkAllRead();
        return auth;
    }
}
