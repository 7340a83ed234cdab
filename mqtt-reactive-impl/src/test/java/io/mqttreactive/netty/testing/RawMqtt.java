package io.mqttreactive.netty.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-encoded MQTT packets for the fixtures' own smoke tests, so that they prove the brokers work without
 * depending on the codec under test. Only what those tests need: CONNECT (3.1, 3.1.1 and 5), SUBSCRIBE,
 * PUBLISH QoS 0 and 1, PUBACK (3.1.1), PINGREQ, DISCONNECT, and reading one whole packet.
 */
public final class RawMqtt {

    /** CONNACK 3.1.1: session not present, return code 0 (accepted). */
    public static final byte[] CONNACK_ACCEPTED = {0x20, 0x02, 0x00, 0x00};
    /** CONNACK 3.1.1: session present, return code 0 (accepted). */
    public static final byte[] CONNACK_ACCEPTED_SESSION_PRESENT = {0x20, 0x02, 0x01, 0x00};
    /** PINGRESP. */
    public static final byte[] PINGRESP = {(byte) 0xD0, 0x00};
    /** CONNACK 3.1.1: return code 5 (not authorized). */
    public static final byte[] CONNACK_NOT_AUTHORIZED = {0x20, 0x02, 0x00, 0x05};

    private RawMqtt() {
    }

    /**
     * CONNECT for MQTT 3.1.1 ([MQTT-3.1]) without credentials.
     *
     * @param clientId the client identifier
     * @param cleanSession the Clean Session flag
     * @param keepAliveSeconds the keep alive
     * @return the packet
     */
    public static byte[] connect311(String clientId, boolean cleanSession, int keepAliveSeconds) {
        return connect311(clientId, cleanSession, keepAliveSeconds, null, null);
    }

    /**
     * CONNECT for MQTT 3.1.1 ([MQTT-3.1]).
     *
     * @param clientId the client identifier
     * @param cleanSession the Clean Session flag
     * @param keepAliveSeconds the keep alive
     * @param username the user name, or null
     * @param password the password, or null (only with a user name)
     * @return the packet
     */
    public static byte[] connect311(String clientId, boolean cleanSession, int keepAliveSeconds, String username,
            String password) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(4);
        int flags = (cleanSession ? 0x02 : 0) | (username != null ? 0x80 : 0) | (password != null ? 0x40 : 0);
        body.write(flags);
        writeShort(body, keepAliveSeconds);
        writeString(body, clientId);
        if (username != null) {
            writeString(body, username);
        }
        if (password != null) {
            writeString(body, password);
        }
        return packet(0x10, body.toByteArray());
    }

    /**
     * CONNECT for MQTT 3.1 (protocol name {@code MQIsdp}, level 3) with Clean Session.
     *
     * @param clientId the client identifier (1 to 23 characters in 3.1)
     * @param keepAliveSeconds the keep alive
     * @return the packet
     */
    public static byte[] connect31(String clientId, int keepAliveSeconds) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQIsdp");
        body.write(3);
        body.write(0x02);
        writeShort(body, keepAliveSeconds);
        writeString(body, clientId);
        return packet(0x10, body.toByteArray());
    }

    /**
     * CONNECT for MQTT 5 ([MQTT-3.1]) with Clean Start and no properties.
     *
     * @param clientId the client identifier
     * @param keepAliveSeconds the keep alive
     * @return the packet
     */
    public static byte[] connect5(String clientId, int keepAliveSeconds) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(5);
        body.write(0x02);
        writeShort(body, keepAliveSeconds);
        body.write(0);
        writeString(body, clientId);
        return packet(0x10, body.toByteArray());
    }

    /**
     * SUBSCRIBE for MQTT 3.1.1 with one filter ([MQTT-3.8]).
     *
     * @param packetId the packet identifier
     * @param filter the topic filter
     * @param qos the requested QoS
     * @return the packet
     */
    public static byte[] subscribe311(int packetId, String filter, int qos) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeShort(body, packetId);
        writeString(body, filter);
        body.write(qos);
        return packet(0x82, body.toByteArray());
    }

    /**
     * PUBLISH at QoS 0 ([MQTT-3.3]).
     *
     * @param topic the topic name
     * @param payload the payload
     * @return the packet
     */
    public static byte[] publish311(String topic, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, topic);
        body.writeBytes(payload);
        return packet(0x30, body.toByteArray());
    }

    /**
     * PUBLISH at QoS 1 ([MQTT-3.3]).
     *
     * @param topic the topic name
     * @param packetId the packet identifier
     * @param payload the payload
     * @return the packet
     */
    public static byte[] publish311Qos1(String topic, int packetId, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, topic);
        writeShort(body, packetId);
        body.writeBytes(payload);
        return packet(0x32, body.toByteArray());
    }

    /**
     * @param packetId the packet identifier
     * @return PUBACK for it
     */
    public static byte[] pubAck(int packetId) {
        return new byte[] {0x40, 0x02, (byte) (packetId >> 8), (byte) packetId};
    }

    /** @return PINGREQ */
    public static byte[] pingReq() {
        return new byte[] {(byte) 0xC0, 0x00};
    }

    /** @return DISCONNECT for MQTT 3.1.1 */
    public static byte[] disconnect() {
        return new byte[] {(byte) 0xE0, 0x00};
    }

    /**
     * Reads one whole packet: fixed header, remaining length and body.
     *
     * @param in a stream positioned at a packet boundary
     * @return the packet's bytes
     * @throws EOFException if the stream ends first
     * @throws IOException on a read error or time-out
     */
    public static byte[] readPacket(InputStream in) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(readByte(in));
        int remaining = 0;
        int multiplier = 1;
        int digit;
        int digits = 0;
        do {
            digit = readByte(in);
            packet.write(digit);
            remaining += (digit & 0x7F) * multiplier;
            multiplier *= 128;
            if (++digits > 4) {
                throw new IOException("malformed remaining length");
            }
        } while ((digit & 0x80) != 0);
        byte[] body = in.readNBytes(remaining);
        if (body.length != remaining) {
            throw new EOFException("stream ended inside a packet");
        }
        packet.writeBytes(body);
        return packet.toByteArray();
    }

    /**
     * @param bytes bytes to show
     * @return the bytes as space-separated hex, for assertion messages
     */
    public static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("stream ended before a packet");
        }
        return b;
    }

    private static byte[] packet(int header, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeShort(out, utf8.length);
        out.writeBytes(utf8);
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8 & 0xFF);
        out.write(value & 0xFF);
    }
}
