package io.mqttreactive.netty.internal.packet;

import io.mqttreactive.MqttVersion;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * CONNECT (MQTT 3.1.1 section 3.1, MQTT 5.0 section 3.1). {@code cleanStart} is Clean Session in 3.x.
 * MQTT 5 properties at their default are absent on the wire: {@code sessionExpiryInterval} 0,
 * {@code receiveMaximum} 65,535, {@code maximumPacketSize} 0 (no limit), {@code topicAliasMaximum} 0,
 * {@code requestResponseInformation} false, {@code requestProblemInformation} true.
 */
public record ConnectPacket(
        MqttVersion version,
        String clientId,
        boolean cleanStart,
        int keepAliveSeconds,
        @Nullable String username,
        byte @Nullable [] password,
        @Nullable WillPacket will,
        long sessionExpiryInterval,
        int receiveMaximum,
        long maximumPacketSize,
        int topicAliasMaximum,
        boolean requestResponseInformation,
        boolean requestProblemInformation,
        List<UserProperty> userProperties,
        @Nullable String authenticationMethod,
        byte @Nullable [] authenticationData) implements MqttPacket {

    public static final int DEFAULT_RECEIVE_MAXIMUM = 65_535;
    public static final long NO_MAXIMUM_PACKET_SIZE = 0;

    public ConnectPacket {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(clientId, "clientId");
        userProperties = List.copyOf(userProperties);
    }

    /** Returns a CONNECT with every MQTT 5 property at its default and no will, credentials or authentication. */
    public static ConnectPacket of(MqttVersion version, String clientId, boolean cleanStart, int keepAliveSeconds) {
        return new ConnectPacket(version, clientId, cleanStart, keepAliveSeconds, null, null, null, 0,
                DEFAULT_RECEIVE_MAXIMUM, NO_MAXIMUM_PACKET_SIZE, 0, false, true, List.of(), null, null);
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.CONNECT;
    }
}
