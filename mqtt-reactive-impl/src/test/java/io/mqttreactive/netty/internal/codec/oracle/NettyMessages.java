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
import static io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType.SUBSCRIPTION_IDENTIFIER;
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
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.mqttreactive.netty.internal.packet.WillPacket;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnAckVariableHeader;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscribePayload;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribePayload;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Converts model packets into Netty's {@link MqttMessage} types, so that Netty's {@code MqttEncoder} can encode them
 * (MQTT 3.1.1 chapter 3, MQTT 5.0 chapter 3). MQTT 5 properties at the model's absent or default value are left out,
 * or, by {@link #WRITING_DEFAULTS}, written wherever the standard allows the default on the wire.
 * A PUBLISH carries its payload in a buffer the encoder releases.
 */
final class NettyMessages {

    static final NettyMessages OMITTING_DEFAULTS = new NettyMessages(false);
    static final NettyMessages WRITING_DEFAULTS = new NettyMessages(true);

    private final boolean explicitDefaults;

    private NettyMessages(boolean explicitDefaults) {
        this.explicitDefaults = explicitDefaults;
    }

    MqttMessage from(MqttPacket packet) {
        if (packet instanceof ConnectPacket connect) {
            return connect(connect);
        }
        if (packet instanceof ConnAckPacket connAck) {
            return connAck(connAck);
        }
        if (packet instanceof PublishPacket publish) {
            return publish(publish);
        }
        if (packet instanceof AckPacket ack) {
            return new MqttMessage(header(ack.type()), new MqttPubReplyMessageVariableHeader(ack.packetId(),
                    (byte) ack.reasonCode(), reasonStringAndUserProperties(ack.reasonString(), ack.userProperties())));
        }
        if (packet instanceof SubscribePacket subscribe) {
            return subscribe(subscribe);
        }
        if (packet instanceof SubAckPacket subAck) {
            return new MqttSubAckMessage(header(MqttPacketType.SUBACK), idAndProperties(subAck.packetId(),
                    reasonStringAndUserProperties(subAck.reasonString(), subAck.userProperties())),
                    new MqttSubAckPayload(subAck.reasonCodes()));
        }
        if (packet instanceof UnsubscribePacket unsubscribe) {
            return new MqttUnsubscribeMessage(header(MqttPacketType.UNSUBSCRIBE), idAndProperties(
                    unsubscribe.packetId(), properties().userProperties(unsubscribe.userProperties())
                            .build()), new MqttUnsubscribePayload(unsubscribe.topicFilters()));
        }
        if (packet instanceof UnsubAckPacket unsubAck) {
            return new MqttUnsubAckMessage(header(MqttPacketType.UNSUBACK), idAndProperties(unsubAck.packetId(),
                    reasonStringAndUserProperties(unsubAck.reasonString(), unsubAck.userProperties())),
                    new MqttUnsubAckPayload(unsubAck.reasonCodes().stream().map(Integer::shortValue).toList()));
        }
        if (packet instanceof DisconnectPacket disconnect) {
            return new MqttMessage(header(MqttPacketType.DISCONNECT), new MqttReasonCodeAndPropertiesVariableHeader(
                    (byte) disconnect.reasonCode(), properties()
                            .integer(SESSION_EXPIRY_INTERVAL, disconnect.sessionExpiryInterval(),
                                    ConnAckPacket.ABSENT_SESSION_EXPIRY)
                            .reasonStringAndUserProperties(disconnect.reasonString(), disconnect.userProperties())
                            .string(SERVER_REFERENCE, disconnect.serverReference())
                            .build()));
        }
        if (packet instanceof AuthPacket auth) {
            return new MqttMessage(header(MqttPacketType.AUTH), new MqttReasonCodeAndPropertiesVariableHeader(
                    (byte) auth.reasonCode(), properties()
                            .string(AUTHENTICATION_METHOD, auth.authenticationMethod())
                            .binary(AUTHENTICATION_DATA, auth.authenticationData())
                            .reasonStringAndUserProperties(auth.reasonString(), auth.userProperties())
                            .build()));
        }
        return new MqttMessage(header(packet.type()));
    }

    static io.netty.handler.codec.mqtt.MqttVersion nettyVersion(MqttVersion version) {
        return switch (version) {
            case MQTT_3_1 -> io.netty.handler.codec.mqtt.MqttVersion.MQTT_3_1;
            case MQTT_3_1_1 -> io.netty.handler.codec.mqtt.MqttVersion.MQTT_3_1_1;
            case MQTT_5_0 -> io.netty.handler.codec.mqtt.MqttVersion.MQTT_5;
        };
    }

    private MqttConnectMessage connect(ConnectPacket connect) {
        WillPacket will = connect.will();
        MqttProperties properties = properties()
                .integer(SESSION_EXPIRY_INTERVAL, connect.sessionExpiryInterval(), 0)
                .integer(RECEIVE_MAXIMUM, connect.receiveMaximum(), ConnectPacket.DEFAULT_RECEIVE_MAXIMUM)
                .integer(MAXIMUM_PACKET_SIZE, connect.maximumPacketSize(), ConnectPacket.NO_MAXIMUM_PACKET_SIZE)
                .integer(TOPIC_ALIAS_MAXIMUM, connect.topicAliasMaximum(), 0)
                .flag(REQUEST_RESPONSE_INFORMATION, connect.requestResponseInformation(), false)
                .flag(REQUEST_PROBLEM_INFORMATION, connect.requestProblemInformation(), true)
                .userProperties(connect.userProperties())
                .string(AUTHENTICATION_METHOD, connect.authenticationMethod())
                .binary(AUTHENTICATION_DATA, connect.authenticationData())
                .build();
        MqttConnectVariableHeader variableHeader = new MqttConnectVariableHeader(connect.version().protocolName(),
                connect.version().protocolLevel(), connect.username() != null, connect.password() != null,
                will != null && will.retain(), will == null ? 0 : will.qos().code(), will != null,
                connect.cleanStart(), connect.keepAliveSeconds(), properties);
        MqttProperties willProperties = will == null ? MqttProperties.NO_PROPERTIES : properties()
                .integer(WILL_DELAY_INTERVAL, will.willDelayInterval(), 0)
                .integer(PUBLICATION_EXPIRY_INTERVAL, will.messageExpiryInterval(), PublishPacket.NO_MESSAGE_EXPIRY)
                .flag(PAYLOAD_FORMAT_INDICATOR, will.payloadFormatUtf8(), false)
                .string(CONTENT_TYPE, will.contentType())
                .string(RESPONSE_TOPIC, will.responseTopic())
                .binary(CORRELATION_DATA, will.correlationData())
                .userProperties(will.userProperties())
                .build();
        MqttConnectPayload payload = new MqttConnectPayload(connect.clientId(), willProperties,
                will == null ? null : will.topic(), will == null ? null : will.payload().clone(), connect.username(),
                connect.password() == null ? null : connect.password().clone());
        return new MqttConnectMessage(header(MqttPacketType.CONNECT), variableHeader, payload);
    }

    private MqttConnAckMessage connAck(ConnAckPacket connAck) {
        MqttProperties properties = properties()
                .integer(SESSION_EXPIRY_INTERVAL, connAck.sessionExpiryInterval(), ConnAckPacket.ABSENT_SESSION_EXPIRY)
                .integer(RECEIVE_MAXIMUM, connAck.receiveMaximum(), ConnectPacket.DEFAULT_RECEIVE_MAXIMUM)
                .integer(MAXIMUM_QOS, connAck.maximumQos(), 2)
                .flag(RETAIN_AVAILABLE, connAck.retainAvailable(), true)
                .integer(MAXIMUM_PACKET_SIZE, connAck.maximumPacketSize(), ConnectPacket.NO_MAXIMUM_PACKET_SIZE)
                .string(ASSIGNED_CLIENT_IDENTIFIER, connAck.assignedClientIdentifier())
                .integer(TOPIC_ALIAS_MAXIMUM, connAck.topicAliasMaximum(), 0)
                .reasonStringAndUserProperties(connAck.reasonString(), connAck.userProperties())
                .flag(WILDCARD_SUBSCRIPTION_AVAILABLE, connAck.wildcardSubscriptionAvailable(), true)
                .flag(SUBSCRIPTION_IDENTIFIER_AVAILABLE, connAck.subscriptionIdentifiersAvailable(), true)
                .flag(SHARED_SUBSCRIPTION_AVAILABLE, connAck.sharedSubscriptionAvailable(), true)
                .integer(SERVER_KEEP_ALIVE, connAck.serverKeepAlive(), ConnAckPacket.ABSENT_SERVER_KEEP_ALIVE)
                .string(RESPONSE_INFORMATION, connAck.responseInformation())
                .string(SERVER_REFERENCE, connAck.serverReference())
                .string(AUTHENTICATION_METHOD, connAck.authenticationMethod())
                .binary(AUTHENTICATION_DATA, connAck.authenticationData())
                .build();
        return new MqttConnAckMessage(header(MqttPacketType.CONNACK), new MqttConnAckVariableHeader(
                MqttConnectReturnCode.valueOf((byte) connAck.reasonCode()), connAck.sessionPresent(), properties));
    }

    private MqttPublishMessage publish(PublishPacket publish) {
        MqttProperties properties = properties()
                .integer(PUBLICATION_EXPIRY_INTERVAL, publish.messageExpiryInterval(), PublishPacket.NO_MESSAGE_EXPIRY)
                .flag(PAYLOAD_FORMAT_INDICATOR, publish.payloadFormatUtf8(), false)
                .string(CONTENT_TYPE, publish.contentType())
                .string(RESPONSE_TOPIC, publish.responseTopic())
                .binary(CORRELATION_DATA, publish.correlationData())
                .userProperties(publish.userProperties())
                .integer(TOPIC_ALIAS, publish.topicAlias(), 0)
                .subscriptionIdentifiers(publish.subscriptionIdentifiers())
                .build();
        MqttFixedHeader header = new MqttFixedHeader(MqttMessageType.PUBLISH, publish.dup(),
                MqttQoS.valueOf(publish.qos().code()), publish.retain(), 0);
        int packetId = publish.qos() == MqttQos.AT_MOST_ONCE ? -1 : publish.packetId();
        return new MqttPublishMessage(header, new MqttPublishVariableHeader(publish.topic(), packetId, properties),
                Unpooled.wrappedBuffer(publish.payload()));
    }

    private MqttSubscribeMessage subscribe(SubscribePacket subscribe) {
        MqttProperties properties = properties()
                .integer(SUBSCRIPTION_IDENTIFIER, subscribe.subscriptionIdentifier(), 0)
                .userProperties(subscribe.userProperties())
                .build();
        return new MqttSubscribeMessage(header(MqttPacketType.SUBSCRIBE),
                idAndProperties(subscribe.packetId(), properties),
                new MqttSubscribePayload(subscribe.subscriptions().stream().map(NettyMessages::subscription).toList()));
    }

    private static MqttTopicSubscription subscription(SubscriptionRequest request) {
        return new MqttTopicSubscription(request.topicFilter(), new MqttSubscriptionOption(
                MqttQoS.valueOf(request.maximumQos().code()), request.noLocal(), request.retainAsPublished(),
                MqttSubscriptionOption.RetainedHandlingPolicy.valueOf(request.retainHandling())));
    }

    private NettyPropertiesBuilder properties() {
        return new NettyPropertiesBuilder(explicitDefaults);
    }

    private static MqttFixedHeader header(MqttPacketType type) {
        MqttQoS qos = type.requiredFlags() == 0b0010 ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
        return new MqttFixedHeader(MqttMessageType.valueOf(type.code()), false, qos, false, 0);
    }

    private static MqttMessageIdAndPropertiesVariableHeader idAndProperties(int packetId, MqttProperties properties) {
        return new MqttMessageIdAndPropertiesVariableHeader(packetId, properties);
    }

    private MqttProperties reasonStringAndUserProperties(@Nullable String reasonString,
            List<UserProperty> userProperties) {
        return properties().reasonStringAndUserProperties(reasonString, userProperties).build();
    }
}
