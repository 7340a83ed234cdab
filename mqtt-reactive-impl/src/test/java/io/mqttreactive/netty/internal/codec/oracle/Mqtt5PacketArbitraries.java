package io.mqttreactive.netty.internal.codec.oracle;

import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.MAX_FOUR_BYTE_INTEGER;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.binary;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.fourByteIntegers;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.nullableBinary;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.nullableUtf8;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.packetIds;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.payload;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.qos;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.topicNames;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.twoByteIntegers;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.userProperties;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.utf8;

import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import io.mqttreactive.netty.internal.packet.WillPacket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of valid MQTT 5.0 CONNECT, CONNACK and PUBLISH packets (MQTT 5.0 sections 3.1 to 3.3). Every property
 * is drawn either at its default, which the model's convention keeps off the wire, or at a legal value: Receive
 * Maximum 1..65,535, Maximum Packet Size 1..2^32-1, Maximum QoS 0 or 1, Topic Alias 1..65,535 ([MQTT-3.3.2-8] 5.0),
 * Subscription Identifiers 1..268,435,455; Authentication Data only with an Authentication Method; Session Present
 * only with a success reason code; a UTF-8 payload when the Payload Format Indicator says so; an empty topic name
 * only with a Topic Alias.
 */
final class Mqtt5PacketArbitraries {

    static final List<Integer> CONNACK_REASON_CODES = List.of(0x00, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87,
            0x88, 0x89, 0x8A, 0x8C, 0x90, 0x95, 0x97, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9F);

    private record Authentication(String method, byte[] data) {
    }

    private record Message(byte[] payload, boolean payloadFormatUtf8, long messageExpiryInterval, String contentType,
            String responseTopic, byte[] correlationData, List<UserProperty> userProperties) {
    }

    private record ConnectProperties(long sessionExpiryInterval, int receiveMaximum, long maximumPacketSize,
            int topicAliasMaximum, boolean requestResponseInformation, boolean requestProblemInformation,
            List<UserProperty> userProperties, Authentication authentication) {
    }

    private record ConnAckLimits(long sessionExpiryInterval, int receiveMaximum, int maximumQos, long maximumPacketSize,
            int topicAliasMaximum, int serverKeepAlive, boolean retainAvailable) {
    }

    private record ConnAckInformation(String assignedClientIdentifier, String reasonString,
            List<UserProperty> userProperties, String responseInformation, String serverReference,
            Authentication authentication) {
    }

    private Mqtt5PacketArbitraries() {
    }

    static <T> Arbitrary<T> orDefault(Arbitrary<T> values, T absent) {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(absent)), Tuple.of(2, values));
    }

    static Arbitrary<VersionedPacket> connect() {
        Arbitrary<ConnectProperties> properties = Combinators.combine(orDefault(fourByteIntegers(), 0L),
                        orDefault(Arbitraries.integers().between(1, 65_535), ConnectPacket.DEFAULT_RECEIVE_MAXIMUM),
                        orDefault(Arbitraries.longs().between(1, MAX_FOUR_BYTE_INTEGER), ConnectPacket.NO_MAXIMUM_PACKET_SIZE),
                        orDefault(twoByteIntegers(), 0), Arbitraries.of(true, false), Arbitraries.of(true, false),
                        userProperties(), authentication())
                .as(ConnectProperties::new);
        Arbitrary<WillPacket> wills = Combinators.combine(topicNames(), qos(), Arbitraries.of(true, false),
                        orDefault(fourByteIntegers(), 0L), message())
                .as((topic, qos, retain, willDelay, m) -> new WillPacket(topic, m.payload(), qos, retain, willDelay,
                        m.messageExpiryInterval(), m.payloadFormatUtf8(), m.contentType(), m.responseTopic(),
                        m.correlationData(), m.userProperties()))
                .injectNull(0.4);
        return Combinators.combine(utf8(20), Arbitraries.of(true, false), twoByteIntegers(), nullableUtf8(10),
                        nullableBinary(12), wills, properties)
                .as((clientId, cleanStart, keepAlive, username, password, will, p) -> new VersionedPacket(
                        MqttVersion.MQTT_5_0, new ConnectPacket(MqttVersion.MQTT_5_0, clientId, cleanStart, keepAlive,
                                username, password, will, p.sessionExpiryInterval(), p.receiveMaximum(),
                                p.maximumPacketSize(), p.topicAliasMaximum(), p.requestResponseInformation(),
                                p.requestProblemInformation(), p.userProperties(), p.authentication().method(),
                                p.authentication().data())));
    }

    static Arbitrary<VersionedPacket> connAck() {
        Arbitrary<ConnAckLimits> limits = Combinators.combine(
                        orDefault(fourByteIntegers(), ConnAckPacket.ABSENT_SESSION_EXPIRY),
                        orDefault(Arbitraries.integers().between(1, 65_535), ConnectPacket.DEFAULT_RECEIVE_MAXIMUM),
                        orDefault(Arbitraries.of(0, 1), 2),
                        orDefault(Arbitraries.longs().between(1, MAX_FOUR_BYTE_INTEGER), ConnectPacket.NO_MAXIMUM_PACKET_SIZE),
                        orDefault(twoByteIntegers(), 0),
                        orDefault(twoByteIntegers(), ConnAckPacket.ABSENT_SERVER_KEEP_ALIVE),
                        Arbitraries.of(true, false))
                .as(ConnAckLimits::new);
        Arbitrary<ConnAckInformation> information = Combinators.combine(nullableUtf8(12), nullableUtf8(12),
                        userProperties(), nullableUtf8(12), nullableUtf8(12), authentication())
                .as(ConnAckInformation::new);
        Arbitrary<List<Boolean>> availability = Arbitraries.of(true, false).list().ofSize(3);
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(CONNACK_REASON_CODES), limits,
                        information, availability)
                .as((sessionPresent, reasonCode, l, i, a) -> new VersionedPacket(MqttVersion.MQTT_5_0,
                        new ConnAckPacket(sessionPresent && reasonCode == 0, reasonCode, l.sessionExpiryInterval(),
                                l.receiveMaximum(), l.maximumQos(), l.retainAvailable(), l.maximumPacketSize(),
                                i.assignedClientIdentifier(), l.topicAliasMaximum(), i.reasonString(),
                                i.userProperties(), a.get(0), a.get(1), a.get(2), l.serverKeepAlive(),
                                i.responseInformation(), i.serverReference(), i.authentication().method(),
                                i.authentication().data())));
    }

    static Arbitrary<VersionedPacket> publish() {
        Arbitrary<List<Integer>> subscriptionIdentifiers = WireArbitraries.subscriptionIdentifiers().list().ofMaxSize(3);
        return Combinators.combine(topicNames(), qos(), Arbitraries.of(true, false), Arbitraries.of(true, false),
                        packetIds(), orDefault(twoByteIntegers().filter(alias -> alias > 0), 0), subscriptionIdentifiers,
                        message())
                .as((topic, qos, retain, dup, packetId, topicAlias, subscriptionIds, m) -> new VersionedPacket(
                        MqttVersion.MQTT_5_0, new PublishPacket(topicAlias > 0 && topic.length() % 3 == 0 ? "" : topic,
                                m.payload(), qos, retain, qos != MqttQos.AT_MOST_ONCE && dup,
                                qos == MqttQos.AT_MOST_ONCE ? 0 : packetId, m.messageExpiryInterval(),
                                m.payloadFormatUtf8(), m.contentType(), m.responseTopic(), m.correlationData(),
                                m.userProperties(), topicAlias, subscriptionIds)));
    }

    private static Arbitrary<Message> message() {
        Arbitrary<byte[]> utf8Payload = utf8(30).map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.of(true, false).flatMap(utf8 -> Combinators.combine(utf8 ? utf8Payload : payload(),
                        orDefault(fourByteIntegers(), PublishPacket.NO_MESSAGE_EXPIRY), nullableUtf8(10),
                        topicNames().injectNull(0.5), nullableBinary(16), userProperties())
                .as((payload, expiry, contentType, responseTopic, correlation, users) -> new Message(payload, utf8,
                        expiry, contentType, responseTopic, correlation, users)));
    }

    private static Arbitrary<Authentication> authentication() {
        return Combinators.combine(nullableUtf8(10), binary(16).injectNull(0.3))
                .as((method, data) -> new Authentication(method, method == null ? null : data));
    }
}
