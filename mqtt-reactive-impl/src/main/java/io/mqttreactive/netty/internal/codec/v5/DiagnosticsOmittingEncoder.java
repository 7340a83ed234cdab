package io.mqttreactive.netty.internal.codec.v5;

import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.FixedHeaderEncoder;
import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * An encoder for a packet whose Reason String and User Properties must be left out when they would make it
 * exceed the receiver's Maximum Packet Size: CONNACK ([MQTT-3.2.2-19], [MQTT-3.2.2-20]), PUBACK
 * ([MQTT-3.4.2-2], [MQTT-3.4.2-3]), PUBREC ([MQTT-3.5.2-2], [MQTT-3.5.2-3]), PUBREL ([MQTT-3.6.2-2],
 * [MQTT-3.6.2-3]), PUBCOMP ([MQTT-3.7.2-2], [MQTT-3.7.2-3]), SUBACK ([MQTT-3.9.2-1], [MQTT-3.9.2-2]),
 * UNSUBACK ([MQTT-3.11.2-1], [MQTT-3.11.2-2]), DISCONNECT ([MQTT-3.14.2-3], [MQTT-3.14.2-4]) and AUTH
 * ([MQTT-3.15.2-2], [MQTT-3.15.2-3]), all MQTT 5.0. The Reason String goes first, then all User Properties;
 * a packet still too large is refused.
 */
abstract class DiagnosticsOmittingEncoder<P extends MqttPacket> extends FixedHeaderEncoder<P> {

    @Override
    public ByteBuf encode(P packet, ByteBufAllocator allocator, EncodeContext context) {
        P fitting = packet;
        int remainingLength = remainingLength(fitting, context);
        if (!context.fits(remainingLength) && hasReasonString(fitting)) {
            fitting = withoutReasonString(fitting);
            remainingLength = remainingLength(fitting, context);
        }
        if (!context.fits(remainingLength) && hasUserProperties(fitting)) {
            fitting = withoutUserProperties(fitting);
            remainingLength = remainingLength(fitting, context);
        }
        context.checkFits(packet.type().name(), remainingLength);
        return allocateAndWrite(fitting, allocator, remainingLength, context);
    }

    protected abstract boolean hasReasonString(P packet);

    protected abstract boolean hasUserProperties(P packet);

    protected abstract P withoutReasonString(P packet);

    protected abstract P withoutUserProperties(P packet);
}
