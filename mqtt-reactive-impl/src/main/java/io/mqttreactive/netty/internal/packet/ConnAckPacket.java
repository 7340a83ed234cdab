package io.mqttreactive.netty.internal.packet;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CONNACK (MQTT 3.1.1 section 3.2, MQTT 5.0 section 3.2). {@code reasonCode} is the 3.x return code (0 to 5)
 * or the MQTT 5 reason code, as on the wire. Absent MQTT 5 properties: {@code sessionExpiryInterval} -1,
 * {@code receiveMaximum} 65,535, {@code maximumQos} 2, {@code maximumPacketSize} 0 (no limit),
 * {@code topicAliasMaximum} 0, the three availability flags true, {@code serverKeepAlive} -1.
 */
public record ConnAckPacket(
        boolean sessionPresent,
        int reasonCode,
        long sessionExpiryInterval,
        int receiveMaximum,
        int maximumQos,
        boolean retainAvailable,
        long maximumPacketSize,
        @Nullable String assignedClientIdentifier,
        int topicAliasMaximum,
        @Nullable String reasonString,
        List<UserProperty> userProperties,
        boolean wildcardSubscriptionAvailable,
        boolean subscriptionIdentifiersAvailable,
        boolean sharedSubscriptionAvailable,
        int serverKeepAlive,
        @Nullable String responseInformation,
        @Nullable String serverReference,
        @Nullable String authenticationMethod,
        byte @Nullable [] authenticationData) implements MqttPacket {

    public static final long ABSENT_SESSION_EXPIRY = -1;
    public static final int ABSENT_SERVER_KEEP_ALIVE = -1;

    public ConnAckPacket {
        userProperties = List.copyOf(userProperties);
    }

    /** Returns a CONNACK with every MQTT 5 property absent. */
    public static ConnAckPacket of(boolean sessionPresent, int reasonCode) {
        return new ConnAckPacket(sessionPresent, reasonCode, ABSENT_SESSION_EXPIRY, ConnectPacket.DEFAULT_RECEIVE_MAXIMUM,
                2, true, ConnectPacket.NO_MAXIMUM_PACKET_SIZE, null, 0, null, List.of(), true, true, true,
                ABSENT_SERVER_KEEP_ALIVE, null, null, null, null);
    }

    /** Returns this CONNACK with Session Present 0. */
    public ConnAckPacket withoutSessionPresent() {
        return new ConnAckPacket(false, reasonCode, sessionExpiryInterval, receiveMaximum, maximumQos,
                retainAvailable, maximumPacketSize, assignedClientIdentifier, topicAliasMaximum, reasonString,
                userProperties, wildcardSubscriptionAvailable, subscriptionIdentifiersAvailable,
                sharedSubscriptionAvailable, serverKeepAlive, responseInformation, serverReference,
                authenticationMethod, authenticationData);
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.CONNACK;
    }
}
