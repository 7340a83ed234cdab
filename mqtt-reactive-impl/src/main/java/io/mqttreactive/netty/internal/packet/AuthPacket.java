package io.mqttreactive.netty.internal.packet;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** AUTH (MQTT 5.0 section 3.15), for enhanced authentication; it does not exist in 3.x. */
public record AuthPacket(
        int reasonCode,
        @Nullable String authenticationMethod,
        byte @Nullable [] authenticationData,
        @Nullable String reasonString,
        List<UserProperty> userProperties) implements MqttPacket {

    public static final int CONTINUE_AUTHENTICATION = 0x18;
    public static final int RE_AUTHENTICATE = 0x19;

    public AuthPacket {
        userProperties = List.copyOf(userProperties);
    }

    @Override
    public MqttPacketType type() {
        return MqttPacketType.AUTH;
    }
}
