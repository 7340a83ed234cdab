package io.mqttreactive.netty.internal.codec.oracle;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The differential properties shared by the directions of the Netty oracle: one property per packet type, each over
 * valid packets of every version that has the type (MQTT 3.1, 3.1.1 and 5.0; AUTH only in 5.0). A subclass states
 * what must hold for one generated packet.
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
    void connect(@ForAll("connects") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void connAck(@ForAll("connAcks") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void publish(@ForAll("publishes") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void publishAcknowledgement(@ForAll("publishAcknowledgements") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void subscribe(@ForAll("subscribes") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void subAck(@ForAll("subAcks") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void unsubscribe(@ForAll("unsubscribes") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void unsubAck(@ForAll("unsubAcks") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void pingAndDisconnect(@ForAll("pingsAndDisconnects") VersionedPacket packet) {
        check(packet);
    }

    @Property(tries = TRIES)
    void auth(@ForAll("auths") VersionedPacket packet) {
        check(packet);
    }

    @Provide
    Arbitrary<VersionedPacket> connects() {
        return Arbitraries.oneOf(Mqtt3PacketArbitraries.connect(), Mqtt5PacketArbitraries.connect());
    }

    @Provide
    Arbitrary<VersionedPacket> connAcks() {
        return Arbitraries.oneOf(Mqtt3PacketArbitraries.connAck(), Mqtt5PacketArbitraries.connAck());
    }

    @Provide
    Arbitrary<VersionedPacket> publishes() {
        return Arbitraries.oneOf(Mqtt3PacketArbitraries.publish(), Mqtt5PacketArbitraries.publish());
    }

    @Provide
    Arbitrary<VersionedPacket> publishAcknowledgements() {
        return Arbitraries.oneOf(Mqtt3PacketArbitraries.publishAcknowledgement(),
                Mqtt5AckArbitraries.publishAcknowledgement());
    }

    @Provide
    Arbitrary<VersionedPacket> subscribes() {
        return Arbitraries.oneOf(Mqtt3PacketArbitraries.subscribe(), Mqtt5AckArbitraries.subscribe());
    }

    @Provide
    Arbitrary<VersionedPacket> subAcks() {
        return Arbitraries.oneOf(Mqtt3PacketArbitraries.subAck(), Mqtt5AckArbitraries.subAck());
    }

    @Provide
    Arbitrary<VersionedPacket> unsubscribes() {
        return Arbitraries.oneOf(Mqtt3PacketArbitraries.unsubscribe(), Mqtt5AckArbitraries.unsubscribe());
    }

    @Provide
    Arbitrary<VersionedPacket> unsubAcks() {
        return Arbitraries.oneOf(Mqtt3PacketArbitraries.unsubAck(), Mqtt5AckArbitraries.unsubAck());
    }

    @Provide
    Arbitrary<VersionedPacket> pingsAndDisconnects() {
        return Arbitraries.oneOf(Mqtt3PacketArbitraries.headerOnly(), Mqtt5AckArbitraries.ping(),
                Mqtt5AckArbitraries.disconnect());
    }

    @Provide
    Arbitrary<VersionedPacket> auths() {
        return Mqtt5AckArbitraries.auth();
    }
}
