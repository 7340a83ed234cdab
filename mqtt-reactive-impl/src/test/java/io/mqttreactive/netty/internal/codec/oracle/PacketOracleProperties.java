package io.mqttreactive.netty.internal.codec.oracle;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The differential properties shared by the directions of the Netty oracle: one property per packet type and
 * protocol family, over valid packets of MQTT 3.1 and 3.1.1 or of MQTT 5.0 (AUTH only in 5.0), so that a failure in
 * one version does not hide the others. A subclass states what must hold for one generated packet.
 *
 * <p>netty-codec-mqtt 4.2.17 decodes and encodes every packet type in every version, the client-bound ones
 * (CONNACK, SUBACK, UNSUBACK, PINGRESP, server DISCONNECT, AUTH) and the 3.1 CONNACK included, so no packet type is
 * left out. The generators keep within these limits of Netty, read in {@code MqttDecoder}, {@code MqttEncoder} and
 * {@code MqttCodecUtil} (their 4.2.17 byte code; the stored netty/netty sources are older but alike here), each of
 * which a valid packet meets anyway:
 * <ul>
 *   <li>an MQTT 3.1 client identifier has 1 to 23 characters: {@code MqttCodecUtil.isValidClientId} rejects others
 *       in both the encoder and the decoder (it is also the rule of MQTT 3.1 section 3.1); the generator uses at
 *       most 11 code points, 22 UTF-16 characters;</li>
 *   <li>a will topic stays below 32,768 bytes: the decoder reads it with {@code decodeString(buffer, 0, 32767)},
 *       which gives {@code null} for a longer one;</li>
 *   <li>an MQTT 3.1 CONNACK has no session present: Netty takes bit 0 of the first byte as the flag in every
 *       version, while in 3.1 that byte is unused (the flag came with 3.1.1);</li>
 *   <li>CONNACK, SUBACK and UNSUBACK codes are those the standard defines for the packet type: Netty maps them
 *       through {@code MqttConnectReturnCode}, {@code MqttReasonCodes.SubAck} and {@code MqttReasonCodes.UnsubAck},
 *       whose {@code valueOf} throws on any other code;</li>
 *   <li>every packet but CONNECT needs the version, which Netty only learns from a CONNECT on the same channel:
 *       {@link NettyCodec} sets it in the channel attribute instead; Netty's default limit of 8,092 bytes a message
 *       is raised to 1 MiB.</li>
 * </ul>
 */
abstract class PacketOracleProperties {

    static final int TRIES = 200;

    /** Asserts the differential property for one valid packet of one version. */
    abstract void check(VersionedPacket packet);

    @Property(tries = TRIES)
    void mqtt3Connect(@ForAll("mqtt3ConnectPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt3ConnAck(@ForAll("mqtt3ConnAckPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt3Publish(@ForAll("mqtt3PublishPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt3PublishAcknowledgement(@ForAll("mqtt3PublishAcknowledgementPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt3Subscribe(@ForAll("mqtt3SubscribePackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt3SubAck(@ForAll("mqtt3SubAckPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt3Unsubscribe(@ForAll("mqtt3UnsubscribePackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt3UnsubAck(@ForAll("mqtt3UnsubAckPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt3PingAndDisconnect(@ForAll("mqtt3PingAndDisconnectPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt5Connect(@ForAll("mqtt5ConnectPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt5ConnAck(@ForAll("mqtt5ConnAckPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt5Publish(@ForAll("mqtt5PublishPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt5PublishAcknowledgement(@ForAll("mqtt5PublishAcknowledgementPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt5Subscribe(@ForAll("mqtt5SubscribePackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt5SubAck(@ForAll("mqtt5SubAckPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt5Unsubscribe(@ForAll("mqtt5UnsubscribePackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt5UnsubAck(@ForAll("mqtt5UnsubAckPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt5Ping(@ForAll("mqtt5PingPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt5Disconnect(@ForAll("mqtt5DisconnectPackets") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void mqtt5Auth(@ForAll("mqtt5AuthPackets") VersionedPacket packet) {
        check(packet);
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt3ConnectPackets() {
        return Mqtt3PacketArbitraries.connect();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt3ConnAckPackets() {
        return Mqtt3PacketArbitraries.connAck();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt3PublishPackets() {
        return Mqtt3PacketArbitraries.publish();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt3PublishAcknowledgementPackets() {
        return Mqtt3PacketArbitraries.publishAcknowledgement();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt3SubscribePackets() {
        return Mqtt3PacketArbitraries.subscribe();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt3SubAckPackets() {
        return Mqtt3PacketArbitraries.subAck();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt3UnsubscribePackets() {
        return Mqtt3PacketArbitraries.unsubscribe();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt3UnsubAckPackets() {
        return Mqtt3PacketArbitraries.unsubAck();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt3PingAndDisconnectPackets() {
        return Mqtt3PacketArbitraries.headerOnly();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt5ConnectPackets() {
        return Mqtt5PacketArbitraries.connect();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt5ConnAckPackets() {
        return Mqtt5PacketArbitraries.connAck();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt5PublishPackets() {
        return Mqtt5PacketArbitraries.publish();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt5PublishAcknowledgementPackets() {
        return Mqtt5AckArbitraries.publishAcknowledgement();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt5SubscribePackets() {
        return Mqtt5AckArbitraries.subscribe();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt5SubAckPackets() {
        return Mqtt5AckArbitraries.subAck();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt5UnsubscribePackets() {
        return Mqtt5AckArbitraries.unsubscribe();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt5UnsubAckPackets() {
        return Mqtt5AckArbitraries.unsubAck();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt5PingPackets() {
        return Mqtt5AckArbitraries.ping();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt5DisconnectPackets() {
        return Mqtt5AckArbitraries.disconnect();
    }

    @Provide
    Arbitrary<VersionedPacket> mqtt5AuthPackets() {
        return Mqtt5AckArbitraries.auth();
    }
}
