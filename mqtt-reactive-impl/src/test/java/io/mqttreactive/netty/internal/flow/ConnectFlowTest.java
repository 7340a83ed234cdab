package io.mqttreactive.netty.internal.flow;

import static io.mqttreactive.netty.testing.scripted.PacketMatcher.isConnect;
import static io.mqttreactive.netty.testing.scripted.ScriptedBroker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.exception.MqttConnectException;
import io.mqttreactive.exception.MqttException;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.exception.MqttServerUnavailableException;
import io.mqttreactive.exception.MqttTimeoutException;
import io.mqttreactive.message.ConnectReasonCode;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.testing.scripted.Packets;
import io.mqttreactive.netty.testing.scripted.ScriptedBroker;
import io.mqttreactive.options.FailoverOptions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CONNECT and CONNACK against a scripted broker: the first packet, refusals, a CONNACK that never comes. */
class ConnectFlowTest {

    private ScriptedBroker broker;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @BothVersions
    @DisplayName("CONNECT is the first packet and carries the options; an accepting CONNACK connects "
            + "[MQTT-3.1.0-1] [MQTT-3.1.3-3]")
    void connectIsTheFirstPacket(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.newClient(options -> options.clientId("first-packet")
                .keepAlive(Duration.ofSeconds(42)));
        broker.expect(isConnect()).answer(Packets.connAck());

        ConnectResult result = client.connect().block(WAIT);

        ConnectPacket connect = (ConnectPacket) broker.received().get(0);
        assertThat(connect.version()).isEqualTo(version);
        assertThat(connect.clientId()).isEqualTo("first-packet");
        assertThat(connect.keepAliveSeconds()).isEqualTo(42);
        assertThat(connect.cleanStart()).isTrue();
        assertThat(result.sessionPresent()).isFalse();
        assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);
    }

    static Stream<Arguments> mqtt311Refusals() {
        return Stream.of(
                Arguments.of(1, ConnectReasonCode.UNSUPPORTED_PROTOCOL_VERSION, MqttConnectException.class),
                Arguments.of(2, ConnectReasonCode.CLIENT_IDENTIFIER_NOT_VALID, MqttConnectException.class),
                Arguments.of(3, ConnectReasonCode.SERVER_UNAVAILABLE, MqttServerUnavailableException.class),
                Arguments.of(4, ConnectReasonCode.BAD_USER_NAME_OR_PASSWORD, MqttConnectException.class),
                Arguments.of(5, ConnectReasonCode.NOT_AUTHORIZED, MqttConnectException.class));
    }

    @ParameterizedTest(name = "return code {0} -> {1}")
    @MethodSource("mqtt311Refusals")
    @DisplayName("a refusing CONNACK return code is a typed error and the client closes the connection "
            + "(3.1.1 section 3.2.2.3) [MQTT-3.2.2-5] (3.1.1)")
    void mqtt311Refusal(int returnCode, ConnectReasonCode expected, Class<? extends MqttException> type) {
        Throwable error = refuse(MqttVersion.MQTT_3_1_1, Packets.connAck(returnCode));

        assertThat(error).isInstanceOf(type);
        assertThat(connectReasonCode(error)).isEqualTo(expected);
        if (expected == ConnectReasonCode.BAD_USER_NAME_OR_PASSWORD) {
            assertThat(((MqttConnectException) error).isBadCredentials()).isTrue();
        }
        if (expected == ConnectReasonCode.NOT_AUTHORIZED) {
            assertThat(((MqttConnectException) error).isNotAuthorized()).isTrue();
        }
    }

    static Stream<Arguments> mqtt5Refusals() {
        return Stream.of(ConnectReasonCode.UNSPECIFIED_ERROR, ConnectReasonCode.MALFORMED_PACKET,
                        ConnectReasonCode.PROTOCOL_ERROR, ConnectReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
                        ConnectReasonCode.UNSUPPORTED_PROTOCOL_VERSION, ConnectReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                        ConnectReasonCode.BAD_USER_NAME_OR_PASSWORD, ConnectReasonCode.NOT_AUTHORIZED,
                        ConnectReasonCode.SERVER_UNAVAILABLE, ConnectReasonCode.SERVER_BUSY, ConnectReasonCode.BANNED,
                        ConnectReasonCode.BAD_AUTHENTICATION_METHOD, ConnectReasonCode.TOPIC_NAME_INVALID,
                        ConnectReasonCode.PACKET_TOO_LARGE, ConnectReasonCode.QUOTA_EXCEEDED,
                        ConnectReasonCode.PAYLOAD_FORMAT_INVALID, ConnectReasonCode.RETAIN_NOT_SUPPORTED,
                        ConnectReasonCode.QOS_NOT_SUPPORTED, ConnectReasonCode.USE_ANOTHER_SERVER,
                        ConnectReasonCode.SERVER_MOVED, ConnectReasonCode.CONNECTION_RATE_EXCEEDED)
                .map(code -> Arguments.of(code, code.isTransient() ? MqttServerUnavailableException.class
                        : MqttConnectException.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("mqtt5Refusals")
    @DisplayName("a refusing CONNACK reason code is a typed error with reason string and server reference; the "
            + "connection is closed [MQTT-4.13.2-1] (5.0)")
    void mqtt5Refusal(ConnectReasonCode code, Class<? extends MqttException> type) {
        Throwable error = refuse(MqttVersion.MQTT_5_0, Packets.connAckWith().reasonCode(code.code())
                .reasonString("because " + code).serverReference("other.example:1883").build());

        assertThat(error).isInstanceOf(type);
        assertThat(connectReasonCode(error)).isEqualTo(code);
        assertThat(((MqttException) error).reasonCode()).isEqualTo(code.code());
        assertThat(((MqttException) error).reasonString()).contains("because " + code);
        if (error instanceof MqttServerUnavailableException unavailable) {
            assertThat(unavailable.serverReference()).contains("other.example:1883");
        }
    }

    /**
     * Connects once and returns the error; redirects are refused, so that Use another server and Server moved stand
     * as refusals here (following them is {@link RedirectAndFailoverFlowTest}'s).
     */
    private Throwable refuse(MqttVersion version, io.mqttreactive.netty.internal.packet.ConnAckPacket connAck) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.newClient(options -> options
                .failover(FailoverOptions.DEFAULT.withMaximumRedirects(0)));
        broker.expect(isConnect()).answer(connAck);

        Throwable error = catchThrowable(() -> client.connect().block(WAIT));

        broker.awaitConnectionClosed();
        assertThat(client.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
        return error;
    }

    private static ConnectReasonCode connectReasonCode(Throwable error) {
        if (error instanceof MqttServerUnavailableException unavailable) {
            return unavailable.connectReasonCode();
        }
        return ((MqttConnectException) error).connectReasonCode();
    }

    @BothVersions
    @DisplayName("a CONNACK that never comes fails connect() with MqttTimeoutException after the connect timeout "
            + "and closes the connection")
    void connAckNeverComes(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        Duration timeout = Duration.ofMillis(300);
        MqttClient client = broker.newClient(options -> options.connectTimeout(timeout));
        broker.expect(isConnect()).answerNothing();

        long start = System.nanoTime();
        Throwable error = catchThrowable(() -> client.connect().block(WAIT));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(error).isInstanceOfSatisfying(MqttTimeoutException.class,
                timedOut -> assertThat(timedOut.timeout()).isEqualTo(timeout));
        assertThat(took).isGreaterThanOrEqualTo(timeout).isLessThan(WAIT);
        broker.awaitConnectionClosed();
    }

    @BothVersions
    @DisplayName("a packet other than CONNACK first is a protocol error that fails connect() [MQTT-3.2.0-1] "
            + "(3.1.1)")
    void somethingElseBeforeConnAck(MqttVersion version) {
        broker = ScriptedBroker.start(version);
        MqttClient client = broker.newClient(options -> options);
        broker.expect(isConnect()).answer(Packets.publish("early/x", "too soon", MqttQos.AT_MOST_ONCE, 0));

        Throwable error = catchThrowable(() -> client.connect().block(WAIT));

        assertThat(error).isInstanceOf(MqttProtocolException.class).hasMessageContaining("CONNACK");
        broker.awaitConnectionClosed();
    }

    @Test
    @DisplayName("the server's limits from CONNACK reach the ConnectResult (5.0 section 3.2.2.3)")
    void connAckPropertiesReachTheResult() {
        broker = ScriptedBroker.start(MqttVersion.MQTT_5_0);
        MqttClient client = broker.newClient(options -> options);
        broker.expect(isConnect()).answer(Packets.connAckWith().receiveMaximum(7).topicAliasMaximum(3)
                .serverKeepAlive(30).build());

        ConnectResult result = client.connect().block(WAIT);

        assertThat(result.receiveMaximum()).isEqualTo(7);
        assertThat(result.topicAliasMaximum()).isEqualTo(3);
        assertThat(result.serverKeepAlive()).contains(Duration.ofSeconds(30));
    }
}
