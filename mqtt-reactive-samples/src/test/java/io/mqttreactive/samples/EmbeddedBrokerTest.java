package io.mqttreactive.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded broker, with HiveMQ's Netty 4.1 build running on the Netty 4.2 the project pins, answers MQTT
 * 3.1.1 and 5.0 CONNECTs with a success CONNACK. Raw bytes, so this test needs no client.
 */
class EmbeddedBrokerTest {

    private static EmbeddedBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void listensOnLoopback() {
        URI uri = URI.create(broker.uri());
        assertThat(uri.getScheme()).isEqualTo("mqtt");
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isEqualTo(broker.port());
    }

    @Test
    void acceptsAnMqtt311Connect() throws IOException {
        byte[] connect = {
            0x10, 16,                           // CONNECT, remaining length 16
            0, 4, 'M', 'Q', 'T', 'T', 4,        // protocol name, level 4 (3.1.1)
            0x02, 0, 30,                        // clean session, keep alive 30 s
            0, 4, 't', '3', '1', '1'            // client identifier
        };
        byte[] connAck = exchange(connect);
        assertThat(connAck).containsExactly(0x20, 2, 0, 0); // CONNACK, no session present, accepted
    }

    @Test
    void acceptsAnMqtt5Connect() throws IOException {
        byte[] connect = {
            0x10, 15,                           // CONNECT, remaining length 15
            0, 4, 'M', 'Q', 'T', 'T', 5,        // protocol name, level 5
            0x02, 0, 30,                        // clean start, keep alive 30 s
            0,                                  // no properties
            0, 2, 't', '5'                      // client identifier
        };
        byte[] connAck = exchange(connect);
        assertThat(connAck[0]).isEqualTo((byte) 0x20);
        assertThat(connAck[2]).as("session present").isZero();
        assertThat(connAck[3]).as("reason code").isZero();
    }

    private static byte[] exchange(byte[] connect) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), broker.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(connect);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type = in.readUnsignedByte();
            int length = in.readUnsignedByte(); // a CONNACK from this broker is shorter than 128 bytes
            byte[] packet = new byte[2 + length];
            packet[0] = (byte) type;
            packet[1] = (byte) length;
            in.readFully(packet, 2, length);
            return packet;
        }
    }
}
