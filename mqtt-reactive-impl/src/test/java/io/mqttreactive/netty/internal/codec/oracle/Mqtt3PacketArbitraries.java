package io.mqttreactive.netty.internal.codec.oracle;

import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.binary;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.codePoints;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.nullableBinary;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.nullableUtf8;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.packetIds;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.payload;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.qos;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.topicFilters;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.topicNames;
import static io.mqttreactive.netty.internal.codec.oracle.WireArbitraries.utf8;

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
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of valid MQTT 3.1 and 3.1.1 packets (MQTT 3.1.1 chapter 3): every MQTT 5 field at its default; a 3.1
 * client identifier of 1 to 23 characters (MQTT 3.1 section 3.1), an empty 3.1.1 client identifier only with Clean
 * Session ([MQTT-3.1.3-7] 3.1.1); a password only with a user name ([MQTT-3.1.2-22] 3.1.1); QoS 0 PUBLISH with
 * packet id 0 and DUP 0 ([MQTT-2.3.1-5], [MQTT-3.3.1-2] 3.1.1); SUBACK return codes 0, 1, 2 and 0x80
 * ([MQTT-3.9.3-2] 3.1.1), without 0x80 in 3.1, which has no failure code; a 3.1 CONNACK without session present
 * (the flag is new in 3.1.1) and a 3.1.1 CONNACK with session present only on success ([MQTT-3.2.2-4] 3.1.1).
 */
final class Mqtt3PacketArbitraries {

    private Mqtt3PacketArbitraries() {
    }

    static Arbitrary<MqttVersion> versions() {
        return Arbitraries.of(MqttVersion.MQTT_3_1, MqttVersion.MQTT_3_1_1);
    }

    static Arbitrary<VersionedPacket> connect() {
        return versions().flatMap(version -> {
            Arbitrary<String> clientIds = version == MqttVersion.MQTT_3_1
                    ? utf8(codePoints(), 1, 11)
                    : utf8(20);
            Arbitrary<WillPacket> wills = Combinators.combine(topicNames(), binary(40), qos(), Arbitraries.of(true, false))
                    .as(WillPacket::of).injectNull(0.4);
            return Combinators.combine(clientIds, Arbitraries.of(true, false), WireArbitraries.twoByteIntegers(),
                            nullableUtf8(10), nullableBinary(12), wills)
                    .as((clientId, cleanSession, keepAlive, username, password, will) -> new VersionedPacket(version,
                            new ConnectPacket(version, clientId, cleanSession || clientId.isEmpty(), keepAlive,
                                    username, username == null ? null : password, will, 0,
                                    ConnectPacket.DEFAULT_RECEIVE_MAXIMUM, ConnectPacket.NO_MAXIMUM_PACKET_SIZE, 0,
                                    false, true, List.of(), null, null)));
        });
    }

    static Arbitrary<VersionedPacket> connAck() {
        return versions().flatMap(version -> Combinators.combine(Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 5))
                .as((sessionPresent, returnCode) -> new VersionedPacket(version, ConnAckPacket.of(
                        sessionPresent && returnCode == 0 && version == MqttVersion.MQTT_3_1_1, returnCode))));
    }

    static Arbitrary<VersionedPacket> publish() {
        return Combinators.combine(versions(), topicNames(), payload(), qos(), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), packetIds())
                .as((version, topic, payload, qos, retain, dup, packetId) -> new VersionedPacket(version,
                        qos == MqttQos.AT_MOST_ONCE
                                ? PublishPacket.of(topic, payload, qos, retain, false, 0)
                                : PublishPacket.of(topic, payload, qos, retain, dup, packetId)));
    }

    static Arbitrary<VersionedPacket> publishAcknowledgement() {
        return Combinators.combine(versions(), ackTypes(), packetIds())
                .as((version, type, packetId) -> new VersionedPacket(version, AckPacket.of(type, packetId)));
    }

    static Arbitrary<VersionedPacket> subscribe() {
        Arbitrary<SubscriptionRequest> request = Combinators.combine(topicFilters(), qos()).as(SubscriptionRequest::of);
        return Combinators.combine(versions(), packetIds(), request.list().ofMinSize(1).ofMaxSize(4))
                .as((version, packetId, requests) -> new VersionedPacket(version, SubscribePacket.of(packetId, requests)));
    }

    static Arbitrary<VersionedPacket> subAck() {
        return versions().flatMap(version -> {
            Arbitrary<Integer> codes = version == MqttVersion.MQTT_3_1 ? Arbitraries.of(0, 1, 2) : Arbitraries.of(0, 1, 2, 0x80);
            return Combinators.combine(packetIds(), codes.list().ofMinSize(1).ofMaxSize(5))
                    .as((packetId, returnCodes) -> new VersionedPacket(version, SubAckPacket.of(packetId, returnCodes)));
        });
    }

    static Arbitrary<VersionedPacket> unsubscribe() {
        return Combinators.combine(versions(), packetIds(), topicFilters().list().ofMinSize(1).ofMaxSize(4))
                .as((version, packetId, filters) -> new VersionedPacket(version, UnsubscribePacket.of(packetId, filters)));
    }

    static Arbitrary<VersionedPacket> unsubAck() {
        return Combinators.combine(versions(), packetIds())
                .as((version, packetId) -> new VersionedPacket(version, UnsubAckPacket.of(packetId, List.of())));
    }

    static Arbitrary<VersionedPacket> headerOnly() {
        return Combinators.combine(versions(), Arbitraries.<MqttPacket>of(PingReqPacket.INSTANCE, PingRespPacket.INSTANCE,
                DisconnectPacket.NORMAL)).as(VersionedPacket::new);
    }

    static Arbitrary<MqttPacketType> ackTypes() {
        return Arbitraries.of(MqttPacketType.PUBACK, MqttPacketType.PUBREC, MqttPacketType.PUBREL, MqttPacketType.PUBCOMP);
    }
}
