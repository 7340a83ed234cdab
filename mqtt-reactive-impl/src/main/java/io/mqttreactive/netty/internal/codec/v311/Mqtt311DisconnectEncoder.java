package io.mqttreactive.netty.internal.codec.v311;

import static io.mqttreactive.netty.internal.codec.v311.Mqtt311Fields.requireMqtt5Absent;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import io.netty.buffer.ByteBuf;

/**
 * Encodes DISCONNECT (MQTT 3.1.1 section 3.14): a fixed header with remaining length 0. A reason code other than
 * Normal Disconnection, a session expiry interval, a reason string, user properties or a server reference exist
 * only in MQTT 5 and are refused.
 */
final class Mqtt311DisconnectEncoder extends FixedHeaderEncoder<DisconnectPacket> {

    @Override
    protected int remainingLength(DisconnectPacket packet, EncodeContext context) {
        MqttVersion version = context.version();
        requireMqtt5Absent(packet.reasonCode() == ReasonCode.SUCCESS, "DISCONNECT reason code", version);
        requireMqtt5Absent(packet.sessionExpiryInterval() == ConnAckPacket.ABSENT_SESSION_EXPIRY,
                "DISCONNECT session expiry interval", version);
        requireMqtt5Absent(packet.reasonString() == null, "DISCONNECT reason string", version);
        requireMqtt5Absent(packet.userProperties(), "DISCONNECT user properties", version);
        requireMqtt5Absent(packet.serverReference() == null, "DISCONNECT server reference", version);
        return 0;
    }

    @Override
    protected void writeBody(DisconnectPacket packet, ByteBuf out, EncodeContext context) {
    }
}
