package io.mqttreactive.benchmarks.contestants;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-written MQTT 5 frames for the raw-socket baseline; nothing here goes through any client's codec. */
final class RawFrames {

    static final int PUBLISH = 3;
    static final int PUBACK = 4;
    static final int PUBREC = 5;
    static final int PUBREL = 6;
    static final int PUBCOMP = 7;

    private RawFrames() {
    }

    static byte[] connect(String clientId, int receiveMaximum) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(5);
        body.write(0x02);
        body.write(0);
        body.write(60);
        body.write(3);
        body.write(0x21);
        body.write(receiveMaximum >> 8);
        body.write(receiveMaximum & 0xFF);
        string(body, clientId);
        return frame(0x10, body.toByteArray());
    }

    static byte[] subscribe(String topic, int qos) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        body.write(1);
        body.write(0);
        string(body, topic);
        body.write(qos);
        return frame(0x82, body.toByteArray());
    }

    /** A PUBLISH whose packet id, when {@code qos > 0}, sits at {@link #packetIdOffset(byte[], String)}. */
    static byte[] publish(String topic, byte[] payload, int qos) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic);
        if (qos > 0) {
            body.write(0);
            body.write(1);
        }
        body.write(0);
        body.writeBytes(payload);
        return frame(0x30 | qos << 1, body.toByteArray());
    }

    static int packetIdOffset(byte[] publishFrame, String topic) {
        int headerLength = 2;
        while ((publishFrame[headerLength - 1] & 0x80) != 0) {
            headerLength++;
        }
        return headerLength + 2 + topic.getBytes(StandardCharsets.UTF_8).length;
    }

    static void ack(byte[] target, int offset, int type, int packetId) {
        target[offset] = (byte) (type == PUBREL ? 0x62 : type << 4);
        target[offset + 1] = 2;
        target[offset + 2] = (byte) (packetId >> 8);
        target[offset + 3] = (byte) packetId;
    }

    private static byte[] frame(int firstByte, byte[] body) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(body.length + 5);
        frame.write(firstByte);
        int length = body.length;
        do {
            int digit = length & 0x7F;
            length >>>= 7;
            frame.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        frame.writeBytes(body);
        return frame.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }
}
