package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.Packets.connAck;
import static io.mqttreactive.netty.testing.scripted.Packets.connAckWith;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.auth.ScramAuthenticator;
import io.mqttreactive.event.MqttClientEvent;
import io.mqttreactive.exception.MqttAuthenticationException;
import io.mqttreactive.exception.MqttConnectException;
import io.mqttreactive.exception.MqttNotConnectedException;
import io.mqttreactive.message.ConnectReasonCode;
import io.mqttreactive.netty.internal.packet.AuthPacket;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.MqttPacketType;
import io.mqttreactive.netty.testing.scripted.PacketMatcher;
import io.mqttreactive.netty.testing.scripted.ScramServer;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.ReconnectOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * MQTT 5.0 enhanced authentication (section 4.12) with {@link ScramAuthenticator} against a scripted broker that
 * runs the server side of SCRAM-SHA-256 ({@link ScramServer}): on connect, on re-authentication, and the
 * failures of either side.
 */
class EnhancedAuthenticationFlowTest {

    private static final String METHOD = "SCRAM-SHA-256";
    private static final PacketMatcher<AuthPacket> IS_AUTH = PacketMatcher.of(AuthPacket.class, "AUTH");

    private final ScriptedBroker broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
    private final ScramServer scram = new ScramServer("device-7", "pencil");

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private MqttClient client(String password) {
        return broker.newClient(options -> options.reconnect(ReconnectOptions.DISABLED)
                .enhancedAuthentication(ScramAuthenticator.sha256("device-7", password)));
    }

    private static AuthPacket auth(int reasonCode, byte[] data) {
        return new AuthPacket(reasonCode, METHOD, data, null, List.of());
    }

    /** Scripts the CONNECT, the one challenge, and the CONNACK the scripted SCRAM server gives. */
    private void scriptScramConnect() {
        broker.expect(isConnect()).answer(connect -> auth(AuthPacket.CONTINUE_AUTHENTICATION,
                scram.serverFirst(connect.authenticationData())));
        broker.expect(IS_AUTH).answer(answer -> {
            byte[] serverFinal = scram.serverFinal(answer.authenticationData());
            return serverFinal != null ? connAckWith().authentication(METHOD, serverFinal).build()
                    : connAck(ConnectReasonCode.NOT_AUTHORIZED.code());
        });
    }

    @Test
    @DisplayName("SCRAM on connect: the CONNECT carries the method and client-first message, the challenge is "
            + "answered with AUTH Continue authentication under the same method, and the server signature is "
            + "checked [MQTT-4.12.0-3] [MQTT-4.12.0-5] [MQTT-3.1.2-30] (5.0)")
    void connectsWithScram() {
        scriptScramConnect();
        MqttClient client = client("pencil");

        assertThat(client.connect().block(WAIT)).isNotNull();
        ConnectPacket connect = (ConnectPacket) broker.received().get(0);
        assertThat(connect.authenticationMethod()).isEqualTo(METHOD);
        assertThat(new String(connect.authenticationData(), StandardCharsets.UTF_8)).startsWith("n,,n=device-7,r=");
        AuthPacket answer = (AuthPacket) broker.received().get(1);
        assertThat(answer.reasonCode()).isEqualTo(AuthPacket.CONTINUE_AUTHENTICATION);
        assertThat(answer.authenticationMethod()).isEqualTo(METHOD);
        assertThat(broker.received()).hasSize(2);
    }

    @Test
    @DisplayName("a wrong password is the broker's refusal: connect() fails with its CONNACK reason")
    void aWrongPasswordIsRefused() {
        scriptScramConnect();
        MqttClient client = client("not the password");

        assertThatThrownBy(() -> client.connect().block(WAIT)).isInstanceOfSatisfying(MqttConnectException.class,
                refusal -> assertThat(refusal.connectReasonCode()).isEqualTo(ConnectReasonCode.NOT_AUTHORIZED));
    }

    @Test
    @DisplayName("a broker whose server signature is wrong is refused: connect() fails with "
            + "MqttAuthenticationException and the connection closes")
    void aBrokerThatCannotProveItselfIsRefused() {
        broker.expect(isConnect()).answer(connect -> auth(AuthPacket.CONTINUE_AUTHENTICATION,
                scram.serverFirst(connect.authenticationData())));
        broker.expect(IS_AUTH).answer(answer -> connAckWith()
                .authentication(METHOD, "v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=".getBytes(StandardCharsets.UTF_8))
                .build());
        MqttClient client = client("pencil");

        assertThatThrownBy(() -> client.connect().block(WAIT)).isInstanceOf(MqttAuthenticationException.class)
                .hasMessageContaining("server signature is wrong");
        broker.awaitConnectionClosed();
    }

    @Test
    @DisplayName("re-authentication sends AUTH Re-authenticate under the connection's method, answers the "
            + "challenge, and completes on AUTH Success, the connection going on [MQTT-4.12.1-1] (5.0)")
    void reauthenticates() {
        scriptScramConnect();
        MqttClient client = client("pencil");
        client.connect().block(WAIT);
        broker.expect(IS_AUTH).answer(reauth -> auth(AuthPacket.CONTINUE_AUTHENTICATION,
                scram.serverFirst(reauth.authenticationData())));
        broker.expect(IS_AUTH).answer(answer -> auth(0, scram.serverFinal(answer.authenticationData())));

        client.reauthenticate().block(WAIT);

        List<AuthPacket> sent = broker.received(MqttPacketType.AUTH).stream().map(AuthPacket.class::cast).toList();
        assertThat(sent).extracting(AuthPacket::reasonCode).containsExactly(AuthPacket.CONTINUE_AUTHENTICATION,
                AuthPacket.RE_AUTHENTICATE, AuthPacket.CONTINUE_AUTHENTICATION);
        assertThat(sent).extracting(AuthPacket::authenticationMethod).containsOnly(METHOD);
        assertThat(broker.isConnectionOpen()).isTrue();
    }

    @Test
    @DisplayName("a re-authentication whose AUTH Success the client refuses closes the connection "
            + "[MQTT-4.12.1-2] (5.0)")
    void aFailedReauthenticationClosesTheConnection() {
        scriptScramConnect();
        MqttClient client = client("pencil");
        client.connect().block(WAIT);
        CompletableFuture<MqttClientEvent.Disconnected> disconnected = client.events()
                .ofType(MqttClientEvent.Disconnected.class).next().toFuture();
        broker.expect(IS_AUTH).answer(reauth -> auth(AuthPacket.CONTINUE_AUTHENTICATION,
                scram.serverFirst(reauth.authenticationData())));
        broker.expect(IS_AUTH).answer(answer -> auth(0, "v=AAAA".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> client.reauthenticate().block(WAIT)).isInstanceOf(MqttAuthenticationException.class);
        broker.awaitConnectionClosed();
        assertThat(disconnected).succeedsWithin(WAIT).satisfies(event -> assertThat(event.cause())
                .containsInstanceOf(MqttAuthenticationException.class));
    }

    @Test
    @DisplayName("an AUTH under another method is a protocol error that closes the connection [MQTT-4.12.0-5] (5.0)")
    void anAuthUnderAnotherMethodIsAProtocolError() {
        broker.expect(isConnect()).answer(new AuthPacket(AuthPacket.CONTINUE_AUTHENTICATION, "OTHER", new byte[] {1},
                null, List.of()));
        MqttClient client = client("pencil");

        assertThatThrownBy(() -> client.connect().block(WAIT)).hasMessageContaining("[MQTT-4.12.0-5]");
        broker.awaitConnectionClosed();
    }

    @Test
    @DisplayName("re-authentication needs a connection and an authenticator")
    void reauthenticationNeedsAConnectionAndAnAuthenticator() {
        assertThatThrownBy(() -> client("pencil").reauthenticate().block(WAIT))
                .isInstanceOf(MqttNotConnectedException.class);
        MqttClient plain = broker.connectedClient(options -> options);
        assertThatThrownBy(() -> plain.reauthenticate().block(WAIT)).isInstanceOf(IllegalStateException.class);
    }
}
