package io.mqttreactive.netty.testing.scripted;

import io.mqttreactive.MqttQos;
import io.mqttreactive.netty.internal.packet.AckPacket;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.PingRespPacket;
import io.mqttreactive.netty.internal.packet.PublishPacket;
import io.mqttreactive.netty.internal.packet.SubAckPacket;
import io.mqttreactive.netty.internal.packet.UnsubAckPacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The packets a {@link ScriptedBroker} sends, built from the codec's packet model with every MQTT 5 property at
 * its default unless set. Each packet is encoded with the broker's protocol version, so a 5.0-only field in a
 * 3.1.1 script fails the test at encoding time.
 */
public final class Packets {

    private Packets() {
    }

    /** A CONNACK accepting a new session, with no MQTT 5 properties. */
    public static ConnAckPacket connAck() {
        return connAck(0);
    }

    /** A CONNACK with a 3.1.1 return code or an MQTT 5 reason code. */
    public static ConnAckPacket connAck(int reasonCode) {
        return ConnAckPacket.of(false, reasonCode);
    }

    /** A CONNACK accepting the connection, with Session Present as given and no MQTT 5 properties. */
    public static ConnAckPacket connAck(boolean sessionPresent) {
        return ConnAckPacket.of(sessionPresent, 0);
    }

    /** A builder for an accepting CONNACK with MQTT 5 properties. */
    public static ConnAckBuilder connAckWith() {
        return new ConnAckBuilder();
    }

    /** A PUBLISH to the client without MQTT 5 properties; {@code packetId} is 0 for QoS 0. */
    public static PublishPacket publish(String topic, String payload, MqttQos qos, int packetId) {
        return PublishPacket.of(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false, false, packetId);
    }

    /** A PUBLISH to the client that uses an MQTT 5 topic alias; an empty topic stands for the aliased one. */
    public static PublishPacket publishWithAlias(String topic, int topicAlias, String payload, MqttQos qos,
            int packetId) {
        return new PublishPacket(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false, false, packetId,
                PublishPacket.NO_MESSAGE_EXPIRY, false, null, null, null, List.of(), topicAlias, List.of());
    }

    public static AckPacket pubAck(int packetId) {
        return AckPacket.of(MqttPacketType.PUBACK, packetId);
    }

    public static AckPacket pubAck(int packetId, int reasonCode) {
        return AckPacket.of(MqttPacketType.PUBACK, packetId, reasonCode);
    }

    public static AckPacket pubRec(int packetId) {
        return AckPacket.of(MqttPacketType.PUBREC, packetId);
    }

    public static AckPacket pubRec(int packetId, int reasonCode) {
        return AckPacket.of(MqttPacketType.PUBREC, packetId, reasonCode);
    }

    public static AckPacket pubRel(int packetId) {
        return AckPacket.of(MqttPacketType.PUBREL, packetId);
    }

    public static AckPacket pubComp(int packetId) {
        return AckPacket.of(MqttPacketType.PUBCOMP, packetId);
    }

    /** A SUBACK with one return or reason code per filter. */
    public static SubAckPacket subAck(int packetId, Integer... codes) {
        return SubAckPacket.of(packetId, List.of(codes));
    }

    /** An UNSUBACK: in 3.1.1 without reason codes, in 5.0 with {@code filters} times Success. */
    public static UnsubAckPacket unsubAck(int packetId, boolean mqtt5, int filters) {
        return UnsubAckPacket.of(packetId, mqtt5 ? IntStream.range(0, filters).boxed().map(i -> 0).toList()
                : List.of());
    }

    public static PingRespPacket pingResp() {
        return PingRespPacket.INSTANCE;
    }

    public static DisconnectPacket disconnect(int reasonCode) {
        return DisconnectPacket.of(reasonCode);
    }

    /** An MQTT 5 DISCONNECT with a reason string and user properties. */
    public static DisconnectPacket disconnect(int reasonCode, @Nullable String reasonString,
            List<UserProperty> userProperties) {
        return new DisconnectPacket(reasonCode, ConnAckPacket.ABSENT_SESSION_EXPIRY, reasonString, userProperties,
                null);
    }

    /** Builds an accepting MQTT 5 CONNACK; unset properties keep their defaults. */
    public static final class ConnAckBuilder {

        private boolean sessionPresent;
        private int reasonCode;
        private long maximumPacketSize = ConnectPacket.NO_MAXIMUM_PACKET_SIZE;
        private boolean wildcardSubscriptionAvailable = true;
        private boolean subscriptionIdentifiersAvailable = true;
        private boolean sharedSubscriptionAvailable = true;
        private int receiveMaximum = ConnectPacket.DEFAULT_RECEIVE_MAXIMUM;
        private int serverKeepAlive = ConnAckPacket.ABSENT_SERVER_KEEP_ALIVE;
        private int topicAliasMaximum;
        private int maximumQos = 2;
        private boolean retainAvailable = true;
        private @Nullable String reasonString;
        private @Nullable String serverReference;
        private @Nullable String authenticationMethod;
        private byte @Nullable [] authenticationData;
        private @Nullable String responseInformation;

        private ConnAckBuilder() {
        }

        public ConnAckBuilder sessionPresent(boolean sessionPresent) {
            this.sessionPresent = sessionPresent;
            return this;
        }

        public ConnAckBuilder maximumPacketSize(long maximumPacketSize) {
            this.maximumPacketSize = maximumPacketSize;
            return this;
        }

        public ConnAckBuilder wildcardSubscriptionAvailable(boolean available) {
            this.wildcardSubscriptionAvailable = available;
            return this;
        }

        public ConnAckBuilder subscriptionIdentifiersAvailable(boolean available) {
            this.subscriptionIdentifiersAvailable = available;
            return this;
        }

        public ConnAckBuilder sharedSubscriptionAvailable(boolean available) {
            this.sharedSubscriptionAvailable = available;
            return this;
        }

        public ConnAckBuilder reasonCode(int reasonCode) {
            this.reasonCode = reasonCode;
            return this;
        }

        public ConnAckBuilder receiveMaximum(int receiveMaximum) {
            this.receiveMaximum = receiveMaximum;
            return this;
        }

        public ConnAckBuilder serverKeepAlive(int seconds) {
            this.serverKeepAlive = seconds;
            return this;
        }

        public ConnAckBuilder topicAliasMaximum(int topicAliasMaximum) {
            this.topicAliasMaximum = topicAliasMaximum;
            return this;
        }

        public ConnAckBuilder maximumQos(MqttQos maximumQos) {
            this.maximumQos = maximumQos.code();
            return this;
        }

        public ConnAckBuilder retainAvailable(boolean available) {
            this.retainAvailable = available;
            return this;
        }

        public ConnAckBuilder reasonString(String reasonString) {
            this.reasonString = reasonString;
            return this;
        }

        public ConnAckBuilder serverReference(String serverReference) {
            this.serverReference = serverReference;
            return this;
        }

        public ConnAckBuilder authentication(String method, byte[] data) {
            this.authenticationMethod = method;
            this.authenticationData = data;
            return this;
        }

        public ConnAckBuilder responseInformation(String responseInformation) {
            this.responseInformation = responseInformation;
            return this;
        }

        public ConnAckPacket build() {
            return new ConnAckPacket(sessionPresent, reasonCode, ConnAckPacket.ABSENT_SESSION_EXPIRY, receiveMaximum,
                    maximumQos, retainAvailable, maximumPacketSize, null, topicAliasMaximum, reasonString, List.of(),
                    wildcardSubscriptionAvailable, subscriptionIdentifiersAvailable, sharedSubscriptionAvailable,
                    serverKeepAlive, responseInformation, serverReference, authenticationMethod, authenticationData);
        }
    }
}
