package io.mqttreactive.netty.internal.packet;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DISCONNECT (MQTT 3.1.1 section 3.14, MQTT 5.0 section 3.14). In 3.x it is a bare fixed header and
 * {@code reasonCode} is 0. {@code sessionExpiryInterval} -1 is absent.
 */
public record DisconnectPacket(
        int reasonCode,
        long sessionExpiryInterval,
        @Nullable String reasonString,
        List<UserProperty> userProperties,
        @Nullable String serverReference) implements MqttPacket {

    public static final DisconnectPacket NORMAL = of(ReasonCode.SUCCESS);

    public DisconnectPacket {
        userProperties = List.copyOf(userProperties);
    }

    public static DisconnectPacket of(int reasonCode) {
        return new DisconnectPacket(reasonCode, ConnAckPacket.ABSENT_SESSION_EXPIRY, null, List.of(), null);
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.DISCONNECT;
    }
}
