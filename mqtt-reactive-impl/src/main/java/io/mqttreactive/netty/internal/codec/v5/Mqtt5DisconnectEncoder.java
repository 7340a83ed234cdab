package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.DisconnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Encodes DISCONNECT (MQTT 5.0 section 3.14) in its shortest form: remaining length 0 for reason 0x00 without
 * properties, the reason code alone for another reason without properties, the full form otherwise. The reason
 * code must be a DISCONNECT reason code ([MQTT-3.14.2-1] 5.0).
 */
final class Mqtt5DisconnectEncoder extends DiagnosticsOmittingEncoder<DisconnectPacket> {

    @Override
    protected int remainingLength(DisconnectPacket packet, EncodeContext context) {
        ReasonCodes.checkSendable(MqttPacketType.DISCONNECT, packet.reasonCode());
        long propertyLength = PropertySizer.measure(sink -> properties(packet, sink));
        if (propertyLength == 0) {
            return packet.reasonCode() == ReasonCode.SUCCESS ? 0 : 1;
        }
        return Mqtt5Fields.saturatedLength(1 + PropertySizer.sizeWithLength(propertyLength));
    }

    @Override
    protected void writeBody(DisconnectPacket packet, ByteBuf out, EncodeContext context) {
        long propertyLength = PropertySizer.measure(sink -> properties(packet, sink));
        if (propertyLength == 0 && packet.reasonCode() == ReasonCode.SUCCESS) {
            return;
        }
        out.writeByte(packet.reasonCode());
        if (propertyLength > 0) {
            PropertyWriter.write(out, propertyLength, sink -> properties(packet, sink));
        }
    }

    private static void properties(DisconnectPacket packet, PropertySink sink) {
        if (packet.sessionExpiryInterval() != ConnAckPacket.ABSENT_SESSION_EXPIRY) {
            sink.fourByteInteger(Mqtt5Property.SESSION_EXPIRY_INTERVAL, packet.sessionExpiryInterval());
        }
        sink.stringIfPresent(Mqtt5Property.REASON_STRING, packet.reasonString());
        sink.userProperties(packet.userProperties());
        sink.stringIfPresent(Mqtt5Property.SERVER_REFERENCE, packet.serverReference());
    }

    @Override
    protected boolean hasReasonString(DisconnectPacket packet) {
        return packet.reasonString() != null;
    }

    @Override
    protected boolean hasUserProperties(DisconnectPacket packet) {
        return !packet.userProperties().isEmpty();
    }

    @Override
    protected DisconnectPacket withoutReasonString(DisconnectPacket packet) {
        return new DisconnectPacket(packet.reasonCode(), packet.sessionExpiryInterval(), null,
                packet.userProperties(), packet.serverReference());
    }

    @Override
    protected DisconnectPacket withoutUserProperties(DisconnectPacket packet) {
        return new DisconnectPacket(packet.reasonCode(), packet.sessionExpiryInterval(), packet.reasonString(),
                List.of(), packet.serverReference());
    }
}
