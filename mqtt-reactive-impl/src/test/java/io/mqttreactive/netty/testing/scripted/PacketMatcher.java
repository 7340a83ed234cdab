package io.mqttreactive.netty.testing.scripted;

import io.mqttreactive.MqttQos;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PingReqPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.SubscribePacket;
import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a {@link ScriptedBroker} expects the client to send next: a packet type and conditions on its fields,
 * each with a description for failure messages ("PUBLISH with QoS 1 and packet id 1"). Immutable.
 *
 * @param <P> the packet type matched
 */
public final class PacketMatcher<P extends MqttPacket> {

    private final Class<P> type;
    private final String description;
    private final Predicate<? super P> condition;

    private PacketMatcher(Class<P> type, String description, Predicate<? super P> condition) {
        this.type = type;
        this.description = description;
        this.condition = condition;
    }

    /** Matches any packet of a type. */
    public static <P extends MqttPacket> PacketMatcher<P> of(Class<P> type, String description) {
        return new PacketMatcher<>(type, description, packet -> true);
    }

    /** Matches any packet at all. */
    public static PacketMatcher<MqttPacket> anyPacket() {
        return of(MqttPacket.class, "any packet");
    }

    public static PacketMatcher<ConnectPacket> isConnect() {
        return of(ConnectPacket.class, "CONNECT");
    }

    public static PacketMatcher<PublishPacket> isPublish() {
        return of(PublishPacket.class, "PUBLISH");
    }

    public static PacketMatcher<PublishPacket> isPublish(MqttQos qos) {
        return isPublish().and("QoS " + qos.code(), publish -> publish.qos() == qos);
    }

    public static PacketMatcher<PublishPacket> isPublish(MqttQos qos, int packetId) {
        return isPublish(qos).and("packet id " + packetId, publish -> publish.packetId() == packetId);
    }

    public static PacketMatcher<AckPacket> isPubAck(int packetId) {
        return isAck(MqttPacketType.PUBACK, packetId);
    }

    public static PacketMatcher<AckPacket> isPubRec(int packetId) {
        return isAck(MqttPacketType.PUBREC, packetId);
    }

    public static PacketMatcher<AckPacket> isPubRel(int packetId) {
        return isAck(MqttPacketType.PUBREL, packetId);
    }

    public static PacketMatcher<AckPacket> isPubComp(int packetId) {
        return isAck(MqttPacketType.PUBCOMP, packetId);
    }

    /** Matches PUBACK, PUBREC, PUBREL or PUBCOMP of a type, with any packet id. */
    public static PacketMatcher<AckPacket> isAck(MqttPacketType type) {
        return of(AckPacket.class, type.name()).and("", ack -> ack.type() == type);
    }

    public static PacketMatcher<AckPacket> isAck(MqttPacketType type, int packetId) {
        return isAck(type).and("packet id " + packetId, ack -> ack.packetId() == packetId);
    }

    public static PacketMatcher<SubscribePacket> isSubscribe() {
        return of(SubscribePacket.class, "SUBSCRIBE");
    }

    /** Matches a SUBSCRIBE for exactly these topic filters, in this order. */
    public static PacketMatcher<SubscribePacket> isSubscribe(String... filters) {
        List<String> expected = List.of(filters);
        return isSubscribe().and("for " + expected, subscribe -> subscribe.subscriptions().stream()
                .map(request -> request.topicFilter()).toList().equals(expected));
    }

    public static PacketMatcher<UnsubscribePacket> isUnsubscribe() {
        return of(UnsubscribePacket.class, "UNSUBSCRIBE");
    }

    /** Matches an UNSUBSCRIBE for exactly these topic filters, in this order. */
    public static PacketMatcher<UnsubscribePacket> isUnsubscribe(String... filters) {
        List<String> expected = List.of(filters);
        return isUnsubscribe().and("for " + expected, unsubscribe -> unsubscribe.topicFilters().equals(expected));
    }

    public static PacketMatcher<PingReqPacket> isPingReq() {
        return of(PingReqPacket.class, "PINGREQ");
    }

    public static PacketMatcher<DisconnectPacket> isDisconnect() {
        return of(DisconnectPacket.class, "DISCONNECT");
    }

    public static PacketMatcher<DisconnectPacket> isDisconnect(int reasonCode) {
        return isDisconnect().and("reason code 0x" + Integer.toHexString(reasonCode),
                disconnect -> disconnect.reasonCode() == reasonCode);
    }

    /** Returns a matcher that also requires {@code condition}; {@code description} names it in messages. */
    public PacketMatcher<P> and(String description, Predicate<? super P> condition) {
        Objects.requireNonNull(condition, "condition");
        Predicate<? super P> first = this.condition;
        String combined = description.isEmpty() ? this.description
                : this.description + (this.description.contains(" with ") ? " and " : " with ") + description;
        return new PacketMatcher<>(type, combined, packet -> first.test(packet) && condition.test(packet));
    }

    public boolean matches(MqttPacket packet) {
        return type.isInstance(packet) && condition.test(type.cast(packet));
    }

    /** Returns the packet as the matched type; call only after {@link #matches(MqttPacket)}. */
    public P cast(MqttPacket packet) {
        return type.cast(packet);
    }

    @Override
    public String toString() {
        return description;
    }
}
