package io.mqttreactive.netty.internal.codec.oracle;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The differential properties shared by both directions of the Netty oracle: one property per packet type, each
 * over valid packets of every version that has the type (MQTT 3.1, 3.1.1 and 5.0; AUTH only in 5.0). A subclass
 * states what must hold for one generated packet.
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
