package io.mqttreactive.netty.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.netty.testing.MqttTestBroker.Listener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Password file, ACL and persistence of {@link MosquittoBroker}, each on its own broker. */
@RequiresMosquitto
class MosquittoOptionsIT {

    @Test
    void passwordFileRefusesAnonymousAndWrongPasswordsAndAcceptsTheRightOne() throws IOException {
        try (MosquittoBroker broker = MosquittoBroker.builder().user("alice", "s3cret").start()) {
            int port = broker.port(Listener.TCP);
            assertThat(connect(port, RawMqtt.connect311("anonymous", true, 30)))
                    .containsExactly(RawMqtt.CONNACK_NOT_AUTHORIZED);
            assertThat(connect(port, RawMqtt.connect311("wrong", true, 30, "alice", "guess")))
                    .containsExactly(RawMqtt.CONNACK_NOT_AUTHORIZED);
            assertThat(connect(port, RawMqtt.connect311("right", true, 30, "alice", "s3cret")))
                    .containsExactly(RawMqtt.CONNACK_ACCEPTED);
        }
    }

    @Test
    void aclDropsPublishesItDoesNotGrant() throws IOException {
        try (MosquittoBroker broker = MosquittoBroker.builder().acl("topic readwrite allowed/#\n").start();
                Socket socket = TestSockets.plain(broker.port(Listener.TCP))) {
            assertThat(BrokerSmokeContract.connect311(socket, "acl")).containsExactly(RawMqtt.CONNACK_ACCEPTED);
            OutputStream out = socket.getOutputStream();
            out.write(RawMqtt.subscribe311(1, "+/x", 0));
            out.flush();
            assertThat(RawMqtt.readPacket(socket.getInputStream())).containsExactly(0x90, 0x03, 0x00, 0x01, 0x00);
            out.write(RawMqtt.publish311("forbidden/x", new byte[] {1}));
            out.write(RawMqtt.publish311("allowed/x", new byte[] {2}));
            out.write(RawMqtt.pingReq());
            out.flush();
            assertThat(RawMqtt.readPacket(socket.getInputStream()))
                    .as("only the granted message comes back, and before the PINGRESP")
                    .isEqualTo(RawMqtt.publish311("allowed/x", new byte[] {2}));
            assertThat(RawMqtt.readPacket(socket.getInputStream())).isEqualTo(RawMqtt.PINGRESP);
        }
    }

    @Test
    void persistentSessionSurvivesARestartOnTheSamePorts() throws IOException {
        try (MosquittoBroker broker = MosquittoBroker.builder().persistence(true).start()) {
            int port = broker.port(Listener.TCP);
            try (Socket socket = TestSockets.plain(port)) {
                OutputStream out = socket.getOutputStream();
                out.write(RawMqtt.connect311("durable", false, 30));
                out.write(RawMqtt.subscribe311(7, "durable/topic", 1));
                out.flush();
                assertThat(RawMqtt.readPacket(socket.getInputStream())).containsExactly(RawMqtt.CONNACK_ACCEPTED);
                assertThat(RawMqtt.readPacket(socket.getInputStream())).containsExactly(0x90, 0x03, 0x00, 0x07, 0x01);
                out.write(RawMqtt.disconnect());
                out.flush();
                assertThat(socket.getInputStream().read()).as("broker closes after DISCONNECT").isEqualTo(-1);
            }

            broker.restart();

            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.port(Listener.TCP)).isEqualTo(port);
            assertThat(Files.exists(broker.directory().resolve("data/mosquitto.db"))).isTrue();
            assertThat(connect(port, RawMqtt.connect311("durable", false, 30)))
                    .as("CONNACK after restart")
                    .containsExactly(RawMqtt.CONNACK_ACCEPTED_SESSION_PRESENT);
        }
    }

    @Test
    void withoutPersistenceARestartForgetsTheSession() throws IOException {
        try (MosquittoBroker broker = MosquittoBroker.builder().start()) {
            int port = broker.port(Listener.TCP);
            assertThat(connect(port, RawMqtt.connect311("forgotten", false, 30))).containsExactly(RawMqtt.CONNACK_ACCEPTED);
            broker.kill();
            assertThat(broker.isRunning()).isFalse();
            broker.start();
            assertThat(connect(port, RawMqtt.connect311("forgotten", false, 30))).containsExactly(RawMqtt.CONNACK_ACCEPTED);
        }
    }

    private static byte[] connect(int port, byte[] connect) throws IOException {
        try (Socket socket = TestSockets.plain(port)) {
            OutputStream out = socket.getOutputStream();
            out.write(connect);
            out.flush();
            return RawMqtt.readPacket(socket.getInputStream());
        }
    }
}
