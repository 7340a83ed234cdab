package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.CodecTestSupport.assertEncodeInvalid;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.AckPacket;
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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MQTT 3.x cannot carry MQTT 5 properties, reason codes or subscription options: a packet holding any of them away
 * from its default is refused as invalid rather than sent without it, which would lose the caller's data unseen.
 */
class Mqtt311Mqtt5FieldRejectionTest {

    private static final List<UserProperty> USER_PROPERTIES = List.of(new UserProperty("k", "v"));
    private static final byte[] DATA = {1};

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("packetsWithMqtt5Fields")
    void refused(MqttVersion version, String field, MqttPacket packet) {
        assertEncodeInvalid(packet, version).hasMessageContaining(field).hasMessageContaining("requires MQTT 5");
    }

    static Stream<Arguments> packetsWithMqtt5Fields() {
        return Stream.of(MqttVersion.MQTT_3_1, MqttVersion.MQTT_3_1_1)
                .flatMap(version -> Stream.of(connect(version), will(version), connAck(), publish(), acks(),
                        subscribe(), others()).flatMap(s -> s).map(a -> Arguments.of(version, a[0], a[1])));
    }

    private static Stream<Object[]> connect(MqttVersion v) {
        return Stream.of(
                row("CONNECT session expiry interval", connect(v, 10, 65_535, 0, 0, false, true, List.of(), null, null)),
                row("CONNECT receive maximum", connect(v, 0, 10, 0, 0, false, true, List.of(), null, null)),
                row("CONNECT maximum packet size", connect(v, 0, 65_535, 1_000, 0, false, true, List.of(), null, null)),
                row("CONNECT topic alias maximum", connect(v, 0, 65_535, 0, 5, false, true, List.of(), null, null)),
                row("CONNECT request response information",
                        connect(v, 0, 65_535, 0, 0, true, true, List.of(), null, null)),
                row("CONNECT request problem information",
                        connect(v, 0, 65_535, 0, 0, false, false, List.of(), null, null)),
                row("CONNECT user properties", connect(v, 0, 65_535, 0, 0, false, true, USER_PROPERTIES, null, null)),
                row("CONNECT authentication method", connect(v, 0, 65_535, 0, 0, false, true, List.of(), "m", null)),
                row("CONNECT authentication data", connect(v, 0, 65_535, 0, 0, false, true, List.of(), null, DATA)));
    }

    private static Stream<Object[]> will(MqttVersion v) {
        return Stream.of(
                row("will delay interval", withWill(v, will(5, -1, false, null, null, null, List.of()))),
                row("will message expiry interval", withWill(v, will(0, 60, false, null, null, null, List.of()))),
                row("will payload format indicator", withWill(v, will(0, -1, true, null, null, null, List.of()))),
                row("will content type", withWill(v, will(0, -1, false, "text/plain", null, null, List.of()))),
                row("will response topic", withWill(v, will(0, -1, false, null, "r", null, List.of()))),
                row("will correlation data", withWill(v, will(0, -1, false, null, null, DATA, List.of()))),
                row("will user properties", withWill(v, will(0, -1, false, null, null, null, USER_PROPERTIES))));
    }

    private static Stream<Object[]> connAck() {
        return Stream.of(
                row("CONNACK session expiry interval", connAck(30, 65_535, 2, null, null, List.of(), -1, null)),
                row("CONNACK receive maximum", connAck(-1, 20, 2, null, null, List.of(), -1, null)),
                row("CONNACK maximum QoS", connAck(-1, 65_535, 1, null, null, List.of(), -1, null)),
                row("CONNACK assigned client identifier", connAck(-1, 65_535, 2, "auto-1", null, List.of(), -1, null)),
                row("CONNACK reason string", connAck(-1, 65_535, 2, null, "why", List.of(), -1, null)),
                row("CONNACK user properties", connAck(-1, 65_535, 2, null, null, USER_PROPERTIES, -1, null)),
                row("CONNACK server keep alive", connAck(-1, 65_535, 2, null, null, List.of(), 30, null)),
                row("CONNACK server reference", connAck(-1, 65_535, 2, null, null, List.of(), -1, "other")));
    }

    private static Stream<Object[]> publish() {
        return Stream.of(
                row("PUBLISH message expiry interval", publish(60, false, null, null, null, List.of(), 0, List.of())),
                row("PUBLISH payload format indicator", publish(-1, true, null, null, null, List.of(), 0, List.of())),
                row("PUBLISH content type", publish(-1, false, "a/b", null, null, List.of(), 0, List.of())),
                row("PUBLISH response topic", publish(-1, false, null, "r", null, List.of(), 0, List.of())),
                row("PUBLISH correlation data", publish(-1, false, null, null, DATA, List.of(), 0, List.of())),
                row("PUBLISH user properties", publish(-1, false, null, null, null, USER_PROPERTIES, 0, List.of())),
                row("PUBLISH topic alias", publish(-1, false, null, null, null, List.of(), 3, List.of())),
                row("PUBLISH subscription identifiers", publish(-1, false, null, null, null, List.of(), 0, List.of(7))));
    }

    private static Stream<Object[]> acks() {
        return Stream.of(
                row("PUBACK reason code", AckPacket.of(MqttPacketType.PUBACK, 1, 0x10)),
                row("PUBREC reason code", AckPacket.of(MqttPacketType.PUBREC, 1, 0x80)),
                row("PUBREL reason code", AckPacket.of(MqttPacketType.PUBREL, 1, 0x92)),
                row("PUBCOMP reason code", AckPacket.of(MqttPacketType.PUBCOMP, 1, 0x92)),
                row("PUBACK reason string", new AckPacket(MqttPacketType.PUBACK, 1, 0, "ok", List.of())),
                row("PUBCOMP user properties", new AckPacket(MqttPacketType.PUBCOMP, 1, 0, null, USER_PROPERTIES)));
    }

    private static Stream<Object[]> subscribe() {
        return Stream.of(
                row("SUBSCRIBE no local option", subscribe(new SubscriptionRequest("a", MqttQos.AT_MOST_ONCE, true,
                        false, 0), 0, List.of())),
                row("SUBSCRIBE retain as published option", subscribe(new SubscriptionRequest("a",
                        MqttQos.AT_MOST_ONCE, false, true, 0), 0, List.of())),
                row("SUBSCRIBE retain handling option", subscribe(new SubscriptionRequest("a", MqttQos.AT_MOST_ONCE,
                        false, false, 2), 0, List.of())),
                row("SUBSCRIBE subscription identifier", subscribe(SubscriptionRequest.of("a", MqttQos.AT_MOST_ONCE),
                        12, List.of())),
                row("SUBSCRIBE user properties", subscribe(SubscriptionRequest.of("a", MqttQos.AT_MOST_ONCE), 0,
                        USER_PROPERTIES)),
                row("SUBACK reason string", new SubAckPacket(1, List.of(0), "why", List.of())),
                row("SUBACK user properties", new SubAckPacket(1, List.of(0), null, USER_PROPERTIES)),
                row("UNSUBSCRIBE user properties", new UnsubscribePacket(1, List.of("a"), USER_PROPERTIES)),
                row("UNSUBACK reason codes", UnsubAckPacket.of(1, List.of(0))),
                row("UNSUBACK reason string", new UnsubAckPacket(1, List.of(), "why", List.of())),
                row("UNSUBACK user properties", new UnsubAckPacket(1, List.of(), null, USER_PROPERTIES)));
    }

    private static Stream<Object[]> others() {
        return Stream.of(
                row("DISCONNECT reason code", DisconnectPacket.of(0x04)),
                row("DISCONNECT session expiry interval", new DisconnectPacket(0, 0, null, List.of(), null)),
                row("DISCONNECT reason string", new DisconnectPacket(0, -1, "bye", List.of(), null)),
                row("DISCONNECT user properties", new DisconnectPacket(0, -1, null, USER_PROPERTIES, null)),
                row("DISCONNECT server reference", new DisconnectPacket(0, -1, null, List.of(), "elsewhere")));
    }

    private static Object[] row(String field, MqttPacket packet) {
        return new Object[] {field, packet};
    }

    private static ConnectPacket connect(MqttVersion v, long sessionExpiry, int receiveMaximum, long maximumPacketSize,
            int topicAliasMaximum, boolean requestResponse, boolean requestProblem, List<UserProperty> userProperties,
            String authMethod, byte[] authData) {
        return new ConnectPacket(v, "c", true, 0, null, null, null, sessionExpiry, receiveMaximum, maximumPacketSize,
                topicAliasMaximum, requestResponse, requestProblem, userProperties, authMethod, authData);
    }

    private static ConnectPacket withWill(MqttVersion v, WillPacket will) {
        return Mqtt311ConnectCodecTest.connect(v, "c", true, 0, null, null, will);
    }

    private static WillPacket will(long delay, long expiry, boolean utf8, String contentType, String responseTopic,
            byte[] correlationData, List<UserProperty> userProperties) {
        return new WillPacket("w", new byte[0], MqttQos.AT_MOST_ONCE, false, delay, expiry, utf8, contentType,
                responseTopic, correlationData, userProperties);
    }

    private static ConnAckPacket connAck(long sessionExpiry, int receiveMaximum, int maximumQos, String assignedId,
            String reasonString, List<UserProperty> userProperties, int serverKeepAlive, String serverReference) {
        return new ConnAckPacket(false, 0, sessionExpiry, receiveMaximum, maximumQos, true, 0, assignedId, 0,
                reasonString, userProperties, true, true, true, serverKeepAlive, null, serverReference, null, null);
    }

    private static PublishPacket publish(long expiry, boolean utf8, String contentType, String responseTopic,
            byte[] correlationData, List<UserProperty> userProperties, int topicAlias, List<Integer> subscriptionIds) {
        return new PublishPacket("t", new byte[0], MqttQos.AT_LEAST_ONCE, false, false, 1, expiry, utf8, contentType,
                responseTopic, correlationData, userProperties, topicAlias, subscriptionIds);
    }

    private static SubscribePacket subscribe(SubscriptionRequest request, int subscriptionIdentifier,
            List<UserProperty> userProperties) {
        return new SubscribePacket(1, List.of(request), subscriptionIdentifier, userProperties);
    }
}
