package io.mqttreactive.netty.internal.packet;

import java.util.stream.Collectors;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * The wire log: one DEBUG line per packet sent or received, under the logger {@value #NAME}, off unless that
 * logger is at DEBUG. A line names the packet type, its packet identifier, topic or filters, reason codes and
 * sizes; never a payload, a password, authentication data or a will message's payload.
 */
public final class WireLog {

    public static final String NAME = "io.mqttreactive.wire";

    private static final Logger LOG = Loggers.getLogger(NAME);

    private WireLog() {
    }

    /** Logs a packet written to the connection, {@code bytes} long encoded. */
    public static void sent(MqttPacket packet, int bytes) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("sent {} ({} bytes)", describe(packet), bytes);
        }
    }

    /** Logs a packet read from the connection. */
    public static void received(MqttPacket packet) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("received {}", describe(packet));
        }
    }

    static String describe(MqttPacket packet) {
        if (packet instanceof ConnectPacket connect) {
            return "CONNECT clientId=" + connect.clientId() + " version=" + connect.version() + " cleanStart="
                    + connect.cleanStart() + " keepAlive=" + connect.keepAliveSeconds() + "s username="
                    + (connect.username() != null ? "set" : "none") + " password="
                    + (connect.password() != null ? "set" : "none") + " will="
                    + (connect.will() != null ? "set" : "none") + " authenticationMethod="
                    + connect.authenticationMethod();
        }
        if (packet instanceof ConnAckPacket connAck) {
            return "CONNACK reasonCode=" + hex(connAck.reasonCode()) + " sessionPresent=" + connAck.sessionPresent();
        }
        if (packet instanceof PublishPacket publish) {
            return "PUBLISH packetId=" + publish.packetId() + " qos=" + publish.qos().code() + " topic="
                    + publish.topic() + (publish.topicAlias() != 0 ? " topicAlias=" + publish.topicAlias() : "")
                    + " dup=" + publish.dup() + " retain=" + publish.retain() + " payloadBytes="
                    + publish.payload().length + " userProperties=" + publish.userProperties().size();
        }
        if (packet instanceof AckPacket ack) {
            return ack.type() + " packetId=" + ack.packetId() + " reasonCode=" + hex(ack.reasonCode());
        }
        if (packet instanceof SubscribePacket subscribe) {
            return "SUBSCRIBE packetId=" + subscribe.packetId() + " filters=" + subscribe.subscriptions().stream()
                    .map(request -> request.topicFilter() + "@" + request.maximumQos().code())
                    .collect(Collectors.joining(",", "[", "]"));
        }
        if (packet instanceof SubAckPacket subAck) {
            return "SUBACK packetId=" + subAck.packetId() + " reasonCodes=" + hex(subAck.reasonCodes());
        }
        if (packet instanceof UnsubscribePacket unsubscribe) {
            return "UNSUBSCRIBE packetId=" + unsubscribe.packetId() + " filters=" + unsubscribe.topicFilters();
        }
        if (packet instanceof UnsubAckPacket unsubAck) {
            return "UNSUBACK packetId=" + unsubAck.packetId() + " reasonCodes=" + hex(unsubAck.reasonCodes());
        }
        if (packet instanceof DisconnectPacket disconnect) {
            return "DISCONNECT reasonCode=" + hex(disconnect.reasonCode());
        }
        if (packet instanceof AuthPacket auth) {
            return "AUTH reasonCode=" + hex(auth.reasonCode()) + " authenticationMethod="
                    + auth.authenticationMethod();
        }
        return packet.type().toString();
    }

    private static String hex(int code) {
        return String.format("0x%02X", code);
    }

    private static String hex(java.util.List<Integer> codes) {
        return codes.stream().map(WireLog::hex).collect(Collectors.joining(",", "[", "]"));
    }
}
