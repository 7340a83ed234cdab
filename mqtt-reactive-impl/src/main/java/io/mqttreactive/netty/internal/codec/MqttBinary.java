package io.mqttreactive.netty.internal.codec;

import io.netty.buffer.ByteBuf;

/** Binary data with a two-byte length prefix (MQTT 3.1.1 section 1.5.3 password, MQTT 5.0 section 1.5.6). */
public final class MqttBinary {

    public static final int MAX_BYTES = 65_535;

    private MqttBinary() {
    }

    /** Returns the encoded size of {@code data} including its length prefix. */
    public static int size(byte[] data) {
        if (data.length > MAX_BYTES) {
            throw MqttEncodeException.invalid("binary data of " + data.length + " bytes exceeds " + MAX_BYTES);
        }
        return 2 + data.length;
    }

    public static void write(ByteBuf out, byte[] data) {
        out.writeShort(data.length);
        out.writeBytes(data);
    }

    /** Reads length-prefixed binary data that must lie complete inside {@code in}. */
    public static byte[] read(ByteBuf in) {
        if (in.readableBytes() < 2) {
            throw MqttDecodeException.malformed("binary data length truncated");
        }
        int length = in.readUnsignedShort();
        if (in.readableBytes() < length) {
            throw MqttDecodeException.malformed(
                    "binary data of " + length + " bytes but only " + in.readableBytes() + " remain");
        }
        byte[] data = new byte[length];
        in.readBytes(data);
        return data;
    }
}
