package io.mqttreactive.netty.internal.codec.oracle;

import static io.mqttreactive.netty.internal.codec.oracle.Mqtt5PacketArbitraries.orDefault;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.fourByteIntegers;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.nullableBinary;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.nullableUtf8;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.packetIds;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.qos;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.topicFilters;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.userProperties;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.utf8WithByteOrderMark;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.AuthPacket;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PingReqPacket;
import io.mqttreactive.netty.internal.packet.PingRespPacket;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.SubscriptionRequest;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of valid MQTT 5.0 acknowledgements, SUBSCRIBE, UNSUBSCRIBE, DISCONNECT, AUTH and PING packets (MQTT 5.0
 * sections 3.4 to 3.15), each with a reason code its packet type defines (section 2.4), and subscription options
 * with Retain Handling 0..2 and no No Local on a shared subscription ([MQTT-3.8.3-4] 5.0). AUTH always carries its
 * Authentication Method, which section 3.15.2.2.2 requires.
 */
final class Mqtt5AckArbitraries {

    static final List<Integer> PUBACK_REASON_CODES = List.of(0x00, 0x10, 0x80, 0x83, 0x87, 0x90, 0x91, 0x97, 0x99);
    static final List<Integer> PUBREL_REASON_CODES = List.of(0x00, 0x92);
    static final List<Integer> SUBACK_REASON_CODES = List.of(0x00, 0x01, 0x02, 0x80, 0x83, 0x87, 0x8F, 0x91, 0x97,
            0x9E, 0xA1, 0xA2);
    static final List<Integer> UNSUBACK_REASON_CODES = List.of(0x00, 0x11, 0x80, 0x83, 0x87, 0x8F, 0x91);
    static final List<Integer> DISCONNECT_REASON_CODES = List.of(0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x87, 0x89,
            0x8B, 0x8D, 0x8E, 0x8F, 0x90, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F,
            0xA0, 0xA1, 0xA2);
    static final List<Integer> AUTH_REASON_CODES = List.of(0x00, AuthPacket.CONTINUE_AUTHENTICATION,
            AuthPacket.RE_AUTHENTICATE);

    private Mqtt5AckArbitraries() {
    }

    static Arbitrary<VersionedPacket> publishAcknowledgement() {
        return Mqtt3PacketArbitraries.ackTypes().flatMap(type -> {
            List<Integer> codes = type == MqttPacketType.PUBACK || type == MqttPacketType.PUBREC
                    ? PUBACK_REASON_CODES
                    : PUBREL_REASON_CODES;
            return Combinators.combine(packetIds(), Arbitraries.of(codes), nullableUtf8(12), userProperties())
                    .as((packetId, reasonCode, reasonString, users) -> v5(
                            new AckPacket(type, packetId, reasonCode, reasonString, users)));
        });
    }

    static Arbitrary<VersionedPacket> subscribe() {
        Arbitrary<SubscriptionRequest> plain = Combinators.combine(topicFilters(), qos(), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.integers().between(0, 2))
                .as(SubscriptionRequest::new);
        Arbitrary<SubscriptionRequest> shared = Combinators.combine(WireArbitraries.sharedTopicFilters(), qos(),
                        Arbitraries.of(true, false), Arbitraries.integers().between(0, 2))
                .as((filter, qos, retainAsPublished, retainHandling) -> new SubscriptionRequest(filter, qos, false,
                        retainAsPublished, retainHandling));
        Arbitrary<SubscriptionRequest> request = Arbitraries.frequencyOf(Tuple.of(4, plain), Tuple.of(1, shared));
        return Combinators.combine(packetIds(), request.list().ofMinSize(1).ofMaxSize(4),
                        orDefault(WireArbitraries.subscriptionIdentifiers(), 0), userProperties())
                .as((packetId, requests, subscriptionId, users) -> v5(
                        new SubscribePacket(packetId, requests, subscriptionId, users)));
    }

    static Arbitrary<VersionedPacket> subAck() {
        return Combinators.combine(packetIds(), Arbitraries.of(SUBACK_REASON_CODES).list().ofMinSize(1).ofMaxSize(5),
                        nullableUtf8(12), userProperties())
                .as((packetId, codes, reasonString, users) -> v5(new SubAckPacket(packetId, codes, reasonString, users)));
    }

    static Arbitrary<VersionedPacket> unsubscribe() {
        return Combinators.combine(packetIds(), topicFilters().list().ofMinSize(1).ofMaxSize(4), userProperties())
                .as((packetId, filters, users) -> v5(new UnsubscribePacket(packetId, filters, users)));
    }

    static Arbitrary<VersionedPacket> unsubAck() {
        return Combinators.combine(packetIds(), Arbitraries.of(UNSUBACK_REASON_CODES).list().ofMinSize(1).ofMaxSize(5),
                        nullableUtf8(12), userProperties())
                .as((packetId, codes, reasonString, users) -> v5(
                        new UnsubAckPacket(packetId, codes, reasonString, users)));
    }

    static Arbitrary<VersionedPacket> disconnect() {
        return Combinators.combine(Arbitraries.of(DISCONNECT_REASON_CODES),
                        orDefault(fourByteIntegers(), ConnAckPacket.ABSENT_SESSION_EXPIRY), nullableUtf8(12),
                        userProperties(), nullableUtf8(12))
                .as((reasonCode, sessionExpiry, reasonString, users, serverReference) -> v5(
                        new DisconnectPacket(reasonCode, sessionExpiry, reasonString, users, serverReference)));
    }

    static Arbitrary<VersionedPacket> auth() {
        return Combinators.combine(Arbitraries.of(AUTH_REASON_CODES), utf8WithByteOrderMark(10), nullableBinary(16),
                        nullableUtf8(12), userProperties())
                .as((reasonCode, method, data, reasonString, users) -> v5(
                        new AuthPacket(reasonCode, method, data, reasonString, users)));
    }

    static Arbitrary<VersionedPacket> ping() {
        return Arbitraries.<MqttPacket>of(PingReqPacket.INSTANCE, PingRespPacket.INSTANCE).map(Mqtt5AckArbitraries::v5);
    }

    private static VersionedPacket v5(MqttPacket packet) {
        return new VersionedPacket(MqttVersion.MQTT_5_0, packet);
    }
}
