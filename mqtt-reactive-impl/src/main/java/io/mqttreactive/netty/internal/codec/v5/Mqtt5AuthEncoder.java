package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.packet.AuthPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Encodes AUTH (MQTT 5.0 section 3.15): remaining length 0 for reason 0x00 (Success) without properties,
 * otherwise an AUTH reason code ([MQTT-3.15.2-1] 5.0) and properties, which must include the Authentication
 * Method (section 3.15.2.2.2).
 */
final class Mqtt5AuthEncoder extends DiagnosticsOmittingEncoder<AuthPacket> {

    @Override
    protected int remainingLength(AuthPacket packet, EncodeContext context) {
        ReasonCodes.checkSendable(MqttPacketType.AUTH, packet.reasonCode());
        if (isShortForm(packet)) {
            return 0;
        }
        if (packet.authenticationMethod() == null) {
            throw MqttEncodeException.invalid("AUTH needs an Authentication Method");
        }
        long propertyLength = PropertySizer.measure(sink -> properties(packet, sink));
        return Mqtt5Fields.saturatedLength(1 + PropertySizer.sizeWithLength(propertyLength));
    }

    private static boolean isShortForm(AuthPacket packet) {
        return packet.reasonCode() == ReasonCode.SUCCESS && packet.authenticationMethod() == null
                && packet.authenticationData() == null && packet.reasonString() == null
                && packet.userProperties().isEmpty();
    }

    @Override
    protected void writeBody(AuthPacket packet, ByteBuf out, EncodeContext context) {
        if (isShortForm(packet)) {
            return;
        }
        out.writeByte(packet.reasonCode());
        PropertyWriter.write(out, PropertySizer.measure(sink -> properties(packet, sink)),
                sink -> properties(packet, sink));
    }

    private static void properties(AuthPacket packet, PropertySink sink) {
        sink.stringIfPresent(Mqtt5Property.AUTHENTICATION_METHOD, packet.authenticationMethod());
        sink.binaryIfPresent(Mqtt5Property.AUTHENTICATION_DATA, packet.authenticationData());
        sink.stringIfPresent(Mqtt5Property.REASON_STRING, packet.reasonString());
        sink.userProperties(packet.userProperties());
    }

    @Override
    protected boolean hasReasonString(AuthPacket packet) {
        return packet.reasonString() != null;
    }

    @Override
    protected boolean hasUserProperties(AuthPacket packet) {
        return !packet.userProperties().isEmpty();
    }

    @Override
    protected AuthPacket withoutReasonString(AuthPacket packet) {
        return new AuthPacket(packet.reasonCode(), packet.authenticationMethod(), packet.authenticationData(), null,
                packet.userProperties());
    }

    @Override
    protected AuthPacket withoutUserProperties(AuthPacket packet) {
        return new AuthPacket(packet.reasonCode(), packet.authenticationMethod(), packet.authenticationData(),
                packet.reasonString(), List.of());
    }
}
